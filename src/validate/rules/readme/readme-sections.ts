import { outlineOf } from '../../helpers/markdown-outline.ts';
import {
  findSections,
  needsCredentials,
  README_SECTIONS,
  type SectionSpec,
} from '../../helpers/readme-sections.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'readme-sections',
  description:
    'The readme needs a `#` title and the template sections Publisher, Prerequisites, Supported Operations, Obtaining Credentials and Known Issues and Limitations.',
  category: 'readme',
  source: 'certification',
  severity: 'error',
  // Half of the certified readmes predate the template; see the doc page.
  presetSeverity: { certification: 'warning' },
  presets: CERTIFICATION,
  fix: 'Add the missing sections from the readme template of the certification repository.',
  visit: {
    connector(c, ctx) {
      const file = c.files.readme;
      if (!file) return;
      const outline = outlineOf(file);
      const missing: SectionSpec[] = [];
      // A `## Title` opening the file is a title too; only a file that starts with a section lacks one.
      const opening = outline.headings[0];
      const titled =
        outline.headings.some((h) => h.depth === 1) ||
        (opening !== undefined && !Object.values(README_SECTIONS).some((s) => s.matches.test(opening.key)));
      if (!titled) {
        ctx.report({
          message: 'The readme has no `# <Title>` heading with the connector name.',
          at: { file: 'readme', line: 1 },
          fix: 'Start the readme with `# <Connector name>` and a paragraph of two or three sentences about the service.',
        });
      }
      const { publisher, prerequisites, operations, credentials, knownIssues } = README_SECTIONS;
      const required: SectionSpec[] = [publisher, prerequisites, operations, knownIssues];
      if (needsCredentials(c)) required.splice(3, 0, credentials);
      for (const spec of required) if (findSections(outline, spec).length === 0) missing.push(spec);
      for (const spec of missing) {
        ctx.report({
          message: `The readme has no \`${spec.title}\` section.`,
          at: { file: 'readme', line: 1 },
        });
      }
    },
  },
});
