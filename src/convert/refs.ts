import { isObject, type JsonObject, type JsonValue, own } from '../connector/json.ts';
import { resolveRef } from '../connector/refs.ts';

/** A `$ref` object's target in the input document, following chains; the object itself otherwise. */
export function deref(
  root: JsonObject,
  value: JsonValue | undefined,
): { value: JsonValue | undefined; pointer: string | undefined; ref: string | undefined } {
  const ref = own(value, '$ref');
  if (typeof ref !== 'string') return { value, pointer: undefined, ref: undefined };
  const resolved = resolveRef(root, ref);
  return { value: resolved?.value, pointer: resolved?.pointer, ref };
}

/** Like {@link deref} but only objects come back. */
export function derefObject(root: JsonObject, value: JsonValue | undefined): JsonObject | undefined {
  const target = deref(root, value).value;
  return isObject(target) ? target : undefined;
}

/** Last segment of a `#/components/<kind>/<name>` reference. */
export function componentName(ref: string, kind: string): string | undefined {
  const prefix = `#/components/${kind}/`;
  if (!ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  if (rest.includes('/')) return undefined;
  try {
    return decodeURIComponent(rest).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return rest;
  }
}
