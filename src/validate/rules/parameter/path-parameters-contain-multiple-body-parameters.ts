import { extraBodies } from '../../helpers/parameter-lists.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'path-parameters-contain-multiple-body-parameters',
  microsoftId: 'PathParametersContainMultipleBodyParameters',
  description: "A path item's own `parameters` can contain at most one `in: body` parameter.",
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Keep a single `body` parameter; merge the others into its schema.',
  visit: {
    pathItem(item, ctx) {
      for (const p of extraBodies(item.parameters)) {
        ctx.report({
          message: `The path \`${item.path}\` contains multiple parameters in the location \`body\` (\`${p.name}\` is another one); at most one is allowed.`,
          at: p.usedAt,
        });
      }
    },
  },
});
