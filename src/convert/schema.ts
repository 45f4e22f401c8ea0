import { isObject, type JsonObject, type JsonValue, jsonType, own, setOwn } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import { knownSecretFormat } from '../validate/helpers/secrets.ts';
import { FORMATS } from '../validate/rules/schema/unrecognized-type-format.ts';
import type { Losses } from './loss.ts';
import { deref } from './refs.ts';

/** What the schema converter needs from the conversion under way. */
export interface SchemaContext {
  readonly root: JsonObject;
  readonly losses: Losses;
  /**
   * The Swagger 2.0 reference to write for a `$ref` of the input (queueing its target for
   * `definitions`), or undefined to inline the target.
   */
  mapRef(ref: string): string | undefined;
}

/** Keywords Swagger 2.0 schemas share with OpenAPI 3 and JSON Schema, copied as they are. */
const KEPT = new Set([
  'title',
  'description',
  'format',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'readOnly',
  'xml',
  'externalDocs',
  'example',
]);

/** JSON Schema keywords with no Swagger 2.0 counterpart: dropped and reported. */
const DROPPED = new Set([
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependentRequired',
  'dependencies',
  'prefixItems',
  'contains',
  'minContains',
  'maxContains',
  'patternProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  '$defs',
  'definitions',
  '$dynamicRef',
  '$dynamicAnchor',
]);

/** Keywords that carry no meaning for the connector and are dropped silently. */
const SILENT = new Set(['$schema', '$id', '$anchor', '$comment', 'contentSchema']);

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

interface Walk {
  readonly ctx: SchemaContext;
  /** Pointers of inline (non-component) `$ref` targets being expanded, to stop at cycles. */
  readonly expanding: Set<string>;
}

/**
 * Converts an OpenAPI 3.0 / 3.1 schema into a Swagger 2.0 schema. `pointer` is where the schema sits
 * in the input document (loss items point there).
 */
export function convertSchema(value: JsonValue | undefined, pointer: string, ctx: SchemaContext): JsonObject {
  return walk(value, pointer, { ctx, expanding: new Set() });
}

function walk(value: JsonValue | undefined, pointer: string, w: Walk): JsonObject {
  if (value === true || value === undefined) return {};
  if (value === false || !isObject(value)) {
    w.ctx.losses.add(pointer, 'schema', 'a schema that is not an object became an empty schema (any value)');
    return {};
  }
  const ref = own(value, '$ref');
  if (typeof ref === 'string') return reference(value, ref, pointer, w);
  if (Array.isArray(value.oneOf) || Array.isArray(value.anyOf)) {
    const merged = union(value, pointer, w);
    if (merged.default !== undefined && !defaultMatches(merged.default, merged.type)) {
      w.ctx.losses.add(
        join(pointer, 'default'),
        'default',
        'dropped; the value does not match the merged type',
      );
      delete merged.default;
    }
    return merged;
  }
  return plain(value, pointer, w);
}

function reference(value: JsonObject, ref: string, pointer: string, w: Walk): JsonObject {
  const siblings = Object.keys(value).filter(
    (k) => k !== '$ref' && !k.startsWith('x-') && k !== 'description' && k !== 'summary',
  );
  if (siblings.length > 0)
    w.ctx.losses.add(
      pointer,
      'keywords beside $ref',
      `dropped ${siblings.map((k) => `\`${k}\``).join(', ')}; Swagger 2.0 ignores keywords next to \`$ref\``,
    );
  const target = deref(w.ctx.root, value);
  const mapped = target.value !== undefined ? w.ctx.mapRef(ref) : undefined;
  if (mapped !== undefined) return { $ref: mapped };
  if (target.value === undefined) {
    w.ctx.losses.add(
      pointer,
      '$ref',
      `\`${ref}\` does not resolve in the document; replaced by an empty schema`,
    );
    return {};
  }
  const at = target.pointer ?? pointer;
  if (w.expanding.has(at)) {
    w.ctx.losses.add(
      pointer,
      '$ref',
      `recursive reference \`${ref}\` cut; the inner level is an object of any shape`,
    );
    return { type: 'object' };
  }
  w.expanding.add(at);
  try {
    return walk(target.value, at, w);
  } finally {
    w.expanding.delete(at);
  }
}

/** The schema a `$ref` or inline member stands for, with component references followed. */
function resolved(value: JsonValue | undefined, w: Walk): JsonObject | undefined {
  let current = value;
  for (let i = 0; i < 16; i++) {
    const ref = own(current, '$ref');
    if (typeof ref !== 'string') return isObject(current) ? current : undefined;
    current = deref(w.ctx.root, current).value;
  }
  return undefined;
}

function isNullSchema(s: JsonObject | undefined): boolean {
  if (!s) return false;
  if (s.type === 'null') return true;
  const e = s.enum;
  return Array.isArray(e) && e.length === 1 && e[0] === null;
}

/** The type a member schema has, looking through `allOf` and `properties`. */
function typeOf(s: JsonObject, w: Walk, depth = 0): string | undefined {
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    const nonNull = t.filter((x) => x !== 'null');
    return nonNull.length === 1 && typeof nonNull[0] === 'string' ? nonNull[0] : undefined;
  }
  if (isObject(s.properties) || s.additionalProperties !== undefined) return 'object';
  if (s.items !== undefined) return 'array';
  if (depth < 8 && Array.isArray(s.allOf))
    for (const m of s.allOf) {
      const r = resolved(m, w);
      const mt = r && typeOf(r, w, depth + 1);
      if (mt) return mt;
    }
  if (depth < 8)
    for (const key of ['oneOf', 'anyOf'] as const) {
      const list = s[key];
      if (!Array.isArray(list)) continue;
      for (const m of list) {
        const r = resolved(m, w);
        const mt = r && !isNullSchema(r) ? typeOf(r, w, depth + 1) : undefined;
        if (mt) return mt;
      }
    }
  return undefined;
}

/**
 * `oneOf` / `anyOf`: the Power Platform designer renders one shape per field, so the alternatives
 * become one schema: objects merge their properties (required only when every alternative requires
 * them), primitives of one type keep it, mixed types keep the first object (or the first) alternative.
 */
function union(value: JsonObject, pointer: string, w: Walk): JsonObject {
  const keyword = Array.isArray(value.oneOf) ? 'oneOf' : 'anyOf';
  const list = (value[keyword] as JsonValue[]).slice();
  const other = keyword === 'oneOf' ? 'anyOf' : 'oneOf';
  if (Array.isArray(value[other])) {
    w.ctx.losses.add(join(pointer, other), other, `dropped; only the \`${keyword}\` beside it was kept`);
  }
  const rest: JsonObject = {};
  for (const [k, v] of Object.entries(value))
    if (k !== 'oneOf' && k !== 'anyOf' && k !== 'discriminator') setOwn(rest, k, v);
  const discriminator = own(value, 'discriminator');
  if (isObject(discriminator))
    w.ctx.losses.add(
      join(pointer, 'discriminator'),
      'discriminator',
      `dropped; \`${String(discriminator.propertyName)}\` stays an ordinary property of the merged object`,
    );

  const members = list.map((m, i) => ({ raw: m, at: join(pointer, keyword, i), schema: resolved(m, w) }));
  const nonNull = members.filter((m) => !isNullSchema(m.schema));
  const nullable = nonNull.length < members.length;
  const base = plain(rest, pointer, w);
  if (nullable) base['x-nullable'] = true;

  if (nonNull.length === 0) return base;
  if (nonNull.length === 1) {
    const only = nonNull[0];
    if (!only) return base;
    if (nullable)
      w.ctx.losses.add(join(pointer, keyword), keyword, 'a nullable alternative became `x-nullable: true`');
    const converted = walk(only.raw, only.at, w);
    return mergeInto(base, converted);
  }
  const types = nonNull.map((m) => (m.schema ? typeOf(m.schema, w) : undefined));
  const distinct = [...new Set(types.map((t) => t ?? 'any'))];
  if (distinct.length === 1 && distinct[0] === 'object') {
    const merged = mergeObjects(nonNull, w);
    w.ctx.losses.add(
      join(pointer, keyword),
      keyword,
      `${nonNull.length} object alternatives merged into one object with the properties of all (${
        Object.keys(ownObjectOf(merged, 'properties')).length
      } properties; only properties every alternative requires stay required)`,
    );
    return mergeInto(base, merged);
  }
  if (distinct.length === 1 && distinct[0] && PRIMITIVES.has(distinct[0])) {
    const merged: JsonObject = { type: distinct[0] };
    const enums = nonNull.map(
      (m) => m.schema?.enum ?? (m.schema && 'const' in m.schema ? [m.schema.const ?? null] : undefined),
    );
    if (enums.every((e) => Array.isArray(e))) {
      const values = [...new Set((enums as JsonValue[][]).flat().filter((v) => v !== null))];
      merged.enum = values as JsonValue[];
    }
    const formats = new Set(nonNull.map((m) => m.schema?.format));
    const f = formats.size === 1 ? [...formats][0] : undefined;
    if (typeof f === 'string') merged.format = f;
    if (formats.size > 1 || !enums.every((e) => Array.isArray(e)))
      w.ctx.losses.add(
        join(pointer, keyword),
        keyword,
        `${nonNull.length} \`${distinct[0]}\` alternatives merged into one \`${distinct[0]}\`${
          formats.size > 1 ? ' without a format' : ''
        }`,
      );
    return mergeInto(base, merged);
  }
  if (distinct.length === 1 && distinct[0] === 'array') {
    const itemUnion: JsonObject = {
      [keyword]: nonNull.map((m) => (m.schema ? (m.schema.items ?? {}) : {})),
    };
    w.ctx.losses.add(
      join(pointer, keyword),
      keyword,
      `${nonNull.length} array alternatives merged into one array`,
    );
    return mergeInto(base, { type: 'array', items: walk(itemUnion, join(pointer, keyword), w) });
  }
  // Mixed types: keep the alternative a designer can show best (an object, else the first).
  const pick = nonNull.find((_, i) => types[i] === 'object') ?? nonNull[0];
  if (!pick) return base;
  const kept = types[nonNull.indexOf(pick)] ?? 'untyped';
  w.ctx.losses.add(
    join(pointer, keyword),
    keyword,
    `alternatives of different types (${distinct.join(', ')}) reduced to the \`${kept}\` one`,
  );
  return mergeInto(base, walk(pick.raw, pick.at, w));
}

function ownObjectOf(o: JsonObject, key: string): JsonObject {
  const v = o[key];
  return isObject(v) ? v : {};
}

/** Flattens object alternatives (following `$ref` and `allOf`) into one object schema. */
function mergeObjects(members: readonly { raw: JsonValue; at: string }[], w: Walk): JsonObject {
  const properties: JsonObject = {};
  let required: Set<string> | undefined;
  for (const m of members) {
    const flat = flatten(m.raw, m.at, w, 0);
    for (const [name, p] of Object.entries(flat.properties))
      if (!(name in properties)) setOwn(properties, name, p);
    required = required ? new Set([...required].filter((r) => flat.required.has(r))) : flat.required;
  }
  const out: JsonObject = { type: 'object', properties };
  const req = [...(required ?? [])].filter((r) => r in properties);
  if (req.length > 0) out.required = req;
  return out;
}

/** Properties and required names of an object schema, `allOf` members included, converted. */
function flatten(
  value: JsonValue,
  at: string,
  w: Walk,
  depth: number,
): { properties: JsonObject; required: Set<string> } {
  const s = resolved(value, w);
  const properties: JsonObject = {};
  const required = new Set<string>();
  if (!s || depth > 8) return { properties, required };
  // A union member that (indirectly) contains the union again is cut where it repeats.
  const key = typeof own(value, '$ref') === 'string' ? deref(w.ctx.root, value).pointer : undefined;
  if (key !== undefined) {
    if (w.expanding.has(key)) return { properties, required };
    w.expanding.add(key);
  }
  try {
    return flattenResolved(s, at, w, depth, properties, required);
  } finally {
    if (key !== undefined) w.expanding.delete(key);
  }
}

function flattenResolved(
  s: JsonObject,
  at: string,
  w: Walk,
  depth: number,
  properties: JsonObject,
  required: Set<string>,
): { properties: JsonObject; required: Set<string> } {
  const { allOf: _allOf, ...withoutAllOf } = s;
  const converted = walk(withoutAllOf, at, w);
  for (const [k, v] of Object.entries(ownObjectOf(converted, 'properties'))) setOwn(properties, k, v);
  if (Array.isArray(converted.required))
    for (const r of converted.required) if (typeof r === 'string') required.add(r);
  if (Array.isArray(s.allOf))
    s.allOf.forEach((m, i) => {
      const inner = flatten(m, join(at, 'allOf', i), w, depth + 1);
      for (const [k, v] of Object.entries(inner.properties)) if (!(k in properties)) setOwn(properties, k, v);
      for (const r of inner.required) required.add(r);
    });
  return { properties, required };
}

/** Adds the keywords of `extra` to `base` (base wins for annotations, `extra` brings the shape). */
function mergeInto(base: JsonObject, extra: JsonObject): JsonObject {
  if (typeof extra.$ref === 'string') {
    const own = Object.keys(base).filter((k) => !k.startsWith('x-') && k !== 'description' && k !== 'title');
    if (own.length === 0) return { $ref: extra.$ref };
    const { allOf: _, ...rest } = base;
    const list = Array.isArray(base.allOf) ? base.allOf : [];
    return { ...rest, allOf: [...list, { $ref: extra.$ref }] };
  }
  const out: JsonObject = { ...extra };
  for (const [k, v] of Object.entries(base)) {
    if (k === 'properties' && isObject(v) && isObject(out.properties))
      out.properties = { ...out.properties, ...v };
    else if (k === 'required' && Array.isArray(v) && Array.isArray(out.required))
      out.required = [...new Set([...out.required, ...v])];
    else if (k === 'type' && out.type !== undefined) continue;
    else setOwn(out, k, v);
  }
  return out;
}

/** The definition of property `name` in an input schema or its `allOf` members, references followed. */
function propertyIn(root: JsonObject, value: JsonValue, name: string, depth = 0): JsonValue | undefined {
  const schema = deref(root, value).value;
  if (!isObject(schema) || depth > 8) return undefined;
  const found = own(own(schema, 'properties'), name);
  if (found !== undefined) return found;
  if (!Array.isArray(schema.allOf)) return undefined;
  for (const m of schema.allOf) {
    const inner = propertyIn(root, m, name, depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/**
 * `allOf: [{$ref: Monitor}, {required: [expected_codes]}]` (Cloudflare) requires a property a sibling
 * defines; a connector's `required` may only name properties beside it, so the member gets a copy of
 * the sibling's definition and keeps the requirement instead of losing it.
 */
function lendRequiredProperties(members: readonly JsonValue[], root: JsonObject): JsonValue[] {
  return members.map((m, i) => {
    if (!isObject(m) || m.$ref !== undefined || !Array.isArray(m.required)) return m;
    const props = isObject(m.properties) ? m.properties : {};
    const lent: JsonObject = {};
    for (const name of m.required) {
      if (typeof name !== 'string' || name in props) continue;
      for (const [j, sibling] of members.entries()) {
        const found = j === i ? undefined : propertyIn(root, sibling, name);
        if (found === undefined) continue;
        setOwn(lent, name, found);
        break;
      }
    }
    if (Object.keys(lent).length === 0) return m;
    return { ...m, type: m.type ?? 'object', properties: { ...props, ...lent } };
  });
}

function plain(value: JsonObject, pointer: string, w: Walk): JsonObject {
  const { losses } = w.ctx;
  const out: JsonObject = {};
  let nullable = value.nullable === true;
  for (const [key, v] of Object.entries(value)) {
    if (KEPT.has(key)) setOwn(out, key, v);
    else if (key.startsWith('x-')) setOwn(out, key, v);
    else if (key === 'type') {
      if (typeof v === 'string') {
        if (v === 'null') nullable = true;
        else out.type = v;
      } else if (Array.isArray(v)) {
        const types = v.filter((t): t is string => typeof t === 'string');
        const nonNull = types.filter((t) => t !== 'null');
        if (nonNull.length < types.length) nullable = true;
        const first = nonNull[0];
        if (nonNull.length === 1 && first) out.type = first;
        else if (nonNull.length > 1) {
          losses.add(
            join(pointer, 'type'),
            'type array',
            `types ${nonNull.join(', ')} cannot be one Swagger 2.0 type; the type was left out (any value)`,
          );
        }
      }
    } else if (key === 'nullable' || key === 'oneOf' || key === 'anyOf') continue;
    else if (key === 'properties' && isObject(v)) {
      const props: JsonObject = {};
      for (const [name, p] of Object.entries(v))
        setOwn(props, name, walk(p, join(pointer, 'properties', name), w));
      out.properties = props;
    } else if (key === 'items') {
      if (Array.isArray(v)) {
        losses.add(join(pointer, 'items'), 'tuple items', 'a list of item schemas became the first one');
        out.items = walk(v[0], join(pointer, 'items', 0), w);
      } else out.items = walk(v, join(pointer, 'items'), w);
    } else if (key === 'additionalProperties') {
      if (typeof v === 'boolean') out.additionalProperties = v;
      else out.additionalProperties = walk(v, join(pointer, 'additionalProperties'), w);
    } else if (key === 'allOf' && Array.isArray(v)) {
      const members = lendRequiredProperties(v, w.ctx.root);
      out.allOf = members.map((m, i) => walk(m, join(pointer, 'allOf', i), w));
    } else if (key === 'required') {
      if (Array.isArray(v)) out.required = v.filter((r) => typeof r === 'string');
    } else if (key === 'enum') {
      if (Array.isArray(v)) {
        const values = v.filter((e) => e !== null);
        if (values.length < v.length) nullable = true;
        if (values.length > 0) out.enum = values;
      }
    } else if (key === 'const') {
      if (v === null) nullable = true;
      else out.enum = [v];
    } else if (key === 'default') out.default = v;
    else if (key === 'examples') {
      if (Array.isArray(v) && v.length > 0 && !('example' in value)) out.example = v[0] ?? null;
    } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (typeof v === 'number') {
        setOwn(out, bound, v);
        setOwn(out, key, true);
      } else if (v === true) setOwn(out, key, true);
    } else if (key === 'contentEncoding') {
      if (v === 'base64' || v === 'base64url') out.format = 'byte';
    } else if (key === 'contentMediaType') {
      if (!('contentEncoding' in value) && v !== 'application/json') out.format = 'binary';
    } else if (key === 'discriminator' && typeof v === 'string') {
      out.discriminator = v;
    } else if (key === 'discriminator') {
      losses.add(
        join(pointer, 'discriminator'),
        'discriminator',
        `dropped; \`${String(own(v, 'propertyName'))}\` stays an ordinary property`,
      );
    } else if (key === 'writeOnly') {
      if (v === true)
        losses.add(join(pointer, key), 'writeOnly', 'dropped; Swagger 2.0 has no write-only properties');
    } else if (key === 'deprecated') {
      if (v === true)
        losses.add(
          join(pointer, key),
          'deprecated property',
          'dropped; Swagger 2.0 schemas cannot be deprecated',
        );
    } else if (key === 'uniqueItems') {
      // Microsoft's validator warns of it (SwaggerKeywordNotSupported) and the platform does not enforce it.
      if (v === true)
        losses.add(
          join(pointer, key),
          'uniqueItems',
          'dropped; the platform does not enforce it and its validator warns of it (unique-items-not-supported)',
        );
    } else if (key === 'not') {
      losses.add(join(pointer, key), 'not', 'dropped; Swagger 2.0 has no `not`');
    } else if (DROPPED.has(key)) {
      losses.add(join(pointer, key), key, `dropped; Swagger 2.0 has no \`${key}\``);
    } else if (!SILENT.has(key)) {
      losses.add(join(pointer, key), key, 'dropped; not a schema keyword Swagger 2.0 knows');
    }
  }
  if (nullable) {
    out['x-nullable'] = true;
    if (value.nullable === true || Array.isArray(value.type) || value.type === 'null')
      losses.add(pointer, 'nullable', 'kept as `x-nullable: true`; Swagger 2.0 has no null type');
  }
  if (out.type === undefined && isObject(out.properties)) out.type = 'object';
  if (out.type === 'array' && out.items === undefined) {
    out.items = {};
    losses.add(pointer, 'array without items', 'given `items: {}` (any value), which Swagger 2.0 requires');
  }
  if (out.type === 'object' && Array.isArray(out.required) && isObject(out.properties) && !out.allOf) {
    const props = out.properties;
    const kept = out.required.filter(
      (r) => typeof r === 'string' && r in props && own(props[r], 'readOnly') !== true,
    );
    if (out.required.some((r) => typeof r === 'string' && own(props[r], 'readOnly') === true))
      losses.add(
        join(pointer, 'required'),
        'required read-only property',
        'no longer required; a connector cannot require a read-only property in requests',
      );
    if (out.required.some((r) => typeof r !== 'string' || !(r in props)))
      losses.add(join(pointer, 'required'), 'required', 'names without a property definition were dropped');
    if (kept.length > 0) out.required = kept;
    else delete out.required;
  } else if (Array.isArray(out.required)) {
    // `required` only names properties defined beside it (an `allOf` member cannot require its siblings').
    const props = isObject(out.properties) ? out.properties : {};
    const kept = out.type === 'array' ? [] : out.required.filter((r) => typeof r === 'string' && r in props);
    if (kept.length < out.required.length)
      losses.add(
        join(pointer, 'required'),
        'required',
        'names without a property definition beside them were dropped',
      );
    if (kept.length > 0) out.required = kept;
    else delete out.required;
  }
  if (out.example !== undefined && holdsSecret(out.example)) {
    losses.add(join(pointer, 'example'), 'example', 'dropped; it looks like a real credential');
    delete out.example;
  }
  // A format the platform does not know for the type means nothing to it, and the certification
  // pipeline warns of it (UnrecognizedTypeFormat): `integer`/`date-time` (Unix times) stays an integer.
  if (typeof out.format === 'string' && typeof out.type === 'string' && !FORMATS[out.type]?.has(out.format)) {
    losses.add(
      join(pointer, 'format'),
      'format',
      `\`${out.type}/${out.format}\` dropped; the platform knows no such format (UnrecognizedTypeFormat)`,
    );
    delete out.format;
  }
  if (out.default !== undefined && !defaultMatches(out.default, out.type)) {
    losses.add(join(pointer, 'default'), 'default', 'dropped; the value does not match the schema type');
    delete out.default;
  }
  return out;
}

function defaultMatches(value: JsonValue, type: JsonValue | undefined): boolean {
  if (typeof type !== 'string') return true;
  const actual = jsonType(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

/** True when a value (or a string inside it) has the shape of a key, token or private key. */
export function holdsSecret(value: JsonValue, depth = 0): boolean {
  if (typeof value === 'string') return knownSecretFormat(value) !== undefined;
  if (depth > 6) return false;
  if (Array.isArray(value)) return value.some((v) => holdsSecret(v, depth + 1));
  if (isObject(value)) return Object.values(value).some((v) => holdsSecret(v, depth + 1));
  return false;
}
