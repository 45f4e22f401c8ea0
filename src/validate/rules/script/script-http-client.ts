import { lineColumn, maskedScript } from '../../helpers/csharp-code.ts';
import { ALL, defineRule } from '../../rule.ts';

const NEW_CLIENT = /\bnew\s+(?:System\.Net\.Http\.)?HttpClient\s*\(/g;

export default defineRule({
  id: 'script-http-client',
  description: '`script.csx` should send requests with `this.Context.SendAsync`, not a new `HttpClient`.',
  category: 'script',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Build an `HttpRequestMessage` and send it with `await this.Context.SendAsync(request, this.CancellationToken)`.',
  visit: {
    connector(c, ctx) {
      const file = c.files.script;
      if (!file) return;
      const { code } = maskedScript(file);
      for (const m of code.matchAll(NEW_CLIENT)) {
        ctx.report({
          message:
            '`script.csx` creates its own `HttpClient`; the documentation says this will be blocked and asks for `this.Context.SendAsync`.',
          at: { file: 'script', ...lineColumn(code, m.index ?? 0), length: m[0].length },
        });
      }
    },
  },
});
