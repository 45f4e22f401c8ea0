import { isObject, type JsonValue } from '../../connector/json.ts';

/** The `type` values of Swagger 2.0 schemas and parameters (`null` is JSON Schema's, seen in the wild). */
export const SCHEMA_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'array',
  'object',
  'file',
  'null',
]);

/**
 * Whether a JSON value is an instance of a schema `type`; undefined when the type says nothing about
 * values (`file`) or is not a known type.
 * @example matchesType(3, 'number') // true
 */
export function matchesType(value: JsonValue, type: string): boolean | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return undefined;
  }
}

const INTEGER_TEXT = /^[-+]?\d+$/;
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN_TEXT = /^(true|false)$/i;

/**
 * Like `matchesType`, but also accepts a string that converts to the scalar type (`"10"` for an
 * integer, `"true"` for a boolean): the platform converts such values, and certified connectors
 * rely on it.
 */
export function convertsToType(value: JsonValue, type: string): boolean | undefined {
  const strict = matchesType(value, type);
  if (strict !== false || typeof value !== 'string') return strict;
  const text = value.trim();
  if (type === 'integer') return INTEGER_TEXT.test(text);
  if (type === 'number') return NUMBER_TEXT.test(text);
  if (type === 'boolean') return BOOLEAN_TEXT.test(text);
  return false;
}

/**
 * Why `value` is not a value of a schema with this `type` and `enum`: `'type'` (another JSON type,
 * text the platform converts accepted), `'enum'` (a scalar that is none of the values, `"2"` matching
 * `2`), or undefined when it is one. `null` is left to `x-nullable`.
 * @example valueMismatch('high', 'integer', undefined) // 'type'
 */
export function valueMismatch(value: JsonValue, type: unknown, values: unknown): 'type' | 'enum' | undefined {
  if (value === null) return undefined;
  if (typeof type === 'string' && convertsToType(value, type) === false) return 'type';
  if (!Array.isArray(values) || values.length === 0 || typeof value === 'object') return undefined;
  const listed = values.some(
    (v) => v === value || (v !== null && typeof v !== 'object' && String(v) === String(value)),
  );
  return listed ? undefined : 'enum';
}
