import { parseOutline } from '../../helpers/markdown-outline.ts';
import { findSections, INTRO_SECTIONS, type SectionSpec } from '../../helpers/readme-sections.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Connection parameters in the connector solution: its users bring credentials. */
const CONNECTION_PARAMETERS = /_connectionparameter(?:set)?s\.json$/i;

export default defineRule({
  id: 'package-intro-sections',
  description:
    "The submission's `intro.md` has the sections Prerequisites, How to get credentials and Known issues and limitations.",
  category: 'package',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Add the missing sections; `intro.md` becomes the public documentation page of the connector.',
  visit: {
    certificationPackage(pkg, ctx) {
      const intro = pkg.intro;
      if (!intro) return;
      const outline = parseOutline(intro.text);
      const { prerequisites, credentials, knownIssues } = INTRO_SECTIONS;
      const withCredentials = pkg.solutions.some((s) =>
        s.content?.connectorFiles.some((f) => CONNECTION_PARAMETERS.test(f)),
      );
      const required: SectionSpec[] = withCredentials
        ? [prerequisites, credentials, knownIssues]
        : [prerequisites, knownIssues];
      for (const spec of required) {
        if (findSections(outline, spec).length > 0) continue;
        ctx.report({ message: `\`${intro.path}\` has no \`${spec.title}\` section.` });
      }
    },
  },
});
