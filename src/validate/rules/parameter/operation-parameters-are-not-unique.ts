import { operationDuplicateParameters } from '../../helpers/parameter-lists.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-parameters-are-not-unique',
  microsoftId: 'OperationParametersAreNotUnique',
  description:
    'An operation must not list the same parameter (the same `$ref` or an identical object) twice.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: "Remove the repeated entry from the operation's `parameters`.",
  visit: {
    operation(op, ctx) {
      for (const { first, duplicate, identical } of operationDuplicateParameters(op)) {
        if (!identical) continue;
        ctx.report({
          message: `The parameters in the operation \`${op.label}\` are not unique: \`${duplicate.name}\` (\`${duplicate.in}\`) is listed at \`${first.usedAt}\` and again here.`,
          at: duplicate.usedAt,
        });
      }
    },
  },
});
