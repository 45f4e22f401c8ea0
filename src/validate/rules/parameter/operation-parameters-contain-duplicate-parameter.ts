import { operationDuplicateParameters } from '../../helpers/parameter-lists.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-parameters-contain-duplicate-parameter',
  microsoftId: 'OperationParametersContainDuplicateParameter',
  description: 'An operation must not define two different parameters with the same `name` and `in`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove one of the two definitions, or rename one; `name` + `in` identify a parameter (header names case-insensitively).',
  visit: {
    operation(op, ctx) {
      for (const { first, duplicate, identical } of operationDuplicateParameters(op)) {
        if (identical) continue;
        ctx.report({
          message: `The operation \`${op.label}\` contains duplicate parameters with name \`${duplicate.name}\`, location \`${duplicate.in}\` (first at \`${first.usedAt}\`).`,
          at: duplicate.usedAt,
        });
      }
    },
  },
});
