import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';
import { filterFunctions } from './_filter-functions.ts';

export default defineRule({
  id: 'filter-functions-property-has-duplicates',
  microsoftId: 'FilterFunctionsPropertyHasDuplicates',
  description: '`x-ms-capabilities.filterFunctions` must not repeat a function.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove the repeated function name.',
  visit: {
    schemaKeys: ['x-ms-capabilities'],
    schema(node, ctx) {
      const found = filterFunctions(node);
      if (!found || !Array.isArray(found.value)) return;
      const seen = new Set<unknown>();
      found.value.forEach((name, i) => {
        if (!seen.has(name)) {
          seen.add(name);
          return;
        }
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} lists \`${String(name)}\` twice; the \`filterFunctions\` property cannot contain duplicates.`,
          at: join(found.pointer, i),
        });
      });
    },
  },
});
