import { defineRule } from '../../rule.ts';
import { quoted } from './_names.ts';

export default defineRule({
  id: 'package-workflow-files',
  description:
    "The flow definitions a solution's `customizations.xml` names (each `Workflow`'s `JsonFileName`) are in the solution zip.",
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ['recommended', 'certification', 'independent-publisher'],
  fix: 'Export the flow solution again with `pac solution export` rather than removing files from it.',
  visit: {
    certificationPackage(pkg, ctx) {
      for (const s of pkg.solutions) {
        if (!s.content) continue;
        const missing = s.content.workflowFiles.filter((f) => !s.entries.has(f.toLowerCase()));
        if (missing.length === 0) continue;
        ctx.report({
          message: `\`${s.path}\` lacks ${quoted(missing)}, which its \`customizations.xml\` names as a flow's definition; importing the solution would fail.`,
        });
      }
    },
  },
});
