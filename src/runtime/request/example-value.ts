import {
  isObject,
  type JsonObject,
  type JsonValue,
  jsonType,
  own,
  ownArray,
  ownBoolean,
  ownString,
  setOwn,
} from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import type { FileValue } from '../types.ts';
import { compile, patternSamples } from './pattern-sample.ts';
import { isInternal, isNotificationUrl, resolveSchema, viewSchema } from './schema.ts';
import { stringFitsFormat } from './string-format.ts';

/** Schemas nested deeper than this get no example (reported missing). */
const MAX_DEPTH = 24;

/** Values known to satisfy each string `format` as Prism (ajv-formats) checks it. */
const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2024-01-15T09:30:00Z',
  'date-no-tz': '2024-01-15T09:30:00',
  date: '2024-01-15',
  time: '09:30:00Z',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  guid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'ZXhhbXBsZQ==',
  int32: '1',
  int64: '1',
  double: '1.5',
  float: '1.5',
  duration: 'P1D',
  html: '<p>example</p>',
};

const STRING_CANDIDATES = ['example', 'a', 'A', '1', 'abc', 'ABC', '123', 'a1', 'example-1', 'Example'];

/** A file example for `type: file` parameters. */
export const EXAMPLE_FILE: FileValue = Object.freeze({
  kind: 'file',
  name: 'example.txt',
  contentType: 'text/plain',
  bytes: new TextEncoder().encode('example'),
});

export interface ExampleOptions {
  /** A string at the top is never empty (a required path or query value). */
  readonly nonEmpty?: boolean;
  /**
   * An API's answer rather than a request (`flowport mock`): objects get every property, `readOnly`
   * ones included, and arrays `items` items made different from one another where the schema allows
   * (`task-2`, `2`), so that lists and dynamic values look like lists.
   */
  readonly answer?: boolean;
  /** Items per array in an answer (at least `minItems`, at most `maxItems`); default 1. */
  readonly items?: number;
  /** The first item's number in an answer's arrays (a later page goes on where the last ended). */
  readonly offset?: number;
  /** The number of the answer itself, when it is one of many (the n-th notification of a trigger). */
  readonly variant?: number;
}

export interface ExampleResult {
  /** Undefined when no value could be made (a schema cycle through required properties). */
  readonly value: JsonValue | FileValue | undefined;
  /** Paths (`body.owner.email`) whose value is not known to be valid: an unmatched `pattern`, a cycle. */
  readonly missing: string[];
}

/**
 * An example value for a parameter or schema, taken in order from `x-ms-test-value`, `default`, the
 * first `enum` value, `example`/`x-example`, else made to fit the type, `format` and constraints
 * (`minimum`…`multipleOf`, `minLength`/`maxLength`, `pattern`, `minItems`). Objects get their required
 * properties, through `$ref`s and `allOf`, except internal ones with a default (the request builder
 * injects those) and `readOnly` ones.
 *
 * @example
 * exampleValue(connector, { type: 'integer', minimum: 10, multipleOf: 5 }, 'top').value; // 10
 */
export function exampleValue(
  connector: Connector,
  node: JsonValue | undefined,
  path: string,
  options: ExampleOptions = {},
): ExampleResult {
  const nonEmpty = options.nonEmpty === true;
  const answer = options.answer === true;
  const itemCount = Math.max(1, options.items ?? 1);
  const itemOffset = Math.max(0, options.offset ?? 0);
  const missing: string[] = [];
  const stack = new Set<JsonObject>();

  const make = (
    current: JsonValue | undefined,
    at: string,
    depth: number,
    variant = 0,
  ): JsonValue | FileValue | undefined => {
    const view = viewSchema(connector, current);
    if (!view || depth > MAX_DEPTH || stack.has(view.raw)) {
      if (view) missing.push(at);
      return view ? undefined : 'example';
    }
    const testValue = own(current, 'x-ms-test-value') ?? own(view.raw, 'x-ms-test-value');
    if (testValue !== undefined) return testValue;
    const allowed = own(current, 'enum') ?? own(view.raw, 'enum');
    const enumValues = Array.isArray(allowed) ? allowed : [];
    const declared = [own(current, 'default') ?? own(view.raw, 'default'), ...enumValues];
    declared.push(own(current, 'example') ?? own(view.raw, 'example'));
    declared.push(own(current, 'x-example') ?? own(view.raw, 'x-example'));
    for (const candidate of declared)
      if (
        candidate !== undefined &&
        (!nonEmpty || candidate !== '') &&
        fits(connector, candidate, current, depth)
      )
        return candidate;
    // No `enum` value fits the rest of the schema as written (`type: boolean` with `enum: ["false",
    // "true"]`): take the first written as text of a value of the type, as `false` (the same text in a
    // path, query or header; what a validating API takes in a body), else no value can be valid: say so.
    if (enumValues.length > 0) {
      const typed = typedEnumValue(enumValues, view.type);
      if (typed !== undefined) return typed;
      missing.push(at);
      return enumValues[0];
    }
    stack.add(view.raw);
    try {
      switch (view.type?.toLowerCase()) {
        case 'object': {
          const out: JsonObject = {};
          // An answer has every property (what a flow's dynamic content lists); a request only the
          // required ones.
          for (const name of answer ? view.properties.keys() : view.required) {
            const property = view.properties.get(name);
            const resolved = resolveSchema(connector, property);
            if (answer) {
              const value = make(property ?? {}, `${at}.${name}`, depth + 1, variant);
              if (value !== undefined && !isFile(value)) setOwn(out, name, value);
              continue;
            }
            if (ownBoolean(property, 'readOnly') === true || ownBoolean(resolved, 'readOnly') === true)
              continue;
            const hasDefault =
              own(property, 'default') !== undefined || own(resolved, 'default') !== undefined;
            if ((isInternal(property) || isInternal(resolved)) && hasDefault) continue;
            if (isNotificationUrl(property) || isNotificationUrl(resolved)) {
              setOwn(out, name, 'https://example.com/callback');
              continue;
            }
            const value = make(property ?? {}, `${at}.${name}`, depth + 1);
            if (value !== undefined && !isFile(value)) setOwn(out, name, value);
          }
          return out;
        }
        case 'array': {
          const min = numberOf(view.raw, 'minItems') ?? 0;
          const max = numberOf(view.raw, 'maxItems') ?? Number.POSITIVE_INFINITY;
          const count = Math.min(Math.max(min, answer ? itemCount : 1), max);
          if (answer) {
            const out: JsonValue[] = [];
            for (let i = 0; i < count; i++) {
              const item = make(view.items ?? {}, `${at}[${i}]`, depth + 1, itemOffset + i);
              if (item === undefined || isFile(item)) break;
              out.push(item);
            }
            return out;
          }
          const item = make(view.items ?? {}, `${at}[0]`, depth + 1);
          if (item === undefined || isFile(item)) return [];
          return Array.from({ length: count }, (_, i) =>
            distinct(item, i, ownBoolean(view.raw, 'uniqueItems')),
          );
        }
        case 'integer':
        case 'number':
          return numberFor(
            view.raw,
            view.type === 'integer' || view.format === 'int32' || view.format === 'int64',
            at,
            missing,
            variant,
          );
        case 'boolean':
          return true;
        case 'file':
          return EXAMPLE_FILE;
        case 'null':
          return null;
        default:
          return stringFor(view.raw, view.format, at, missing, nonEmpty && depth === 0 ? 1 : 0, variant);
      }
    } finally {
      stack.delete(view.raw);
    }
  };

  return { value: make(node, path, 0, Math.max(0, options.variant ?? 0)), missing };
}

/** The first `enum` value that, written as text, is a value of `type` (boolean or number), as that value. */
function typedEnumValue(values: readonly JsonValue[], type: string | undefined): JsonValue | undefined {
  const t = type?.toLowerCase();
  for (const v of values) {
    const text = String(v).trim();
    if (t === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
    if ((t === 'integer' || t === 'number') && text !== '' && Number.isFinite(Number(text))) {
      const n = Number(text);
      if (t === 'number' || Number.isInteger(n)) return n;
    }
  }
  return undefined;
}

function isFile(value: JsonValue | FileValue): value is FileValue {
  return isObject(value) && value.kind === 'file' && 'bytes' in value;
}

/**
 * Whether a declared value (`default`, `example`) fits its schema well enough for a validating mock to
 * accept it: type, `enum`, string and number constraints, and required properties, recursively.
 */
function fits(connector: Connector, value: JsonValue, node: JsonValue | undefined, depth: number): boolean {
  const view = viewSchema(connector, node);
  if (!view || depth > MAX_DEPTH) return true;
  const schema = view.raw;
  const allowed = ownArray(schema, 'enum');
  if (allowed && allowed.length > 0 && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value)))
    return false;
  switch (view.type?.toLowerCase()) {
    case 'string': {
      if (typeof value !== 'string') return false;
      const pattern = ownString(schema, 'pattern');
      const regex = pattern === undefined ? undefined : compile(pattern);
      return (
        (regex === undefined || regex.test(value)) &&
        value.length >= (numberOf(schema, 'minLength') ?? 0) &&
        value.length <= (numberOf(schema, 'maxLength') ?? Number.POSITIVE_INFINITY) &&
        stringFitsFormat(value, view.format) !== false
      );
    }
    case 'integer':
      return jsonType(value) === 'integer' && inRange(value as number, schema);
    case 'number':
      return typeof value === 'number' && inRange(value, schema);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return (
        Array.isArray(value) &&
        value.length >= (numberOf(schema, 'minItems') ?? 0) &&
        value.every((item) => fits(connector, item, view.items, depth + 1))
      );
    case 'object':
      // Every property given must fit too, not only the required ones: a whole-object `example` often
      // carries placeholders (`"email": "string"`) in its optional properties.
      return (
        isObject(value) &&
        [...view.required].every(
          (name) =>
            own(value, name) !== undefined ||
            ownBoolean(resolveSchema(connector, view.properties.get(name)), 'readOnly') === true,
        ) &&
        Object.entries(value).every(([name, item]) => {
          const property = view.properties.get(name);
          return property === undefined || fits(connector, item, property, depth + 1);
        })
      );
    default:
      return true;
  }
}

function inRange(value: number, schema: JsonObject): boolean {
  const min = numberOf(schema, 'minimum');
  const max = numberOf(schema, 'maximum');
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function numberOf(schema: unknown, key: string): number | undefined {
  const v = own(schema, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function numberFor(schema: JsonObject, integer: boolean, at: string, missing: string[], variant = 0): number {
  const step = integer ? 1 : 0.5;
  let low = numberOf(schema, 'minimum');
  let high = numberOf(schema, 'maximum');
  // Swagger 2.0 `exclusiveMinimum`/`exclusiveMaximum` are booleans qualifying `minimum`/`maximum`.
  if (low !== undefined && ownBoolean(schema, 'exclusiveMinimum') === true) low += step;
  if (high !== undefined && ownBoolean(schema, 'exclusiveMaximum') === true) high -= step;
  let value = low ?? (high !== undefined ? Math.min(high, 1) : 1);
  if (integer) value = Math.ceil(value);
  const multipleOf = numberOf(schema, 'multipleOf');
  if (multipleOf !== undefined && multipleOf > 0) value = Math.ceil(value / multipleOf) * multipleOf;
  if (high !== undefined && value > high) missing.push(at);
  // The n-th item of an answer: one step further per item while the bounds and `multipleOf` allow.
  const stride = multipleOf !== undefined && multipleOf > 0 ? multipleOf : step;
  const varied = value + variant * stride;
  return variant > 0 && (high === undefined || varied <= high) ? varied : value;
}

function stringFor(
  schema: JsonObject,
  format: string | undefined,
  at: string,
  missing: string[],
  atLeast: number,
  variant = 0,
): string {
  const min = Math.max(numberOf(schema, 'minLength') ?? 0, atLeast);
  const max = numberOf(schema, 'maxLength') ?? Number.POSITIVE_INFINITY;
  const pattern = ownString(schema, 'pattern');
  const regex = pattern === undefined ? undefined : compile(pattern);
  const formatted = FORMAT_SAMPLES[format?.toLowerCase() ?? ''];
  const sized = (text: string) =>
    text.length < min ? text.padEnd(min, 'x') : text.slice(0, Math.max(max, 0));
  const candidates = [...(formatted !== undefined ? [formatted] : []), ...STRING_CANDIDATES].map(sized);
  const valid = (text: string) =>
    text.length >= min &&
    text.length <= max &&
    (pattern === undefined || regex?.test(text) === true) &&
    stringFitsFormat(text, format) !== false;
  // Samples of well-known shapes last: a pattern the generator cannot read (a lookahead) often
  // describes an address, a date or an id.
  const found = [
    ...(formatted !== undefined ? [formatted] : []),
    ...(pattern !== undefined ? patternSamples(pattern, min, max) : []),
    ...candidates,
    ...(pattern !== undefined ? Object.values(FORMAT_SAMPLES) : []),
  ].find(valid);
  if (found !== undefined) {
    // The n-th item of an answer: `example-2` where the pattern, length and format still allow it.
    const varied = variant > 0 && formatted === undefined ? `${found}-${variant + 1}` : undefined;
    return varied !== undefined && valid(varied) ? varied : found;
  }
  // No known string meets the pattern, the length and the format together (some swaggers ask for the
  // impossible, `format: date-time` with `pattern: yyyy-MM-dd`): say so rather than send a wrong one.
  missing.push(at);
  return candidates[0] ?? 'example';
}

/** Array items made distinct when `uniqueItems` asks for it. */
function distinct(item: JsonValue, index: number, unique: boolean | undefined): JsonValue {
  if (!unique || index === 0) return item;
  if (typeof item === 'number') return item + index;
  if (typeof item === 'string') return `${item}${index}`;
  return item;
}
