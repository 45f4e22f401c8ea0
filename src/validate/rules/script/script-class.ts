import { lineColumn, maskedScript } from '../../helpers/csharp-code.ts';
import { ALL, defineRule } from '../../rule.ts';

const SCRIPT_CLASS = /\bclass\s+(\w+)\s*:\s*(?:[\w.]+\.)?ScriptBase\b/;
const EXECUTE = /\bTask\s*<\s*HttpResponseMessage\s*>\s*ExecuteAsync\s*\(\s*\)|\bExecuteAsync\s*\(\s*\)/;

export default defineRule({
  id: 'script-class',
  description:
    '`script.csx` must declare a class deriving from `ScriptBase` that overrides `ExecuteAsync()`.',
  category: 'script',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Declare `public class Script : ScriptBase` with `public override async Task<HttpResponseMessage> ExecuteAsync()`.',
  visit: {
    connector(c, ctx) {
      const file = c.files.script;
      if (!file) return;
      const { code } = maskedScript(file);
      const cls = SCRIPT_CLASS.exec(code);
      if (!cls) {
        ctx.report({
          message:
            '`script.csx` declares no class deriving from `ScriptBase`; the platform looks for `public class Script : ScriptBase`.',
          at: { file: 'script', line: 1 },
        });
        return;
      }
      if (!EXECUTE.test(code)) {
        ctx.report({
          message: `Class \`${cls[1]}\` in \`script.csx\` has no \`ExecuteAsync()\` method; the platform calls it for every operation that runs the script.`,
          at: { file: 'script', ...lineColumn(code, cls.index) },
        });
      }
    },
  },
});
