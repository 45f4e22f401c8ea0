import { isObject, type JsonValue, jsonType, own, ownArray, ownString } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { ArgumentValue, FileValue } from '../types.ts';

/** What a parameter (or body) value must be: the Swagger keywords coercion looks at. */
export interface ValueSpec {
  readonly type: string | undefined;
  readonly format?: string | undefined;
  /** The `items` schema of an array. */
  readonly items?: JsonValue | undefined;
  readonly collectionFormat?: string | undefined;
}

import { SEPARATORS } from './serialize-value.ts';

export function isFileValue(value: unknown): value is FileValue {
  return (
    isObject(value) &&
    own(value, 'kind') === 'file' &&
    (value as { bytes?: unknown }).bytes instanceof Uint8Array
  );
}

/**
 * Checks a caller value against its type and converts command-line strings where the type says so:
 * `"42"` → 42 for integers, `"true"` → true for booleans, `"a,b"` or `'["a","b"]'` → an array.
 * Numbers and booleans given for a string become their text. Throws `PARAMETER_INVALID` naming `where`.
 *
 * @example
 * coerceValue('42', { type: 'integer' }, 'Parameter `top`'); // 42
 */
export function coerceValue(value: ArgumentValue, spec: ValueSpec, where: string): ArgumentValue {
  const type = spec.type?.toLowerCase();
  const fail = (expected: string): never => {
    const got = isFileValue(value) ? 'a file' : `${article(jsonType(value))} ${jsonType(value)}`;
    throw new FlowportError('PARAMETER_INVALID', `${where} must be ${expected}, not ${got}.`);
  };
  if (isFileValue(value)) {
    if (type === 'file' || type === undefined || spec.format === 'binary') return value;
    return fail(`${article(type)} ${type}`);
  }
  switch (type) {
    case 'file':
      return typeof value === 'string' ? textFile(value) : fail('a file');
    case 'string':
      if (typeof value === 'string') return value;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : fail('a string');
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) && Number.isSafeInteger(Number(value)))
        return Number(value);
      return fail('an integer');
    case 'number':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      return fail('a number');
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value))
        return value.trim().toLowerCase() === 'true';
      return fail('a boolean (`true` or `false`)');
    case 'array':
      return coerceArray(value, spec, where, fail);
    case 'object':
      if (isObject(value)) return value;
      if (typeof value === 'string' && value.trim().startsWith('{')) {
        const parsed = parseJson(value);
        if (isObject(parsed)) return parsed;
      }
      return fail('an object (JSON `{…}`)');
    default:
      return value;
  }
}

function coerceArray(
  value: JsonValue,
  spec: ValueSpec,
  where: string,
  fail: (expected: string) => never,
): JsonValue[] {
  let list: JsonValue[];
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'string') {
    const parsed = value.trim().startsWith('[') ? parseJson(value) : undefined;
    if (Array.isArray(parsed)) list = parsed;
    else {
      // A command-line list: `a,b,c`, split on the separator the parameter's `collectionFormat` uses.
      const separator = SEPARATORS[spec.collectionFormat?.toLowerCase() ?? 'csv'] ?? ',';
      list = value === '' ? [] : value.split(separator);
    }
  } else if (typeof value === 'number' || typeof value === 'boolean') list = [value];
  else return fail('an array');
  const items = spec.items;
  const itemSpec: ValueSpec = {
    type: ownString(items, 'type'),
    format: ownString(items, 'format'),
    items: own(items, 'items'),
    collectionFormat: ownString(items, 'collectionFormat'),
  };
  return list.map((item, i) => {
    const coerced = coerceValue(item, itemSpec, `Item ${i} of ${lowerFirst(where)}`);
    return isFileValue(coerced) ? fail('an array of JSON values') : coerced;
  });
}

/** A warning (not an error: backends often accept more than they declare) for a value outside `enum`. */
export function enumWarning(
  value: JsonValue,
  schema: JsonValue | undefined,
  where: string,
): string | undefined {
  const allowed = ownArray(schema, 'enum');
  if (!allowed || allowed.length === 0) return undefined;
  // The common case, a listed scalar: no lists made.
  if ((value === null || typeof value !== 'object') && allowed.includes(value)) return undefined;
  const values = Array.isArray(value) ? value : [value];
  const outside = values.filter((v) => !allowed.some((a) => sameJson(a, v)));
  if (outside.length === 0) return undefined;
  const list = allowed.slice(0, 10).map((a) => `\`${JSON.stringify(a)}\``);
  return `${where} has ${outside.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}, which is not one of ${list.join(', ')}${allowed.length > 10 ? ', …' : ''}; the backend may refuse it.`;
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function textFile(text: string): FileValue {
  return {
    kind: 'file',
    name: 'file',
    contentType: 'application/octet-stream',
    bytes: new TextEncoder().encode(text),
  };
}

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
