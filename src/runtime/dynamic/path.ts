import { isObject, type JsonObject, type JsonValue, own, setOwn } from '../../connector/json.ts';
import { unescapeSegment } from '../../connector/pointer.ts';

/**
 * Splits a dynamic-extension path (`value-collection`, `itemValuePath`, `parameterReference`…): a JSON
 * pointer without the leading `/` (runtime spec §4.11 step 5), so `~1` and `~0` are unescaped. A
 * leading `/` some authors write is tolerated; an empty path has no segments.
 */
export function splitPath(path: string): string[] {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  return trimmed === '' ? [] : trimmed.split('/').map(unescapeSegment);
}

/** The value at a path inside a JSON value (own properties, array indexes), or undefined. */
export function valueAt(
  root: JsonValue | undefined,
  path: string | readonly string[],
): JsonValue | undefined {
  const segments = typeof path === 'string' ? splitPath(path) : path;
  let node: JsonValue | undefined = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (isObject(node)) node = own(node, segment);
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** Sets a value at a path, creating (or replacing non-object) intermediate objects. */
export function setAt(root: JsonObject, segments: readonly string[], value: JsonValue): void {
  let node = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    let next = own(node, segment);
    if (!isObject(next)) {
      next = {};
      setOwn(node, segment, next);
    }
    node = next;
  }
  const last = segments.at(-1);
  if (last !== undefined) setOwn(node, last, value);
}

/** Display text for a value: strings as they are, other scalars printed, objects as JSON. */
export function displayText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
