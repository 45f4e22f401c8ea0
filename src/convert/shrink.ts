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
      if (active.has(ref)) return limit === Number.POSITIVE_INFINITY ? 0 : 1;
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

const LEAF_TYPES: ReadonlySet<JsonValue | undefined> = new Set([
  'string',
  'integer',
  'number',
  'boolean',
  'file',
]);

/** A schema's own keywords, without the nested ones (`properties`, `items`, `additionalProperties`, `allOf`). */
function ownKeywords(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties' || k === 'items' || k === 'additionalProperties' || k === 'allOf') continue;
    out[k] = v;
  }
  return out;
}

/**
 * The `items` of an array cut at the last level: text, numbers and booleans stay as they are (a
 * leaf is one schema either way; Spotify's `available_markets`, an array of country codes, would
 * otherwise become an array of objects its example does not fit), anything else a plain object.
 */
function leafItems(items: JsonValue | undefined, sizer: Sizer): JsonObject {
  let target = items;
  const ref = own(items, '$ref');
  if (typeof ref === 'string') target = sizer.target(ref);
  if (
    isObject(target) &&
    LEAF_TYPES.has(target.type) &&
    !isObject(target.properties) &&
    target.allOf === undefined
  )
    return ownKeywords(target);
  return { type: 'object' };
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
  const out = ownKeywords(schema);
  if (level >= limit) {
    const shaped = isObject(schema.properties) || schema.allOf !== undefined || schema.type === 'object';
    if (shaped || schema.type === 'array') {
      out.type = schema.type === 'array' ? 'array' : 'object';
      if (out.type === 'array') out.items = leafItems(schema.items, sizer);
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

/** Nodes of a schema without references (a truncated copy). */
function exactSize(schema: JsonValue | undefined): number {
  if (!isObject(schema)) return 0;
  let n = 1;
  for (const p of Object.values(ownObject(schema, 'properties') ?? {})) n += exactSize(p);
  if (isObject(schema.items)) n += exactSize(schema.items);
  if (isObject(schema.additionalProperties)) n += exactSize(schema.additionalProperties);
  if (Array.isArray(schema.allOf)) for (const m of schema.allOf) n += exactSize(m);
  return n;
}

/**
 * A copy of a schema whose nested references became plain objects or arrays of objects, but for
 * references to text, numbers or booleans, which stay as they are.
 */
function shallow(schema: JsonValue | undefined, sizer: Sizer, depth = 0): JsonObject {
  if (!isObject(schema)) return {};
  if (typeof schema.$ref === 'string') return leafItems(schema, sizer);
  const out: JsonObject = { ...schema };
  if (depth > 16)
    return {
      type: schema.type === 'array' ? 'array' : 'object',
      ...(schema.type === 'array' && { items: leafItems(schema.items, sizer) }),
    };
  const props = ownObject(schema, 'properties');
  if (props)
    out.properties = Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k, shallow(v, sizer, depth + 1)]),
    );
  if (isObject(schema.items)) out.items = shallow(schema.items, sizer, depth + 1);
  if (isObject(schema.additionalProperties))
    out.additionalProperties = shallow(schema.additionalProperties, sizer, depth + 1);
  if (Array.isArray(schema.allOf)) out.allOf = schema.allOf.map((m) => shallow(m, sizer, depth + 1));
  return out;
}

/**
 * Brings one schema within {@link MAX_SCHEMAS}: first by pointing its largest nested references at
 * shallow copies of their definitions (`<Name>Flat`, shared), then, if still too large, by cutting
 * its nesting. Undefined when it fits already.
 */
function fitSchema(
  schema: JsonValue | undefined,
  sizer: Sizer,
  definitions: JsonObject,
): { schema: JsonObject; count: number; level: number | undefined } | undefined {
  const count = sizer.size(schema);
  if (count <= MAX_SCHEMAS || !isObject(schema)) return undefined;
  const copy = structuredClone(schema);
  const slots: { holder: JsonObject; key: string; ref: string; size: number }[] = [];
  const gather = (node: JsonValue | undefined, depth: number) => {
    if (!isObject(node) || depth > 6) return;
    const visit = (holder: JsonObject, key: string) => {
      const v = holder[key];
      if (isObject(v) && typeof v.$ref === 'string')
        slots.push({ holder, key, ref: v.$ref, size: sizer.size(v) });
      else gather(v, depth + 1);
    };
    const props = ownObject(node, 'properties');
    if (props) for (const k of Object.keys(props)) visit(props, k);
    if (isObject(node.items)) visit(node, 'items');
    if (isObject(node.additionalProperties)) visit(node, 'additionalProperties');
    if (Array.isArray(node.allOf)) for (const m of node.allOf) gather(m, depth);
  };
  gather(copy, 0);
  slots.sort((a, b) => b.size - a.size);
  for (const slot of slots) {
    if (sizer.size(copy) <= MAX_SCHEMAS) break;
    const name = unescapeSegment(slot.ref.slice('#/definitions/'.length));
    const flat = `${name}Flat`;
    if (definitions[flat] === undefined) definitions[flat] = shallow(sizer.target(slot.ref), sizer);
    slot.holder[slot.key] = { $ref: `#/definitions/${flat.replace(/~/g, '~0').replace(/\//g, '~1')}` };
  }
  if (sizer.size(copy) <= MAX_SCHEMAS) return { schema: copy, count, level: undefined };
  for (let level = 12; level >= 1; level--) {
    const cut = truncate(copy, sizer, level);
    if (exactSize(cut) <= MAX_SCHEMAS) return { schema: cut, count, level };
  }
  return { schema: truncate(copy, sizer, 0), count, level: 0 };
}

/**
 * Keeps every definition, body and response schema within the platform's 512-schema limit by
 * cutting the deepest nesting (deeper objects become plain `object`s). Reported per schema.
 */
export function shrinkSchemas(swagger: JsonObject, losses: Losses): void {
  const definitions = ownObject(swagger, 'definitions') ?? {};
  const report = (pointer: string, count: number, level: number | undefined) =>
    losses.add(
      pointer,
      'schema size',
      `expanded to ${count} schemas (limit ${MAX_SCHEMAS}); ${
        level === undefined
          ? 'its largest nested objects now use shallow copies (`…Flat` definitions)'
          : `levels below ${level} became plain objects`
      }`,
    );
  const sizer = createSizer(definitions);
  // Sizes measured inside a recursion are partial, so a definition fixed early can be measured larger
  // once its neighbours changed: a few passes settle it.
  for (let pass = 0, changed = true; changed && pass < 4; pass++) {
    changed = false;
    sizer.reset();
    for (const name of Object.keys(definitions)) {
      const fitted = fitSchema(definitions[name], sizer, definitions);
      if (!fitted) continue;
      changed = true;
      definitions[name] = fitted.schema;
      sizer.reset();
      report(join('/definitions', name), fitted.count, fitted.level);
    }
  }
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      const at = join('/paths', path, method);
      (Array.isArray(op.parameters) ? op.parameters : []).forEach((p, i) => {
        if (!isObject(p) || !isObject(p.schema) || p.schema.$ref !== undefined) return;
        const fitted = fitSchema(p.schema, sizer, definitions);
        if (!fitted) return;
        p.schema = fitted.schema;
        report(join(at, 'parameters', i, 'schema'), fitted.count, fitted.level);
      });
      for (const [code, r] of Object.entries(ownObject(op, 'responses') ?? {})) {
        if (!isObject(r) || !isObject(r.schema) || r.schema.$ref !== undefined) continue;
        const fitted = fitSchema(r.schema, sizer, definitions);
        if (!fitted) continue;
        r.schema = fitted.schema;
        report(join(at, 'responses', code, 'schema'), fitted.count, fitted.level);
      }
    }
  }
}
