import { isObject, own } from '../../../connector/json.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'array-has-no-items',
  microsoftId: 'ArrayHasNoItems',
  description: 'A schema, parameter or header of `type: array` must define `items`.',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `items` describing one element, e.g. `"items": { "type": "string" }`.',
  visit: {
    schemaKeys: ['type'],
    schema(node, ctx) {
      if (own(node.raw, 'type') !== 'array') return;
      const items = own(node.raw, 'items');
      if (isObject(items) || Array.isArray(items)) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} is an array without \`items\`; the array should have items specified.`,
        at: node.pointer,
      });
    },
  },
});
