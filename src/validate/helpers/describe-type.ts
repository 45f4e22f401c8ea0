import { jsonType } from '../../connector/json.ts';

/**
 * A JSON value's type with its article, for messages.
 * @example describeType([]) // 'an array'
 */
export function describeType(value: unknown): string {
  const type = jsonType(value);
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
