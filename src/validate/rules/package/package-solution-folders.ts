import { solutionKind } from '../../../package/model.ts';
import { ALL, defineRule } from '../../rule.ts';
import { quoted } from './_names.ts';

export default defineRule({
  id: 'package-solution-folders',
  description:
    'A solution has the folders of what its `customizations.xml` declares: `Connector/` for a connector, `Workflows/` for flows, `aiplugins/` and `aipluginoperations/` for an AI plugin.',
  category: 'package',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: "Export the solution again with `pac solution export`; a hand-made zip must keep the export's folders.",
  visit: {
    certificationPackage(pkg, ctx) {
      for (const s of pkg.solutions) {
        const { content, level } = s;
        if (!content?.connector || !level) continue;
        const wanted = ['Connector'];
        if (content.workflows) wanted.push('Workflows');
        if (content.plugin) wanted.push('aiplugins', 'aipluginoperations');
        const have = new Set(level.folders.map((f) => f.toLowerCase()));
        const missing = wanted.filter((f) => !have.has(f.toLowerCase()));
        if (missing.length === 0) continue;
        const kind = solutionKind(content);
        const label = kind ? `${kind[0]?.toUpperCase()}${kind.slice(1)} solution` : 'Solution';
        ctx.report({
          message: `${label} \`${s.path}\` has no ${quoted(missing, '/')} folder${missing.length === 1 ? '' : 's'} though its \`customizations.xml\` declares ${describe(content)} (ConnectorPackageValidator: "The folders should match the customization.xml file.").`,
        });
      }
    },
  },
});

function describe(content: { workflows: boolean; plugin: boolean }): string {
  const parts = ['a connector'];
  if (content.workflows) parts.push('flows');
  if (content.plugin) parts.push('an AI plugin');
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
