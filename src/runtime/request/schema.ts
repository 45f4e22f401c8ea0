import {
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
  ownBoolean,
  ownString,
} from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';

/** `allOf` and `$ref` chains deeper than this are treated as cycles. */
const MAX_DEPTH = 32;

/** A schema with its `$ref` resolved and its `allOf` parts merged: what a value must look like. */
export interface SchemaView {
  /** The resolved schema object (the first `allOf` holder when merged). */
  readonly raw: JsonObject;
  /** `type`, or `object`/`array` inferred from `properties`/`items`; undefined when unknown. */
  readonly type: string | undefined;
  readonly format: string | undefined;
  /** Properties in declaration order, later `allOf` parts winning on a name. */
  readonly properties: ReadonlyMap<string, JsonValue>;
  readonly required: ReadonlySet<string>;
  readonly items: JsonValue | undefined;
}

/** The schema a `$ref` points at (chains followed), or the node itself; undefined when unresolvable. */
export function resolveSchema(connector: Connector, node: JsonValue | undefined): JsonObject | undefined {
  const ref = ownString(node, '$ref');
  if (ref === undefined) return isObject(node) ? node : undefined;
  const target = connector.resolve(ref)?.value;
  return isObject(target) ? target : undefined;
}

/**
 * Resolves `node` and flattens its `allOf` (recursively, cycle-safe) into one view.
 *
 * @example
 * viewSchema(connector, { $ref: '#/definitions/Task' }).required.has('title');
 */
export function viewSchema(connector: Connector, node: JsonValue | undefined): SchemaView | undefined {
  const root = resolveSchema(connector, node);
  if (!root) return undefined;
  const properties = new Map<string, JsonValue>();
  const required = new Set<string>();
  let type: string | undefined;
  let format: string | undefined;
  let items: JsonValue | undefined;
  const seen = new Set<JsonObject>();
  const visit = (schema: JsonObject, depth: number): void => {
    if (seen.has(schema) || depth > MAX_DEPTH) return;
    seen.add(schema);
    type ??= ownString(schema, 'type');
    format ??= ownString(schema, 'format');
    items ??= own(schema, 'items');
    const props = own(schema, 'properties');
    if (isObject(props)) for (const [name, prop] of Object.entries(props)) properties.set(name, prop);
    for (const name of ownArray(schema, 'required') ?? []) if (typeof name === 'string') required.add(name);
    for (const part of ownArray(schema, 'allOf') ?? []) {
      const resolved = resolveSchema(connector, part);
      if (resolved) visit(resolved, depth + 1);
    }
  };
  visit(root, 0);
  if (type === undefined && properties.size > 0) type = 'object';
  if (type === undefined && items !== undefined) type = 'array';
  return { raw: root, type, format, properties, required, items };
}

/** `x-ms-visibility: internal` on a schema or parameter object. */
export function isInternal(node: JsonValue | undefined): boolean {
  return ownString(node, 'x-ms-visibility')?.toLowerCase() === 'internal';
}

/** The property receives the webhook callback URL; the webhook stage fills it, not the caller (§4.8). */
export function isNotificationUrl(node: JsonValue | undefined): boolean {
  return ownBoolean(node, 'x-ms-notification-url') === true;
}
