import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';
import { filterFunctions } from './_filter-functions.ts';

export default defineRule({
  id: 'filter-functions-property-empty',
  microsoftId: 'FilterFunctionsPropertyEmpty',
  description: '`x-ms-capabilities.filterFunctions` must list at least one function.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'List the functions the column supports (e.g. `["eq", "ne"]`), or remove `filterFunctions`.',
  visit: {
    schemaKeys: ['x-ms-capabilities'],
    schema(node, ctx) {
      const found = filterFunctions(node);
      if (!found || !Array.isArray(found.value) || found.value.length > 0) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has an empty \`filterFunctions\`; the \`filterFunctions\` property must have at least one element.`,
        at: found.pointer,
      });
    },
  },
});
