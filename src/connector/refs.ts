import { isObject, type JsonValue, own } from './json.ts';
import { refToPointer, split } from './pointer.ts';

/** Value at a JSON pointer inside a document, or undefined. */
export function at(root: JsonValue | undefined, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const segment of split(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (isObject(node)) node = own(node, segment);
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

export interface Resolved {
  readonly value: JsonValue;
  readonly pointer: string;
}

/**
 * Resolves a local `$ref`, following chains of `$ref`-only objects. Returns undefined for external
 * refs, missing targets and cycles (rules report those; the model never throws).
 */
export function resolveRef(root: JsonValue | undefined, ref: string): Resolved | undefined {
  // Most refs resolve in one step: the set of pointers seen is made only for a chain.
  let first: string | undefined;
  let seen: Set<string> | undefined;
  let current = ref;
  for (;;) {
    const pointer = refToPointer(current);
    if (pointer === undefined || pointer === first || seen?.has(pointer)) return undefined;
    if (first === undefined) first = pointer;
    else {
      seen ??= new Set();
      seen.add(pointer);
    }
    const value = at(root, pointer);
    if (value === undefined) return undefined;
    const next = own(value, '$ref');
    if (typeof next !== 'string') return { value, pointer };
    current = next;
  }
}

/** A node with its `$ref` (if any) resolved; `pointer` is where the content actually lives. */
export function deref(
  root: JsonValue | undefined,
  node: JsonValue | undefined,
  pointer: string,
): { value: JsonValue | undefined; pointer: string; ref: string | undefined } {
  const ref = own(node, '$ref');
  if (typeof ref !== 'string') return { value: node, pointer, ref: undefined };
  const target = resolveRef(root, ref);
  return target ? { value: target.value, pointer: target.pointer, ref } : { value: undefined, pointer, ref };
}
