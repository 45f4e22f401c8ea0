import { ALL, defineRule } from '../../rule.ts';

/** Operations per swagger, from Microsoft's custom connector FAQ. */
export const MAX_OPERATIONS = 256;

export default defineRule({
  id: 'total-operations-count-exceeds-max-allowed',
  microsoftId: 'TotalOperationsCountExceedsMaxAllowed',
  description: `A connector may define at most ${MAX_OPERATIONS} operations.`,
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Split the API into several connectors, or drop operations that flows rarely need.',
  visit: {
    connector(connector, ctx) {
      const count = connector.operations.length;
      if (count <= MAX_OPERATIONS) return;
      ctx.report({
        message: `The total number of operations in the swagger (${count}) exceeds the maximum allowed value of ${MAX_OPERATIONS}.`,
        at: '/paths',
      });
    },
  },
});
