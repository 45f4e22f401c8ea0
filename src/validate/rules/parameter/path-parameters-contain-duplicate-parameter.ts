import { duplicateParameters } from '../../helpers/parameter-lists.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'path-parameters-contain-duplicate-parameter',
  microsoftId: 'PathParametersContainDuplicateParameter',
  description:
    "A path item's own `parameters` must not contain two parameters with the same `name` and `in`.",
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "Remove the repeated parameter from the path item's `parameters`.",
  visit: {
    pathItem(item, ctx) {
      for (const { first, duplicate } of duplicateParameters(item.parameters)) {
        ctx.report({
          message: `The path \`${item.path}\` contains duplicate parameters with name \`${duplicate.name}\`, location \`${duplicate.in}\` (first at \`${first.usedAt}\`).`,
          at: duplicate.usedAt,
        });
      }
    },
  },
});
