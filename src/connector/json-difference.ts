import { isObject, type JsonValue } from './json.ts';
import { join } from './pointer.ts';

/** Where two JSON values first differ, and what each holds there (undefined: absent). */
export interface JsonDifference {
  readonly pointer: string;
  readonly left: JsonValue | undefined;
  readonly right: JsonValue | undefined;
}

/**
 * The first place, in document order, where two JSON values differ, or undefined when they are
 * equal. Object key order and formatting do not count (a Dataverse export rewrites both); array
 * order does.
 *
 * @example
 * firstDifference({ a: [1, 2] }, { a: [1, 3] }); // { pointer: '/a/1', left: 2, right: 3 }
 */
export function firstDifference(
  left: JsonValue | undefined,
  right: JsonValue | undefined,
  pointer = '',
): JsonDifference | undefined {
  if (left === right) return undefined;
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const d = firstDifference(left[i], right[i], join(pointer, i));
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(left) && isObject(right)) {
    for (const key of Object.keys(left)) {
      const d = firstDifference(
        left[key],
        Object.hasOwn(right, key) ? right[key] : undefined,
        join(pointer, key),
      );
      if (d) return d;
    }
    for (const key of Object.keys(right))
      if (!Object.hasOwn(left, key))
        return { pointer: join(pointer, key), left: undefined, right: right[key] };
    return undefined;
  }
  return { pointer, left, right };
}
