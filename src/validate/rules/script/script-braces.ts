import { lineColumn, maskedScript } from '../../helpers/csharp-code.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'script-braces',
  description: 'Braces in `script.csx` must balance (braces in strings and comments do not count).',
  category: 'script',
  source: 'flowport',
  severity: 'error',
  presets: ALL,
  fix: 'Add the missing brace or remove the extra one; a truncated file often shows up this way.',
  visit: {
    connector(c, ctx) {
      const file = c.files.script;
      if (!file) return;
      const { code, unterminated } = maskedScript(file);
      if (unterminated !== undefined) {
        ctx.report({
          message: '`script.csx` has a string or comment that never ends.',
          at: { file: 'script', ...lineColumn(code, unterminated) },
          fix: 'Close the string or comment that starts here.',
        });
        return;
      }
      const open: number[] = [];
      for (let i = 0; i < code.length; i++) {
        const ch = code.charCodeAt(i);
        if (ch === 123) open.push(i);
        else if (ch === 125 && open.pop() === undefined) {
          ctx.report({
            message: 'This `}` in `script.csx` closes no open brace.',
            at: { file: 'script', ...lineColumn(code, i), length: 1 },
          });
          return;
        }
      }
      const last = open.at(-1);
      if (last !== undefined) {
        ctx.report({
          message: `\`script.csx\` ends with ${open.length} unclosed \`{\`; the last one opened is here.`,
          at: { file: 'script', ...lineColumn(code, last), length: 1 },
        });
      }
    },
  },
});
