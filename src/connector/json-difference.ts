import { isObject, type JsonValue } from './json.ts';
import { join } from './pointer.ts';

/** Where two JSON values differ, and what each holds there (undefined: absent). */
export interface JsonDifference {
  readonly pointer: string;
  readonly left: JsonValue | undefined;
  readonly right: JsonValue | undefined;
}

/**
 * The places, in document order, where two JSON values differ: the deepest members that differ,
 * a member one side lacks, a value of another type. Object key order and formatting do not count
 * (a Dataverse export rewrites both); array order does, item by item. At most `limit` are returned.
 *
 * @example
 * jsonDifferences({ a: [1, 2], b: 1 }, { a: [1, 3] });
 * // [{ pointer: '/a/1', left: 2, right: 3 }, { pointer: '/b', left: 1, right: undefined }]
 */
export function jsonDifferences(
  left: JsonValue | undefined,
  right: JsonValue | undefined,
  limit = Number.POSITIVE_INFINITY,
): JsonDifference[] {
  const found: JsonDifference[] = [];
  collect(left, right, '', found, limit);
  return found;
}

/**
 * The first place, in document order, where two JSON values differ, or undefined when they are
 * equal (see {@link jsonDifferences}).
 *
 * @example
 * firstDifference({ a: [1, 2] }, { a: [1, 3] }); // { pointer: '/a/1', left: 2, right: 3 }
 */
export function firstDifference(
  left: JsonValue | undefined,
  right: JsonValue | undefined,
): JsonDifference | undefined {
  return jsonDifferences(left, right, 1)[0];
}

function collect(
  left: JsonValue | undefined,
  right: JsonValue | undefined,
  pointer: string,
  found: JsonDifference[],
  limit: number,
): void {
  if (left === right || found.length >= limit) return;
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.max(left.length, right.length) && found.length < limit; i++)
      collect(left[i], right[i], join(pointer, i), found, limit);
    return;
  }
  if (isObject(left) && isObject(right)) {
    for (const key of Object.keys(left))
      collect(
        left[key],
        Object.hasOwn(right, key) ? right[key] : undefined,
        join(pointer, key),
        found,
        limit,
      );
    for (const key of Object.keys(right))
      if (!Object.hasOwn(left, key) && found.length < limit)
        found.push({ pointer: join(pointer, key), left: undefined, right: right[key] });
    return;
  }
  found.push({ pointer, left, right });
}
