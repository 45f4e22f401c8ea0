import { ALL, defineRule } from '../../rule.ts';
import { quoted } from './_names.ts';

/** A flow's definition in a solution export: `Workflows/<name>-<GUID>.json`. */
const DEFINITION = /^workflows\/[^/]+\.json$/;

export default defineRule({
  id: 'package-workflow-files',
  description:
    "A solution's flow definitions and its `customizations.xml` agree: each `Workflow`'s `JsonFileName` is in the zip, and each `Workflows/*.json` of the zip is a `Workflow` there.",
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Export the flow solution again with `pac solution export` rather than adding, removing or renaming files in it.',
  visit: {
    certificationPackage(pkg, ctx) {
      for (const s of pkg.solutions) {
        if (!s.content) continue;
        const named = new Set(s.content.workflowFiles.map((f) => f.toLowerCase()));
        const missing = s.content.workflowFiles.filter((f) => !s.entries.has(f.toLowerCase()));
        if (missing.length > 0)
          ctx.report({
            message: `\`${s.path}\` lacks ${quoted(missing)}, which its \`customizations.xml\` names as a flow's definition; importing the solution would fail.`,
          });
        const unnamed = [...s.entries].flatMap(([lower, path]) =>
          DEFINITION.test(lower) && !named.has(lower) ? [path] : [],
        );
        if (unnamed.length > 0)
          ctx.report({
            message: `\`${s.path}\` holds ${quoted(unnamed)}, which its \`customizations.xml\` names for no \`Workflow\`; certification rejects a flow solution whose files and \`customizations.xml\` disagree (policy 5000.1.1.15).`,
          });
      }
    },
  },
});
