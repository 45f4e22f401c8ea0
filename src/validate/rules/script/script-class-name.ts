import { lineColumn, maskedScript } from '../../helpers/csharp-code.ts';
import { ALL, defineRule } from '../../rule.ts';

const SCRIPT_CLASS = /\bclass\s+(\w+)\s*:\s*(?:[\w.]+\.)?ScriptBase\b/;

export default defineRule({
  id: 'script-class-name',
  description:
    'The `ScriptBase` class in `script.csx` should be named `Script`, as the documentation requires.',
  category: 'script',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Rename the class to `Script` (C# names are case-sensitive).',
  visit: {
    connector(c, ctx) {
      const file = c.files.script;
      if (!file) return;
      const { code } = maskedScript(file);
      const cls = SCRIPT_CLASS.exec(code);
      if (!cls || cls[1] === 'Script') return;
      ctx.report({
        message: `The \`ScriptBase\` class in \`script.csx\` is named \`${cls[1]}\`; the documentation requires \`Script\`.`,
        at: { file: 'script', ...lineColumn(code, cls.index), length: cls[0].length },
      });
    },
  },
});
