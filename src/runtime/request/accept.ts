import { isJsonType } from './media-type.ts';

/**
 * The `Accept` header flowport adds when the caller sets none: the first JSON type of `produces`,
 * else every declared type; nothing when `produces` is empty (fetch then sends `*∕*`).
 *
 * @example
 * acceptFor(['application/xml', 'application/json']); // 'application/json'
 */
export function acceptFor(produces: readonly string[]): string | undefined {
  const types = produces.map((t) => t.trim()).filter((t) => t !== '' && !/[\r\n\0]/.test(t));
  if (types.length === 0) return undefined;
  return types.find(isJsonType) ?? types.join(', ');
}
