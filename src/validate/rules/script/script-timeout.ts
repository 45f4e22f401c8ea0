import { lineColumn, maskedScript } from '../../helpers/csharp-code.ts';
import { ALL, defineRule } from '../../rule.ts';

/** `Task.Delay(7000)`, `Thread.Sleep(10000)`, `Task.Delay(TimeSpan.FromSeconds(30))`. */
const DELAY =
  /\b(?:Task\s*\.\s*Delay|Thread\s*\.\s*Sleep)\s*\(\s*(?:(\d[\d_]*)|TimeSpan\s*\.\s*From(Seconds|Minutes)\s*\(\s*(\d+(?:\.\d+)?))/g;
/** The documented execution limit of custom code. */
const LIMIT_MS = 5000;

export default defineRule({
  id: 'script-timeout',
  description: 'Custom code must finish within 5 seconds; flags fixed delays that alone reach that limit.',
  category: 'script',
  source: 'certification',
  severity: 'info',
  presets: ALL,
  fix: 'Do not wait inside the script: return `202 Accepted` with a `Location` header and let the caller poll.',
  visit: {
    connector(c, ctx) {
      const file = c.files.script;
      if (!file) return;
      const { code } = maskedScript(file);
      for (const m of code.matchAll(DELAY)) {
        const ms = m[1]
          ? Number(m[1].replace(/_/g, ''))
          : Number(m[3]) * (m[2] === 'Minutes' ? 60_000 : 1000);
        if (!(ms >= LIMIT_MS)) continue;
        ctx.report({
          message: `\`script.csx\` waits ${ms / 1000} s here; custom code is cancelled after 5 seconds.`,
          at: { file: 'script', ...lineColumn(code, m.index ?? 0), length: m[0].length },
        });
      }
    },
  },
});
