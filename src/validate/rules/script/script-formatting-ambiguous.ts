import { lineColumn, maskedScript } from '../../helpers/csharp-code.ts';
import { ALL, defineRule } from '../../rule.ts';

/** `Formatting.None` / `Formatting.Indented` not qualified by `Json.` or `Xml.`. */
const BARE = /(?<![\w.])Formatting\s*\.\s*(None|Indented)\b/g;

export default defineRule({
  id: 'script-formatting-ambiguous',
  description:
    '`script.csx` should qualify `Formatting.None` / `Formatting.Indented`, which is ambiguous between Newtonsoft.Json and System.Xml.',
  category: 'script',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Write `Newtonsoft.Json.Formatting.None` (or `.Indented`).',
  visit: {
    connector(c, ctx) {
      const file = c.files.script;
      if (!file) return;
      const { code } = maskedScript(file);
      for (const m of code.matchAll(BARE)) {
        ctx.report({
          message: `\`Formatting.${m[1]}\` in \`script.csx\` is ambiguous (\`Newtonsoft.Json.Formatting\` and \`System.Xml.Formatting\` are both in scope) and fails to compile.`,
          at: { file: 'script', ...lineColumn(code, m.index ?? 0), length: m[0].length },
          fix: `Write \`Newtonsoft.Json.Formatting.${m[1]}\`.`,
        });
      }
    },
  },
});
