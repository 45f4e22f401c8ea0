import { isObject, type JsonObject, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { CERTIFICATION, defineRule, type RuleContext, type SchemaNode } from '../../rule.ts';

/**
 * Reports a whole body, response or notification schema (the `schema` of the object at `owner`) that
 * is `{}`. These roots are found through their parameter, response and path item: a node without
 * keys cannot be dispatched by key.
 */
function checkRoot(raw: JsonObject | undefined, owner: string, role: SchemaNode['role'], ctx: RuleContext) {
  if (!raw || !isEmpty(raw)) return;
  const pointer = join(owner, 'schema');
  const node: SchemaNode = {
    raw,
    pointer,
    role,
    holder: 'schema',
    depth: 0,
    parent: undefined,
    propertyName: undefined,
    via: 'root',
  };
  // Only a whole body or response schema: a nested `{}` ("any value") is common and harmless.
  ctx.report({
    message: `${schemaLabel(node, ctx.connector)} is an empty schema \`{}\`; describe its content or remove it.`,
    at: pointer,
  });
}

function isEmpty(raw: JsonObject): boolean {
  for (const key in raw) if (Object.hasOwn(raw, key)) return false;
  return true;
}

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
    schemaKeys: ['properties'],
    schema(node, ctx) {
      if (node.holder !== 'schema') return;
      const properties = own(node.raw, 'properties');
      if (!isObject(properties) || !isEmpty(properties)) return;
      if (own(node.raw, 'additionalProperties') !== undefined || own(node.raw, 'allOf') !== undefined) return;
      ctx.report({
        message: `${schemaLabel(node, ctx.connector)} has an empty \`properties\` object; describe the properties or remove it.`,
        at: join(node.pointer, 'properties'),
      });
    },
    parameter(p, ctx) {
      if (p.in === 'body') checkRoot(p.schema, p.pointer, 'input', ctx);
    },
    response(response, _operation, ctx) {
      checkRoot(response.schema, response.pointer, 'output', ctx);
    },
    pathItem(item, ctx) {
      const content = item.notificationContent;
      if (content) checkRoot(content.schema, content.pointer, 'output', ctx);
    },
  },
});
