import { entries, isObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'empty-object-schema',
  description:
    'Schemas should not be empty: no `properties: {}`, and no `{}` as a whole body or response schema.',
  category: 'schema',
  source: 'reviewer-practice',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Describe the properties (so flows can use them as dynamic content), use `x-ms-dynamic-schema` when they vary, or remove the empty keyword.',
  visit: {
    schema(node, ctx) {
      if (node.holder !== 'schema') return;
      const properties = own(node.raw, 'properties');
      if (properties !== undefined) {
        if (!isObject(properties) || entries(properties).length > 0) return;
        if (own(node.raw, 'additionalProperties') !== undefined || own(node.raw, 'allOf') !== undefined)
          return;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has an empty \`properties\` object; describe the properties or remove it.`,
          at: join(node.pointer, 'properties'),
        });
      } else if (!node.parent && node.role !== 'definition' && Object.keys(node.raw).length === 0) {
        // Only a whole body or response schema: a nested `{}` ("any value") is common and harmless.
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} is an empty schema \`{}\`; describe its content or remove it.`,
          at: node.pointer,
        });
      }
    },
  },
});
