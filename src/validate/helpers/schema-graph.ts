import { isObject, type JsonObject, own, ownArray, ownString } from '../../connector/json.ts';
import { refToPointer, split, unescapeSegment } from '../../connector/pointer.ts';
import type { SchemaNode } from '../rule.ts';

/** How a subschema hangs off its parent schema. */
export type SubschemaKind = 'property' | 'items' | 'additionalProperties' | 'allOf';

/**
 * Calls `fn` for every direct subschema of a Swagger 2.0 schema: each of `properties`, `items` (an
 * object, or each member of a tuple array), an object `additionalProperties` and each `allOf` member.
 * `key` is the property name or the array index.
 */
export function forEachSubschema(
  raw: JsonObject,
  fn: (child: JsonObject, kind: SubschemaKind, key: string) => void,
): void {
  // Plain loops: this runs for every node of every schema several rules expand.
  const properties = own(raw, 'properties');
  if (isObject(properties)) {
    const names = Object.keys(properties);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const prop = properties[name];
      if (isObject(prop)) fn(prop, 'property', name);
    }
  }
  const items = own(raw, 'items');
  if (isObject(items)) fn(items, 'items', '');
  else if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isObject(item)) fn(item, 'items', String(i));
    }
  }
  const additional = own(raw, 'additionalProperties');
  if (isObject(additional)) fn(additional, 'additionalProperties', '');
  const allOf = ownArray(raw, 'allOf');
  if (allOf) {
    for (let i = 0; i < allOf.length; i++) {
      const part = allOf[i];
      if (isObject(part)) fn(part, 'allOf', String(i));
    }
  }
}

/**
 * Name of the definition a `$ref` points into: `#/definitions/Pet` and `#/definitions/Pet/properties/id`
 * both give `Pet`; other refs give undefined.
 */
export function definitionNameOf(ref: string): string | undefined {
  const pointer = refToPointer(ref);
  if (pointer === undefined || !pointer.startsWith('/definitions/')) return undefined;
  return split(pointer)[1];
}

/** The node at the top of a schema node's chain of parents. */
export function rootOf(node: SchemaNode): SchemaNode {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

/** Name of the definition a schema node sits in, when it sits under `#/definitions`. */
export function rootDefinitionName(node: SchemaNode): string | undefined {
  const root = rootOf(node);
  if (root.role !== 'definition') return undefined;
  // `/definitions/<name>`, read without splitting the pointer: asked for each node below a definition.
  const { pointer } = root;
  if (!pointer.startsWith(DEFINITIONS) || pointer.includes('/', DEFINITIONS.length)) return undefined;
  return unescapeSegment(pointer.slice(DEFINITIONS.length));
}

const DEFINITIONS = '/definitions/';

/** The `$ref` string of a schema, when it has one. */
export function refOf(raw: JsonObject): string | undefined {
  return ownString(raw, '$ref');
}
