import { jsonType } from '../../connector/json.ts';

/**
 * A JSON value's type with its article, for messages.
 * @example describeType([]) // 'an array'
 */
export function describeType(value: unknown): string {
  const type = jsonType(value);
  if (type === 'null') return 'null';
  return withArticle(type);
}

/**
 * A type name with its indefinite article, for messages.
 * @example withArticle('integer') // 'an integer'
 */
export function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
