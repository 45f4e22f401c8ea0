/**
 * Swagger 2.0 schemas as JSON Schema (draft 2020-12, what MCP tools declare): `$ref`s inlined (cycles
 * and very large schemas cut off, so a tool's schema stays finite and small enough for a model to
 * read), Swagger's dialect translated (`x-nullable`, `type: file`, boolean `exclusiveMinimum`,
 * `example`, `x-ms-summary` as the title), and everything else that is not JSON Schema dropped.
 */
import { isObject, type JsonObject, type JsonValue, own, ownString } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';

/** Keywords that mean the same in Swagger 2.0 and JSON Schema 2020-12, copied as they are. */
const SAME = [
  'type',
  'format',
  'title',
  'description',
  'default',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'minProperties',
  'maxProperties',
] as const;

/** How far `$ref`s are followed into one schema, and how many schema nodes one tool may hold. */
export const MAX_REF_DEPTH = 8;
export const MAX_NODES = 2000;

export interface SchemaBudget {
  /** Schema nodes left for this tool; conversion stops descending at zero. */
  nodes: number;
  /** Set when part of a schema was left out (a cycle, depth or size). */
  cut: boolean;
}

export function newBudget(): SchemaBudget {
  return { nodes: MAX_NODES, cut: false };
}

/**
 * JSON Schema for a Swagger schema object (a body parameter's `schema`, a property, `items`).
 * `request` drops `readOnly` properties, which a caller never sends.
 */
export function toJsonSchema(
  connector: Connector,
  schema: JsonValue | undefined,
  budget: SchemaBudget,
  options: { readonly request?: boolean } = {},
): JsonObject {
  return convert(connector, schema, budget, options.request ?? true, []);
}

function convert(
  connector: Connector,
  node: JsonValue | undefined,
  budget: SchemaBudget,
  request: boolean,
  refs: readonly string[],
): JsonObject {
  if (!isObject(node)) return {};
  if (budget.nodes <= 0) {
    budget.cut = true;
    return {};
  }
  budget.nodes--;
  const ref = ownString(node, '$ref');
  if (ref !== undefined) {
    // A cycle, or a chain of references deeper than a model can use: any value of that place.
    if (refs.includes(ref) || refs.length >= MAX_REF_DEPTH) {
      budget.cut = true;
      const type = ownString(connector.resolve(ref)?.value, 'type');
      return type ? { type } : {};
    }
    const target = connector.resolve(ref)?.value;
    if (!isObject(target)) return {};
    const resolved = convert(connector, target, budget, request, [...refs, ref]);
    // Swagger 2.0 ignores siblings of `$ref`; a description beside it still helps a reader.
    const description = ownString(node, 'description');
    return description && resolved.description === undefined ? { ...resolved, description } : resolved;
  }
  const out: JsonObject = {};
  for (const key of SAME) {
    const value = own(node, key);
    if (value !== undefined) out[key] = value;
  }
  const summary = ownString(node, 'x-ms-summary');
  if (summary && out.title === undefined) out.title = summary;
  const example = own(node, 'example');
  if (example !== undefined) out.examples = [example];
  // Swagger 2.0's boolean exclusive bounds are JSON Schema's numeric ones.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (own(node, flag) === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    }
  }
  if (out.type === 'file') {
    out.type = 'string';
    out.contentEncoding = 'base64';
    out.description = joinText(out.description, 'A file, as base64.');
  }
  if (typeof out.type === 'string' && own(node, 'x-nullable') === true) out.type = [out.type, 'null'];
  const items = own(node, 'items');
  if (isObject(items)) out.items = convert(connector, items, budget, request, refs);
  else if (Array.isArray(items) && isObject(items[0]))
    out.items = convert(connector, items[0], budget, request, refs);
  const properties = own(node, 'properties');
  if (isObject(properties)) {
    const props: JsonObject = {};
    for (const [name, property] of Object.entries(properties)) {
      // Read-only values are the backend's; a notification URL is the host's (it fills it in).
      if (
        request &&
        isObject(property) &&
        (own(property, 'readOnly') === true || own(property, 'x-ms-notification-url') === true)
      )
        continue;
      props[name] = convert(connector, property, budget, request, refs);
    }
    out.properties = props;
    const required = own(node, 'required');
    if (Array.isArray(required)) {
      const kept = required.filter((r): r is string => typeof r === 'string' && Object.hasOwn(props, r));
      if (kept.length > 0) out.required = [...new Set(kept)];
    }
  }
  const additional = own(node, 'additionalProperties');
  if (typeof additional === 'boolean') out.additionalProperties = additional;
  else if (isObject(additional))
    out.additionalProperties = convert(connector, additional, budget, request, refs);
  const allOf = own(node, 'allOf');
  if (Array.isArray(allOf) && allOf.length > 0)
    out.allOf = allOf.map((part) => convert(connector, part, budget, request, refs));
  return out;
}

export function joinText(a: JsonValue | undefined, b: string): string {
  return typeof a === 'string' && a.trim() !== ''
    ? `${a.trim()}${/[.!?]$/.test(a.trim()) ? '' : '.'} ${b}`
    : b;
}
