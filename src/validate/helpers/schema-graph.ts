import { entries, isObject, type JsonObject, own, ownArray, ownString } from '../../connector/json.ts';
import { refToPointer, split } from '../../connector/pointer.ts';
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
  for (const [name, prop] of entries(own(raw, 'properties'))) if (isObject(prop)) fn(prop, 'property', name);
  const items = own(raw, 'items');
  if (isObject(items)) fn(items, 'items', '');
  else if (Array.isArray(items)) {
    items.forEach((item, i) => {
      if (isObject(item)) fn(item, 'items', String(i));
    });
  }
  const additional = own(raw, 'additionalProperties');
  if (isObject(additional)) fn(additional, 'additionalProperties', '');
  (ownArray(raw, 'allOf') ?? []).forEach((part, i) => {
    if (isObject(part)) fn(part, 'allOf', String(i));
  });
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
  const segments = split(root.pointer);
  return segments.length === 2 && segments[0] === 'definitions' ? segments[1] : undefined;
}

/** The `$ref` string of a schema, when it has one. */
export function refOf(raw: JsonObject): string | undefined {
  return ownString(raw, '$ref');
}
