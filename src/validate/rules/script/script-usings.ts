import { lineColumn, maskedScript } from '../../helpers/csharp-code.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Namespaces custom code may use (write-code documentation). */
const ALLOWED = new Set([
  'System',
  'System.Collections',
  'System.Collections.Generic',
  'System.Diagnostics',
  'System.IO',
  'System.IO.Compression',
  'System.Linq',
  'System.Net',
  'System.Net.Http',
  'System.Net.Http.Headers',
  'System.Net.Security',
  'System.Security.Authentication',
  'System.Security.Cryptography',
  'System.Text',
  'System.Text.RegularExpressions',
  'System.Threading',
  'System.Threading.Tasks',
  'System.Web',
  'System.Xml',
  'System.Xml.Linq',
  'System.Drawing',
  'System.Drawing.Drawing2D',
  'System.Drawing.Imaging',
  'Microsoft.Extensions.Logging',
  'Newtonsoft.Json',
  'Newtonsoft.Json.Linq',
  // `ScriptBase` itself lives here; Microsoft's own certified connectors import it.
  'Microsoft.PowerPlatform.Connectors.CustomCode.CSharp',
]);

/** `using X;`, `using static X.Y;`, `using A = X.Y;` directives (not `using (…)` or `using var`). */
const USING = /^[ \t\uFEFF]*(?:global\s+)?using\s+(static\s+)?(?:(\w+)\s*=\s*)?([A-Za-z_][\w.]*)\s*;/gm;

function allowed(name: string, isType: boolean): boolean {
  if (ALLOWED.has(name)) return true;
  // `using static` and aliases may name a type: its namespace must be allowed.
  const dot = name.lastIndexOf('.');
  return isType && dot > 0 && ALLOWED.has(name.slice(0, dot));
}

export default defineRule({
  id: 'script-usings',
  description: '`script.csx` may only import the namespaces custom code supports.',
  category: 'script',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Remove the `using` or replace the code that needs it; only System, System.Net.Http, System.Text, Newtonsoft.Json and a few more are available.',
  visit: {
    connector(c, ctx) {
      const file = c.files.script;
      if (!file) return;
      const { code } = maskedScript(file);
      for (const m of code.matchAll(USING)) {
        const name = m[3] ?? '';
        if (allowed(name, m[1] !== undefined || m[2] !== undefined)) continue;
        const offset = (m.index ?? 0) + m[0].indexOf('using');
        ctx.report({
          message: `\`script.csx\` imports \`${name}\`, which is not a supported namespace for custom code.`,
          at: {
            file: 'script',
            ...lineColumn(code, offset),
            length: m[0].length - (offset - (m.index ?? 0)),
          },
        });
      }
    },
  },
});
