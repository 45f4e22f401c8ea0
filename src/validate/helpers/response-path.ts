import { entries, isObject, type JsonObject, own, ownArray, ownString } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';
import { type DerefSchema, derefSchema } from './schema-deref.ts';

const SUCCESS = /^2\d\d$/;

/**
 * The schema of an operation's successful response: `200`, else `201`, else the first other `2xx`
 * that has one; `$ref`s followed. Undefined when no successful response declares a schema.
 */
export function successSchema(connector: Connector, op: Operation): DerefSchema | undefined {
  const ordered = [...op.responses].sort((a, b) => rank(a.status) - rank(b.status));
  for (const r of ordered) {
    if (!SUCCESS.test(r.status) || !r.schema) continue;
    const schema = derefSchema(connector, r.schema, join(r.pointer, 'schema'));
    if (schema) return schema;
  }
  return undefined;
}

const rank = (status: string) => (status === '200' ? 0 : status === '201' ? 1 : 2);

/** Where a slash-separated path leads inside a schema. */
export type PathResult =
  | { readonly status: 'found'; readonly schema: JsonObject; readonly pointer: string }
  /** The schema lists its properties and `segment` is not one of them. */
  | { readonly status: 'missing'; readonly segment: string; readonly pointer: string }
  /** The schema does not say (open object, dynamic schema, array in between, broken `$ref`). */
  | { readonly status: 'unknown' };

const UNKNOWN: PathResult = { status: 'unknown' };
const MAX_PARTS = 64;

/** Splits a path string (`value/items`, `/value/`) into its segments. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/**
 * Follows property names through a schema (`$ref`s and `allOf` included). Only says `missing` when
 * the schema closes the door: it lists properties, the name is not among them, and nothing (dynamic
 * schema, `additionalProperties`) could add it.
 */
export function followPath(
  connector: Connector,
  start: DerefSchema,
  segments: readonly string[],
): PathResult {
  let current: DerefSchema = start;
  for (const segment of segments) {
    const parts = schemaParts(connector, current);
    let next: DerefSchema | undefined;
    let listed = false;
    let open = false;
    for (const part of parts) {
      if (isDynamic(part.schema)) open = true;
      const additional = own(part.schema, 'additionalProperties');
      if (additional === true || isObject(additional)) open = true;
      const props = own(part.schema, 'properties');
      if (isObject(props)) {
        if (Object.keys(props).length > 0) listed = true;
        const prop = own(props, segment);
        if (prop !== undefined && !next) {
          next = derefSchema(connector, prop, join(part.pointer, 'properties', segment));
          if (!next) return UNKNOWN;
        }
      }
    }
    if (next) {
      current = next;
      continue;
    }
    if (!listed || open) return UNKNOWN;
    return { status: 'missing', segment, pointer: current.pointer };
  }
  return { status: 'found', schema: current.schema, pointer: current.pointer };
}

/** What a schema says about being an array: yes, no, or nothing definite. */
export function arrayness(connector: Connector, schema: DerefSchema): 'array' | 'not-array' | 'unknown' {
  const parts = schemaParts(connector, schema);
  if (parts.some((p) => isDynamic(p.schema))) return 'unknown';
  const types = parts.map((p) => ownString(p.schema, 'type')).filter((t) => t !== undefined);
  if (types.includes('array') || parts.some((p) => isObject(own(p.schema, 'items')))) return 'array';
  if (types.length > 0 && types.some((t) => t !== 'object')) return 'not-array';
  // An object that lists its properties is definitely not an array; a bare `{}` or `{type: object}` may
  // stand for anything the service returns.
  const listsProperties = parts.some((p) => entries(own(p.schema, 'properties')).length > 0);
  return listsProperties ? 'not-array' : 'unknown';
}

function isDynamic(schema: JsonObject): boolean {
  return (
    own(schema, 'x-ms-dynamic-schema') !== undefined || own(schema, 'x-ms-dynamic-properties') !== undefined
  );
}

/** A schema and its `allOf` members, `$ref`s followed, nested `allOf` flattened (bounded). */
export function schemaParts(connector: Connector, start: DerefSchema): DerefSchema[] {
  const parts: DerefSchema[] = [start];
  const seen = new Set<JsonObject>([start.schema]);
  for (let i = 0; i < parts.length && parts.length < MAX_PARTS; i++) {
    const part = parts[i]!;
    (ownArray(part.schema, 'allOf') ?? []).forEach((member, j) => {
      const resolved = derefSchema(connector, member, join(part.pointer, 'allOf', j));
      if (!resolved || seen.has(resolved.schema)) return;
      seen.add(resolved.schema);
      parts.push(resolved);
    });
  }
  return parts;
}
