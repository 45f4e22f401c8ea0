import { schemaLabel } from '../../helpers/schema-label.ts';
import { usedAsInput, usedAsOutput } from '../../helpers/schema-usage.ts';
import { ALL, defineRule } from '../../rule.ts';
import { filterFunctions } from './_filter-functions.ts';

export default defineRule({
  id: 'filter-functions-property-in-input-schema',
  microsoftId: 'FilterFunctionsPropertyInInputSchema',
  description: '`x-ms-capabilities.filterFunctions` belongs in response schemas, not in requests.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Move `filterFunctions` to the matching property of the response schema.',
  visit: {
    schemaKeys: ['x-ms-capabilities'],
    schema(node, ctx) {
      const found = filterFunctions(node);
      // A definition shared by requests and responses is given the benefit of the doubt.
      if (!found || !usedAsInput(node, ctx.connector) || usedAsOutput(node, ctx.connector)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} is part of a request; the \`filterFunctions\` property has to be in the response schema.`,
        at: found.pointer,
      });
    },
  },
});
