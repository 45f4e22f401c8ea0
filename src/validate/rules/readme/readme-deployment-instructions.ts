import { outlineOf } from '../../helpers/markdown-outline.ts';
import { findSections, README_SECTIONS } from '../../helpers/readme-sections.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'readme-deployment-instructions',
  description: 'A certified connector readme should have a Deployment Instructions section.',
  category: 'readme',
  source: 'certification',
  severity: 'warning',
  presets: ['certification'],
  fix: 'Add `## Deployment Instructions` explaining how to deploy the connector as a custom connector (e.g. with `paconn create`).',
  visit: {
    connector(c, ctx) {
      const file = c.files.readme;
      if (!file || findSections(outlineOf(file), README_SECTIONS.deployment).length > 0) return;
      ctx.report({
        message: 'The readme has no `## Deployment Instructions` section.',
        at: { file: 'readme', line: 1 },
      });
    },
  },
});
