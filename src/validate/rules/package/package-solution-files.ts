import { ALL, defineRule } from '../../rule.ts';
import { quoted } from './_names.ts';

/** The files of a solution export's top level that ConnectorPackageValidator looks for. */
export const SOLUTION_FILES = ['[Content_Types].xml', 'customizations.xml', 'solution.xml'] as const;

export default defineRule({
  id: 'package-solution-files',
  description:
    'Each solution zip has `[Content_Types].xml`, `customizations.xml` and `solution.xml` at its top.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: "Use the zip `pac solution export` (or the maker portal's Export) gives as it is; a zip of the unpacked folder must keep these files at its top, not inside a folder.",
  visit: {
    certificationPackage(pkg, ctx) {
      for (const s of pkg.solutions) {
        if (!s.level) continue;
        const have = new Set(s.level.files.map((f) => f.toLowerCase()));
        const missing = SOLUTION_FILES.filter((f) => !have.has(f.toLowerCase()));
        if (missing.length === 0) continue;
        const inside =
          s.level.files.length === 0 && s.level.folders.length === 1
            ? ` (they may be inside its folder \`${s.level.folders[0]}/\`)`
            : '';
        ctx.report({
          message: `\`${s.path}\` has no ${quoted(missing)} at its top${inside}; a solution zip holds all three (ConnectorPackageValidator: "should contain three files namely '[Content_Types].xml', 'customizations.xml', 'solution.xml'").`,
        });
      }
    },
  },
});
