/**
 * A response schema from sample answers, as the custom connector wizard's "Import from sample" makes
 * one, but from every value given: all items of every array and every sample are merged, so a
 * property seen in one item only is still declared, a value that is sometimes null is
 * `x-nullable`, and integers mixed with decimals are `number`. Properties get an `x-ms-summary`
 * in title case (they become dynamic content in flows); formats are set only when every value
 * agrees (`date-time`, `date`, `uri`, `email`, `uuid`). Values themselves never reach the schema.
 */
import { type JsonObject, type JsonValue, setOwn } from '../connector/json.ts';
import { escapeSegment } from '../connector/pointer.ts';
import { titleCase } from './text.ts';

type Kind = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

interface Shape {
  readonly kinds: Set<Kind>;
  /** Formats every string value seen matches (narrowed as values come). */
  formats: Set<string> | undefined;
  readonly properties: Map<string, Shape>;
  items: Shape | undefined;
}

const FORMAT_TESTS: readonly (readonly [string, RegExp])[] = [
  ['date-time', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['uri', /^https?:\/\/[^\s]+$/],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
];

const MAX_DEPTH = 32;

function newShape(): Shape {
  return { kinds: new Set(), formats: undefined, properties: new Map(), items: undefined };
}

function kindOf(value: JsonValue): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as Kind;
}

function add(shape: Shape, value: JsonValue, depth: number): void {
  const kind = kindOf(value);
  shape.kinds.add(kind);
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    const matching = new Set(FORMAT_TESTS.filter(([, test]) => test.test(value)).map(([f]) => f));
    shape.formats = shape.formats ? new Set([...shape.formats].filter((f) => matching.has(f))) : matching;
  } else if (Array.isArray(value)) {
    shape.items ??= newShape();
    for (const item of value) add(shape.items, item, depth + 1);
  } else if (kind === 'object') {
    for (const [key, child] of Object.entries(value as JsonObject)) {
      let property = shape.properties.get(key);
      if (!property) {
        property = newShape();
        shape.properties.set(key, property);
      }
      add(property, child, depth + 1);
    }
  }
}

export interface SampleSchema {
  readonly schema: JsonObject;
  /** What the samples could not tell, by place (a JSON pointer, `*` for array items). */
  readonly notes: readonly string[];
}

function place(at: string): string {
  return at === '' ? 'The body' : `\`${at}\``;
}

function toSchema(shape: Shape, at: string, notes: string[]): JsonObject {
  const kinds = new Set(shape.kinds);
  const nullable = kinds.delete('null');
  if (kinds.has('integer') && kinds.has('number')) kinds.delete('integer');
  if (kinds.size === 0) {
    if (nullable)
      notes.push(`${place(at)} is null in every sample: its type is unknown; the schema leaves it open.`);
    return {};
  }
  if (kinds.size > 1) {
    notes.push(`${place(at)} is ${[...kinds].join(' or ')} in the samples: the schema leaves its type open.`);
    return nullable ? { 'x-nullable': true } : {};
  }
  const [kind] = kinds as Set<Kind>;
  const out: JsonObject = { type: kind as string };
  if (kind === 'string') {
    const format = FORMAT_TESTS.map(([f]) => f).find((f) => shape.formats?.has(f));
    if (format) out.format = format;
  } else if (kind === 'array') {
    if (shape.items && shape.items.kinds.size > 0) out.items = toSchema(shape.items, `${at}/*`, notes);
    else {
      notes.push(`${place(at)} is empty in every sample: the type of its items is unknown.`);
      out.items = {};
    }
  } else if (kind === 'object' && shape.properties.size > 0) {
    const properties: JsonObject = {};
    for (const [key, child] of shape.properties) {
      const schema = toSchema(child, `${at}/${escapeSegment(key)}`, notes);
      const summary = titleCase(key);
      setOwn(properties, key, summary ? { ...schema, 'x-ms-summary': summary } : schema);
    }
    out.properties = properties;
  }
  if (nullable) out['x-nullable'] = true;
  return out;
}

/**
 * The schema describing every given sample (at least one). No property is marked `required`: samples
 * show what an API sent, not what it always sends.
 *
 * @example schemaFromSamples([{ id: 1, due: '2026-11-29' }]).schema
 * // { type: 'object', properties: { id: { type: 'integer', 'x-ms-summary': 'ID' }, due: { type: 'string', format: 'date', 'x-ms-summary': 'Due' } } }
 */
export function schemaFromSamples(samples: readonly JsonValue[]): SampleSchema {
  const shape = newShape();
  for (const sample of samples) add(shape, sample, 0);
  const notes: string[] = [];
  return { schema: toSchema(shape, '', notes), notes };
}
