import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';
import { FILTER_FUNCTIONS, filterFunctions } from './_filter-functions.ts';

export default defineRule({
  id: 'filter-functions-property-invalid-value',
  microsoftId: 'FilterFunctionsPropertyInvalidValue',
  description: '`x-ms-capabilities.filterFunctions` may only list functions Power Fx can delegate.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: `Use only these names: ${[...FILTER_FUNCTIONS].join(', ')}.`,
  visit: {
    schemaKeys: ['x-ms-capabilities'],
    schema(node, ctx) {
      const found = filterFunctions(node);
      if (!found || !Array.isArray(found.value)) return;
      found.value.forEach((name, i) => {
        if (typeof name === 'string' && FILTER_FUNCTIONS.has(name)) return;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} lists \`${JSON.stringify(name)}\` in \`filterFunctions\`, which supports only the Power Fx filter functions (\`eq\`, \`ne\`, \`startswith\`, …).`,
          at: join(found.pointer, i),
        });
      });
    },
  },
});
