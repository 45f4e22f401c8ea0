/**
 * Path templates from the concrete paths of recorded calls: `/users/42/orders` and
 * `/users/77/orders` are one operation, `/users/{userId}/orders`. A segment is a value when it looks
 * like one (digits, a UUID, a hex hash, a date, an email, a long id of letters and digits, a
 * prefixed id like `cus_9s8d7f6g`, a key like `PROJ-123`); a word segment that sits where a value does, before the same
 * continuation (`/users/me/orders` beside `/users/42/orders`), is one too. A word at the end of a path
 * (`/users/me`, `/users/search`) stays a word: it is more often an operation of its own.
 */
import { singular, words } from './text.ts';

/** What a value segment looks like; decides the parameter's name suffix, type and format. */
export type ValueKind = 'integer' | 'uuid' | 'date' | 'email' | 'id';

const KINDS: readonly (readonly [ValueKind, RegExp])[] = [
  ['integer', /^\d+$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['email', /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/],
  // A hex hash or object id (`5f2b…`, 8 characters or more, with a digit).
  ['id', /^(?=[^g-z]*\d)[0-9a-f]{8,}$/i],
  // A prefixed id (`cus_NffrFeUfNV2Hib`, `usr-8d7f6g5h`).
  ['id', /^[a-z]{2,8}[_-](?=[A-Za-z]*\d)[A-Za-z0-9]{6,}$/],
  // A key of capitals, a dash and a number (`PROJ-123` in Jira, `INC-0042`, `T-1`).
  ['id', /^[A-Z][A-Z0-9]{0,9}-\d+$/],
  // A long mixed id (`AAMkAGI2TG93AAA=`, `A1b2C3d4E5`): 10 characters or more, two digits or more;
  // no dot (`export.csv2` is a file name).
  ['id', /^(?=(?:[^\d]*\d){2})(?=.*[A-Za-z])[A-Za-z0-9_\-=~]{10,}$/],
];

/** The kind of value a path segment is, or undefined for a word (`users`, `v2`, `me`). */
export function valueKind(segment: string): ValueKind | undefined {
  for (const [kind, test] of KINDS) if (test.test(segment)) return kind;
  return undefined;
}

/** Words after which a small number is a version or a fixed part of the API's address (`/api/3`, `/v1/1`). */
const VERSION_BEFORE = /^(api|rest|v\d*(\.\d+)?|version|ver)$/i;

/**
 * The kind of value the segment at `i` is, in its path: as {@link valueKind}, except that a number of
 * one or two digits at the start of a path or after `api`, `rest` or a version (`/api/3/…`, `/1/…`,
 * `/v1/1/…`) is part of the API's address, not an id. `before` is the segment before the first one.
 */
export function valueKindAt(segments: readonly string[], i: number, before?: string): ValueKind | undefined {
  const segment = segments[i] ?? '';
  const kind = valueKind(segment);
  if (kind !== 'integer' || segment.length > 2) return kind;
  const previous = i > 0 ? segments[i - 1] : before;
  return previous === undefined || VERSION_BEFORE.test(previous) ? undefined : kind;
}

/** A path parameter of a template, with every value the recording gave it. */
export interface PathParameter {
  readonly name: string;
  readonly values: readonly string[];
  /** The kinds the values are; a word folded into a value's place has none. */
  readonly kinds: ReadonlySet<ValueKind>;
}

export interface Templated {
  /** `/users/{userId}/orders`, one per input path, in input order. */
  readonly templates: readonly string[];
  /** The parameters of each template, by template. */
  readonly parameters: ReadonlyMap<string, readonly PathParameter[]>;
}

const VALUE = '\u0000';

interface Node {
  readonly children: Map<string, Node>;
  /** Paths that end here. */
  ends: boolean;
}

function node(): Node {
  return { children: new Map(), ends: false };
}

/** What follows a node, paths that end there included. */
function shape(n: Node): string {
  return `${n.ends ? '$' : ''}${continuation(n)}`;
}

/** What follows a node's segment in paths that go on past it. */
function continuation(n: Node): string {
  return [...n.children.keys()]
    .sort()
    .map((k) => `${k}(${shape(n.children.get(k) as Node)})`)
    .join(',');
}

const SUFFIX: Readonly<Record<ValueKind, string>> = {
  integer: 'Id',
  uuid: 'Id',
  id: 'Id',
  date: 'Date',
  email: 'Email',
};

function camel(parts: readonly string[]): string {
  return parts
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

/** `line-items` + id → `lineItemId`; nothing before → `id`. */
function parameterName(before: string | undefined, kinds: ReadonlySet<ValueKind>): string {
  const kind = kinds.size === 1 ? ([...kinds][0] as ValueKind) : 'id';
  const ws = words(before ?? '');
  const last = ws.pop();
  const base = last === undefined ? '' : camel([...ws, singular(last)]);
  const suffix = SUFFIX[kind];
  if (base === '') return suffix.toLowerCase();
  // `/emails/a@b.c` → `email`, not `emailEmail`.
  return base.toLowerCase().endsWith(suffix.toLowerCase()) ? base : `${base}${suffix}`;
}

/**
 * The template of each path (segments without the leading `/`, in the API's own spelling, decoded)
 * and each template's parameters with the values seen.
 *
 * @example templatePaths([['users', '42'], ['users', '77']]).templates // ['/users/{userId}', '/users/{userId}']
 */
export function templatePaths(paths: readonly (readonly string[])[], before?: string): Templated {
  // 1. A tree of the paths, value segments joined under one child.
  const root = node();
  for (const segments of paths) {
    let at = root;
    for (const [i, s] of segments.entries()) {
      const key = valueKindAt(segments, i, before) ? VALUE : s;
      let next = at.children.get(key);
      if (!next) {
        next = node();
        at.children.set(key, next);
      }
      at = next;
    }
    at.ends = true;
  }
  // 2. Words beside a value, with the same continuation, are values too (`/users/me/orders`).
  const folded = new Set<Node>();
  const fold = (n: Node) => {
    const value = n.children.get(VALUE);
    if (value && value.children.size > 0) {
      const valueShape = continuation(value);
      for (const [key, child] of n.children)
        if (key !== VALUE && child.children.size > 0 && continuation(child) === valueShape) folded.add(child);
    }
    for (const child of n.children.values()) fold(child);
  };
  fold(root);

  // 3. Each path's template and values.
  const templates: string[] = [];
  const values = new Map<
    string,
    { befores: (string | undefined)[]; seen: { value: string; kind?: ValueKind }[][] }
  >();
  for (const segments of paths) {
    let at: Node | undefined = root;
    const parts: string[] = [];
    const found: { value: string; kind?: ValueKind; before: string | undefined }[] = [];
    let word: string | undefined = before;
    for (const [i, s] of segments.entries()) {
      const kind = valueKindAt(segments, i, before);
      const next: Node | undefined = at?.children.get(kind ? VALUE : s);
      // A folded word is a value only where the path goes on (`/users/me` stays itself).
      if (kind || (next && folded.has(next) && i < segments.length - 1)) {
        found.push({ value: s, before: word, ...(kind && { kind }) });
        parts.push(VALUE);
      } else {
        parts.push(s);
        word = s;
      }
      at = next;
    }
    const key = parts.join('/');
    templates.push(key);
    let entry = values.get(key);
    if (!entry) {
      entry = { befores: found.map((f) => f.before), seen: found.map(() => []) };
      values.set(key, entry);
    }
    found.forEach((f, i) => {
      entry.seen[i]?.push({ value: f.value, ...(f.kind && { kind: f.kind }) });
    });
  }

  // 4. Names: from the word before each value, unique within a template.
  const parameters = new Map<string, PathParameter[]>();
  const named = new Map<string, string>();
  for (const [key, { befores, seen }] of values) {
    const used = new Set<string>();
    const list: PathParameter[] = [];
    const names = seen.map((s, i) => {
      const kinds = new Set(s.flatMap((v) => (v.kind ? [v.kind] : [])));
      let name = parameterName(befores[i], kinds);
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${parameterName(befores[i], kinds)}${n}`;
      used.add(name.toLowerCase());
      list.push({ name, values: [...new Set(s.map((v) => v.value))], kinds });
      return name;
    });
    let n = 0;
    const template = `/${key
      .split('/')
      .map((p) => (p === VALUE ? `{${names[n++]}}` : p))
      .join('/')}`;
    named.set(key, template);
    parameters.set(template, list);
  }
  return {
    templates: templates.map((key) => named.get(key) as string),
    parameters,
  };
}
