import { ALL, defineRule } from '../../rule.ts';
import { quoted } from './_names.ts';

export default defineRule({
  id: 'package-connector-files',
  description:
    "The files a solution's `customizations.xml` names for its connector (the OpenAPI definition, icon, connection parameters…) are in the solution zip.",
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Export the solution again with `pac solution export` rather than removing files from it.',
  visit: {
    certificationPackage(pkg, ctx) {
      for (const s of pkg.solutions) {
        if (!s.content) continue;
        const missing = s.content.connectorFiles.filter((f) => !s.entries.has(f.toLowerCase()));
        if (missing.length === 0) continue;
        ctx.report({
          message: `\`${s.path}\` lacks ${quoted(missing)}, which its \`customizations.xml\` names for the connector; importing the solution would fail.`,
        });
      }
    },
  },
});
