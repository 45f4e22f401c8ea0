import { isObject, type JsonObject, own, ownArray, ownObject } from '../../../connector/json.ts';
import type { Connector } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { derefSchema } from '../../helpers/schema-deref.ts';
import { refOf } from '../../helpers/schema-graph.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule } from '../../rule.ts';

const MAX_ALLOF_DEPTH = 16;

/** Whether a schema declares `name`, in its own `properties` or in an `allOf` member (following `$ref`s). */
function declares(connector: Connector, raw: JsonObject, name: string, depth = 0): boolean {
  if (depth > MAX_ALLOF_DEPTH) return true;
  const ref = refOf(raw);
  if (ref !== undefined) {
    const target = derefSchema(connector, raw, '')?.schema;
    return !target || declares(connector, target, name, depth + 1);
  }
  const properties = ownObject(raw, 'properties');
  if (properties && own(properties, name) !== undefined) return true;
  const allOf = ownArray(raw, 'allOf');
  if (!allOf) return false;
  for (const part of allOf) if (isObject(part) && declares(connector, part, name, depth + 1)) return true;
  return false;
}

export default defineRule({
  id: 'required-property-definition-missing',
  microsoftId: 'RequiredPropertyDefinitionMissing',
  description: "Every name in a schema's `required` array must be one of its `properties`.",
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Define the property under `properties`, or remove its name from `required` (names are case-sensitive).',
  visit: {
    schemaKeys: ['required'],
    schema(node, ctx) {
      const required = node.holder === 'schema' ? ownArray(node.raw, 'required') : undefined;
      if (!required?.length || own(node.raw, '$ref') !== undefined) return;
      for (let i = 0; i < required.length; i++) {
        const name = required[i];
        if (typeof name !== 'string' || declares(ctx.connector, node.raw, name)) continue;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} lists \`${name}\` in \`required\`, but the required property \`${name}\` is not defined in the object schema.`,
          at: join(node.pointer, 'required', i),
        });
      }
    },
  },
});
