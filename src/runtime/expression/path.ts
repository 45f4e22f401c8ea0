import { isObject, type JsonValue, own, setOwn } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { Accessor } from './ast.ts';

/** Where a property path starts: `@body()`, `@item()`, `@triggerBody()` or nothing (`a.b`). */
export type PathRoot = 'body' | 'item' | 'triggerBody' | 'relative';

/** A property path as template parameters write it: `@body().a['@odata.type'][0]`, `a.b`, `null`. */
export interface PropertyPath {
  readonly root: PathRoot;
  readonly steps: readonly Accessor[];
  readonly source: string;
}

const ROOT = /^@?\s*(body|item|triggerBody)\s*\(\s*\)/i;
const QUOTES: Record<string, string> = { "'": "'", '‘': '’', '"': '"' };

function fault(source: string, at: number, reason: string): never {
  throw new FlowportError(
    'EXPRESSION_INVALID',
    `Property path \`${source}\` is invalid at column ${at + 1}: ${reason}.`,
  );
}

/**
 * Parses a path-typed template parameter. `"null"` and the empty string mean "the parent itself"
 * (no steps). A bare path (`peopleObject.location`) has root `relative`; callers decide what it is
 * relative to. Throws `EXPRESSION_INVALID` naming the column.
 *
 * @example
 * parsePath("@body()['@odata.etag']"); // { root: 'body', steps: [{ kind: 'property', name: '@odata.etag' }] }
 */
export function parsePath(text: string): PropertyPath {
  const source = text;
  const s = text.trim();
  const offset = text.indexOf(s);
  if (s === '' || s.toLowerCase() === 'null') return { root: 'relative', steps: [], source };
  let pos = 0;
  let root: PathRoot = 'relative';
  const m = ROOT.exec(s);
  if (m) {
    const name = (m[1] ?? '').toLowerCase();
    root = name === 'triggerbody' ? 'triggerBody' : (name as PathRoot);
    pos = m[0].length;
  } else if (s.startsWith('@'))
    fault(source, offset, 'a path starts with `@body()`, `@item()` or a property name');
  const steps: Accessor[] = [];
  const name = (from: number): number => {
    let end = from;
    while (end < s.length && s[end] !== '.' && s[end] !== '[') end++;
    if (end === from) fault(source, offset + from, 'expected a property name');
    steps.push({ kind: 'property', name: s.slice(from, end).trim() });
    return end;
  };
  if (root === 'relative' && s[0] !== '[') pos = name(0);
  while (pos < s.length) {
    const ch = s[pos];
    if (ch === '.') pos = name(pos + 1);
    else if (ch === '[') {
      let p = pos + 1;
      while (s[p] === ' ') p++;
      const open = s[p] ?? '';
      const close = QUOTES[open];
      if (close !== undefined) {
        const end = s.indexOf(close, p + 1);
        if (end < 0) fault(source, offset + p, 'unterminated string');
        steps.push({ kind: 'property', name: s.slice(p + 1, end) });
        p = end + 1;
      } else if (/[0-9]/.test(open)) {
        const start = p;
        while (/[0-9]/.test(s[p] ?? '')) p++;
        steps.push({ kind: 'index', index: Number(s.slice(start, p)) });
      } else fault(source, offset + p, 'expected a quoted property name or an index inside `[…]`');
      while (s[p] === ' ') p++;
      if (s[p] !== ']') fault(source, offset + p, 'expected `]`');
      pos = p + 1;
    } else fault(source, offset + pos, `unexpected \`${ch}\``);
  }
  return { root, steps, source };
}

/** One step down, or `undefined` when the value has no such property or index. Never reads prototypes. */
export function step(value: JsonValue | undefined, accessor: Accessor): JsonValue | undefined {
  if (accessor.kind === 'index') return Array.isArray(value) ? value[accessor.index] : undefined;
  return own(value, accessor.name);
}

/** The value at `steps` below `value`, or `undefined` when any step is missing. */
export function getAt(value: JsonValue | undefined, steps: readonly Accessor[]): JsonValue | undefined {
  let current = value;
  for (const s of steps) {
    current = step(current, s);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * Writes `value` at `steps` (at least one) below `container`, creating missing objects on the way.
 * Returns false when a step meets a value that cannot hold it (text, null, an index into an object).
 * Keys such as `__proto__` become own properties; prototypes are never written.
 */
export function setAt(container: JsonValue, steps: readonly Accessor[], value: JsonValue): boolean {
  let current = container;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as Accessor;
    const last = i === steps.length - 1;
    if (s.kind === 'index') {
      if (!Array.isArray(current) || s.index > current.length) return false;
      if (last) {
        current[s.index] = value;
        return true;
      }
      let next = current[s.index];
      if (next === undefined) {
        next = {};
        current[s.index] = next;
      }
      current = next;
    } else {
      if (!isObject(current)) return false;
      if (last) {
        setOwn(current, s.name, value);
        return true;
      }
      let next = own(current, s.name);
      if (next === undefined) {
        next = {};
        setOwn(current, s.name, next);
      }
      current = next;
    }
  }
  return false;
}

/** Removes the property or array element at `steps`; false when it was not there. */
export function deleteAt(container: JsonValue, steps: readonly Accessor[]): boolean {
  const last = steps[steps.length - 1];
  if (last === undefined) return false;
  const parent = getAt(container, steps.slice(0, -1));
  if (last.kind === 'index') {
    if (!Array.isArray(parent) || last.index >= parent.length) return false;
    parent.splice(last.index, 1);
    return true;
  }
  if (!isObject(parent) || !Object.hasOwn(parent, last.name)) return false;
  delete parent[last.name];
  return true;
}

/** Renders steps for messages: `.a['@odata.type'][0]`. */
export function formatSteps(steps: readonly Accessor[]): string {
  return steps
    .map((s) =>
      s.kind === 'index'
        ? `[${s.index}]`
        : /^[A-Za-z_$][\w$]*$/.test(s.name)
          ? `.${s.name}`
          : `['${s.name}']`,
    )
    .join('');
}
