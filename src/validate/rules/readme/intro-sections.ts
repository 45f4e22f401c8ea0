import { outlineOf } from '../../helpers/markdown-outline.ts';
import {
  findSections,
  INTRO_SECTIONS,
  needsCredentials,
  type SectionSpec,
} from '../../helpers/readme-sections.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'intro-sections',
  description:
    'An `intro.md` needs the sections Prerequisites, How to get credentials and Known issues and limitations.',
  category: 'readme',
  source: 'certification',
  severity: 'warning',
  presets: ['certification'],
  fix: 'Add the missing sections; `intro.md` becomes the public documentation page of the connector.',
  visit: {
    connector(c, ctx) {
      const file = c.files.intro;
      if (!file) return;
      const outline = outlineOf(file);
      const { prerequisites, credentials, knownIssues } = INTRO_SECTIONS;
      const required: SectionSpec[] = needsCredentials(c)
        ? [prerequisites, credentials, knownIssues]
        : [prerequisites, knownIssues];
      for (const spec of required) {
        if (findSections(outline, spec).length > 0) continue;
        ctx.report({
          message: `\`intro.md\` has no \`${spec.title}\` section.`,
          at: { file: 'intro', line: 1 },
        });
      }
    },
  },
});
