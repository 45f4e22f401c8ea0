import { isObject, type JsonObject, type JsonValue, own, ownArray } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import { derefSchema } from './schema-deref.ts';

/** Where a schema's subschemas hang. */
export type Branch = 'properties' | 'items' | 'additionalProperties' | 'allOf';

/**
 * Memoised test "does this schema, or anything under it through `through` (following `$ref`s),
 * match", so that walks skip the parts of a document without what they look for. A schema met again
 * while its own answer is pending counts as matching: in a cycle that only costs a walk, never a miss.
 */
export function matchBelow(
  connector: Connector,
  matches: (schema: JsonObject) => boolean,
  through: readonly Branch[],
  maxDepth: number,
): (schema: JsonObject) => boolean {
  const memo = new Map<JsonObject, boolean>();
  const properties = through.includes('properties');
  const single = through.filter(
    (b): b is 'items' | 'additionalProperties' => b === 'items' || b === 'additionalProperties',
  );
  const allOf = through.includes('allOf');
  const hasSingle = (schema: JsonObject): boolean => {
    for (let i = 0; i < single.length; i++) if (isObject(own(schema, single[i] as string))) return true;
    return false;
  };
  /** True when `node` (below a schema at `depth`) leads to a match. */
  const leads = (node: JsonValue | undefined, depth: number): boolean => {
    if (!isObject(node)) return false;
    // Only a `$ref` needs resolving (resolutions are cached); any other object is its own schema.
    const resolved = typeof own(node, '$ref') === 'string' ? derefSchema(connector, node, '')?.schema : node;
    return resolved !== undefined && (depth >= maxDepth || test(resolved, depth + 1));
  };
  const test = (schema: JsonObject, depth: number): boolean => {
    const props = properties ? own(schema, 'properties') : undefined;
    const parts = allOf ? ownArray(schema, 'allOf') : undefined;
    // Most schemas are leaves (`{ "type": "string" }`): answered without the memo, whose map
    // operations would cost more than the test itself.
    if (!isObject(props) && parts === undefined && !hasSingle(schema)) return matches(schema);
    const known = memo.get(schema);
    if (known !== undefined) return known;
    memo.set(schema, true);
    let found = matches(schema);
    if (!found && isObject(props)) {
      for (const name of Object.keys(props)) {
        if (leads(props[name], depth)) {
          found = true;
          break;
        }
      }
    }
    for (let i = 0; i < single.length && !found; i++) found = leads(own(schema, single[i] as string), depth);
    if (parts && !found) for (let i = 0; i < parts.length && !found; i++) found = leads(parts[i], depth);
    memo.set(schema, found);
    return found;
  };
  return (schema) => test(schema, 0);
}
