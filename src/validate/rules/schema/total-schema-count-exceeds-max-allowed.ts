import { groupDigits } from '../../helpers/group-digits.ts';
import { MAX_TOTAL_SCHEMAS, totalSchemaCount } from '../../helpers/schema-size.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'total-schema-count-exceeds-max-allowed',
  microsoftId: 'TotalSchemaCountExceedsMaxAllowed',
  description: `All operations together must not expand to more than ${groupDigits(MAX_TOTAL_SCHEMAS)} schemas.`,
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove unneeded properties, responses or operations, or split the connector.',
  visit: {
    connector(connector, ctx) {
      if (connector.operations.length === 0) return;
      const count = totalSchemaCount(connector);
      if (count <= MAX_TOTAL_SCHEMAS) return;
      ctx.report({
        message: `The operations expand to ${count} schemas; the maximum allowed number of schemas in the swagger is '${MAX_TOTAL_SCHEMAS}'.`,
        at: '/paths',
      });
    },
  },
});
