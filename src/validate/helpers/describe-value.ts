import { jsonType } from '../../connector/json.ts';

/**
 * A JSON value as a message shows it: strings and scalars in backticks, containers by their type.
 * @example describeValue('hidden') // '`hidden`'; describeValue([]) // 'an array'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (value === null || typeof value === 'boolean' || typeof value === 'number')
    return `\`${String(value)}\``;
  const type = jsonType(value);
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
