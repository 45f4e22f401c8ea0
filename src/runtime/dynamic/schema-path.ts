import {
  entries,
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
  ownString,
} from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';

/** A schema with its `$ref` followed, where it lives, and whether it or a parent is internal. */
export interface SchemaNode {
  readonly schema: JsonObject;
  readonly pointer: string;
  readonly internal: boolean;
}

const MAX_ALL_OF = 32;

/** Follows a schema's `$ref` (chains included) through `connector.resolve`; undefined when broken. */
export function derefSchema(
  connector: Connector,
  node: JsonValue | undefined,
  pointer: string,
): { schema: JsonObject; pointer: string } | undefined {
  if (!isObject(node)) return undefined;
  const ref = ownString(node, '$ref');
  if (ref === undefined) return { schema: node, pointer };
  const target = connector.resolve(ref);
  return target && isObject(target.value) ? { schema: target.value, pointer: target.pointer } : undefined;
}

/** An array schema's `items` (dereferenced), or the schema itself when it is not an array. */
export function unwrapArray(connector: Connector, node: SchemaNode): SchemaNode {
  let current = node;
  for (let depth = 0; depth < 8; depth++) {
    const items = own(current.schema, 'items');
    if (own(current.schema, 'properties') !== undefined || !isObject(items)) return current;
    const resolved = derefSchema(connector, items, join(current.pointer, 'items'));
    if (!resolved) return current;
    current = { ...resolved, internal: current.internal || isInternal(resolved.schema) };
  }
  return current;
}

/** Named properties of an object schema, its `allOf` members included (first declaration wins). */
export function propertiesOf(connector: Connector, node: SchemaNode): { name: string; node: SchemaNode }[] {
  const out: { name: string; node: SchemaNode }[] = [];
  const names = new Set<string>();
  const parts: { schema: JsonObject; pointer: string }[] = [node];
  const seen = new Set<JsonObject>([node.schema]);
  for (let i = 0; i < parts.length && parts.length < MAX_ALL_OF; i++) {
    const part = parts[i]!;
    for (const [name, value] of entries(own(part.schema, 'properties'))) {
      if (names.has(name)) continue;
      const resolved = derefSchema(connector, value, join(part.pointer, 'properties', name));
      if (!resolved) continue;
      names.add(name);
      out.push({ name, node: { ...resolved, internal: node.internal || isInternal(resolved.schema) } });
    }
    (ownArray(part.schema, 'allOf') ?? []).forEach((member, j) => {
      const resolved = derefSchema(connector, member, join(part.pointer, 'allOf', j));
      if (resolved && !seen.has(resolved.schema)) {
        seen.add(resolved.schema);
        parts.push(resolved);
      }
    });
  }
  return out;
}

/**
 * The property schema at `segments` below `root`, walking `properties` (and `allOf` members) and
 * stepping through array `items` without a segment of its own, as designers address body properties.
 */
export function propertyAt(
  connector: Connector,
  root: SchemaNode,
  segments: readonly string[],
): SchemaNode | undefined {
  let node: SchemaNode = root;
  for (const segment of segments) {
    const found = propertiesOf(connector, unwrapArray(connector, node)).find((p) => p.name === segment);
    if (!found) return undefined;
    node = found.node;
  }
  return node;
}

export function isInternal(schema: JsonObject): boolean {
  return ownString(schema, 'x-ms-visibility')?.toLowerCase() === 'internal';
}

/** The body parameter's schema (dereferenced), internal when the parameter or the schema is. */
export function bodySchema(
  connector: Connector,
  body: { readonly schema: JsonObject | undefined; readonly pointer: string; readonly visibility: string },
): SchemaNode | undefined {
  const resolved = derefSchema(connector, body.schema, join(body.pointer, 'schema'));
  if (!resolved) return undefined;
  return { ...resolved, internal: body.visibility === 'internal' || isInternal(resolved.schema) };
}
