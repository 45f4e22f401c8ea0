import { isObject, type JsonObject, type JsonValue, own, ownObject } from '../connector/json.ts';
import { join, unescapeSegment } from '../connector/pointer.ts';
import type { Losses } from './loss.ts';

/** Most schema nodes one body, response schema or definition may expand to (Microsoft's FAQ). */
export const MAX_SCHEMAS = 512;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

interface Sizer {
  reset(): void;
  size(schema: JsonValue | undefined, limit?: number): number;
  target(ref: string): JsonObject | undefined;
}

function createSizer(definitions: JsonObject): Sizer {
  const memo = new Map<string, number>();
  const active = new Set<string>();
  const target = (ref: string) =>
    ref.startsWith('#/definitions/')
      ? ownObject(definitions, unescapeSegment(ref.slice('#/definitions/'.length)))
      : undefined;
  // Counted like the validator: the schema, each property, `items`, `additionalProperties` and
  // `allOf` member, with references expanded and recursion counted once.
  const size = (schema: JsonValue | undefined, limit = Number.POSITIVE_INFINITY, level = 0): number => {
    if (!isObject(schema)) return 0;
    const ref = own(schema, '$ref');
    if (typeof ref === 'string') {
      if (level >= limit) return 1;
      const cached = limit === Number.POSITIVE_INFINITY ? memo.get(ref) : undefined;
      if (cached !== undefined) return cached;
      if (active.has(ref)) return 0;
      active.add(ref);
      const n = size(target(ref), limit, level);
      active.delete(ref);
      if (limit === Number.POSITIVE_INFINITY) memo.set(ref, n);
      return n;
    }
    let n = 1;
    if (level >= limit) return n;
    for (const p of Object.values(ownObject(schema, 'properties') ?? {})) n += size(p, limit, level + 1);
    if (isObject(schema.items)) n += size(schema.items, limit, level + 1);
    if (isObject(schema.additionalProperties)) n += size(schema.additionalProperties, limit, level + 1);
    if (Array.isArray(schema.allOf)) for (const m of schema.allOf) n += size(m, limit, level);
    return Math.min(n, 1e9);
  };
  return { reset: () => memo.clear(), size: (s, limit) => size(s, limit, 0), target };
}

/** A self-contained copy of `schema` down to `limit` levels; deeper objects become `type: object`. */
function truncate(
  schema: JsonValue | undefined,
  sizer: Sizer,
  limit: number,
  level = 0,
  seen = new Set<string>(),
): JsonObject {
  if (!isObject(schema)) return {};
  const ref = own(schema, '$ref');
  if (typeof ref === 'string') {
    const t = sizer.target(ref);
    if (!t || seen.has(ref)) return { type: 'object' };
    seen.add(ref);
    const out = truncate(t, sizer, limit, level, seen);
    seen.delete(ref);
    return out;
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties' || k === 'items' || k === 'additionalProperties' || k === 'allOf') continue;
    out[k] = v;
  }
  if (level >= limit) {
    const shaped = isObject(schema.properties) || schema.allOf !== undefined || schema.type === 'object';
    if (shaped || schema.type === 'array') {
      out.type = schema.type === 'array' ? 'array' : 'object';
      if (out.type === 'array') out.items = { type: 'object' };
      delete out.required;
    }
    return out;
  }
  const props = ownObject(schema, 'properties');
  if (props) {
    const p: JsonObject = {};
    for (const [name, v] of Object.entries(props)) p[name] = truncate(v, sizer, limit, level + 1, seen);
    out.properties = p;
  }
  if (isObject(schema.items)) out.items = truncate(schema.items, sizer, limit, level + 1, seen);
  if (isObject(schema.additionalProperties))
    out.additionalProperties = truncate(schema.additionalProperties, sizer, limit, level + 1, seen);
  else if (typeof schema.additionalProperties === 'boolean')
    out.additionalProperties = schema.additionalProperties;
  if (Array.isArray(schema.allOf))
    out.allOf = schema.allOf.map((m) => truncate(m, sizer, limit, level, seen));
  return out;
}

/** Cuts one schema to the deepest level that keeps it within {@link MAX_SCHEMAS}; undefined when it fits. */
function fitSchema(
  schema: JsonValue | undefined,
  sizer: Sizer,
): { schema: JsonObject; count: number; level: number } | undefined {
  const count = sizer.size(schema);
  if (count <= MAX_SCHEMAS) return undefined;
  let level = 1;
  for (let l = 12; l >= 1; l--)
    if (sizer.size(schema, l) <= MAX_SCHEMAS) {
      level = l;
      break;
    }
  return { schema: truncate(schema, sizer, level), count, level };
}

/**
 * Keeps every definition, body and response schema within the platform's 512-schema limit by
 * cutting the deepest nesting (deeper objects become plain `object`s). Reported per schema.
 */
export function shrinkSchemas(swagger: JsonObject, losses: Losses): void {
  const definitions = ownObject(swagger, 'definitions') ?? {};
  const report = (pointer: string, count: number, level: number) =>
    losses.add(
      pointer,
      'schema size',
      `expanded to ${count} schemas (limit ${MAX_SCHEMAS}); levels below ${level} became plain objects`,
    );
  const sizer = createSizer(definitions);
  for (const name of Object.keys(definitions)) {
    const fitted = fitSchema(definitions[name], sizer);
    if (!fitted) continue;
    definitions[name] = fitted.schema;
    sizer.reset();
    report(join('/definitions', name), fitted.count, fitted.level);
  }
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      const at = join('/paths', path, method);
      (Array.isArray(op.parameters) ? op.parameters : []).forEach((p, i) => {
        if (!isObject(p) || !isObject(p.schema) || p.schema.$ref !== undefined) return;
        const fitted = fitSchema(p.schema, sizer);
        if (!fitted) return;
        p.schema = fitted.schema;
        report(join(at, 'parameters', i, 'schema'), fitted.count, fitted.level);
      });
      for (const [code, r] of Object.entries(ownObject(op, 'responses') ?? {})) {
        if (!isObject(r) || !isObject(r.schema) || r.schema.$ref !== undefined) continue;
        const fitted = fitSchema(r.schema, sizer);
        if (!fitted) continue;
        r.schema = fitted.schema;
        report(join(at, 'responses', code, 'schema'), fitted.count, fitted.level);
      }
    }
  }
}
