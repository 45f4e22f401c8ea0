import { isObject, type JsonObject, type JsonValue, ownString } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';

/** A schema object with its `$ref` chain followed, and where its content actually lives. */
export interface DerefSchema {
  readonly schema: JsonObject;
  readonly pointer: string;
}

/**
 * Follows a schema's `$ref` (chains included, cycles and dangling refs give undefined); a schema
 * without `$ref` is returned as it is.
 *
 * @example derefSchema(connector, { $ref: '#/definitions/Pet' }, '/paths/~1pets/get/responses/200/schema')
 */
export function derefSchema(
  connector: Connector,
  node: JsonValue | undefined,
  pointer: string,
): DerefSchema | undefined {
  if (!isObject(node)) return undefined;
  const ref = ownString(node, '$ref');
  if (ref === undefined) return { schema: node, pointer };
  let refs = cache.get(connector);
  if (!refs) {
    refs = new Map();
    cache.set(connector, refs);
  }
  if (refs.has(ref)) return refs.get(ref);
  const target = connector.resolve(ref);
  const found =
    target && isObject(target.value) ? { schema: target.value, pointer: target.pointer } : undefined;
  refs.set(ref, found);
  return found;
}

/**
 * The schema object of {@link derefSchema} alone: a schema without `$ref` is answered without
 * allocating (most are).
 */
export function derefSchemaObject(connector: Connector, node: JsonValue | undefined): JsonObject | undefined {
  if (!isObject(node)) return undefined;
  return ownString(node, '$ref') === undefined ? node : derefSchema(connector, node, '')?.schema;
}

/** Resolved `$ref`s per connector: big connectors point at the same definitions thousands of times. */
const cache = new WeakMap<Connector, Map<string, DerefSchema | undefined>>();
