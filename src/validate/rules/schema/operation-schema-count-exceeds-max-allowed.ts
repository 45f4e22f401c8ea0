import { groupDigits } from '../../helpers/group-digits.ts';
import { MAX_OPERATION_SCHEMAS, operationSchemaCount } from '../../helpers/schema-size.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-schema-count-exceeds-max-allowed',
  microsoftId: 'OperationSchemaCountExceedsMaxAllowed',
  description: `An operation's parameters and responses must not expand to more than ${groupDigits(MAX_OPERATION_SCHEMAS)} schemas.`,
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove properties and responses flows do not need, or split the operation.',
  visit: {
    operation(op, ctx) {
      const count = operationSchemaCount(ctx.connector, op);
      if (count <= MAX_OPERATION_SCHEMAS) return;
      ctx.report({
        message: `Operation \`${op.label}\` expands to ${count} schemas; the total number of schemas in the operation has exceeded the maximum allowed value of '${MAX_OPERATION_SCHEMAS}'.`,
        at: op.pointer,
      });
    },
  },
});
