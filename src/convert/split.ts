import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
} from '../connector/json.ts';
import { stringify } from './stringify.ts';
import { cut } from './text.ts';

/** The platform's limits for one connector: operations per swagger (custom connector FAQ). */
export const MAX_OPERATIONS = 256;
/** …and the swagger file, which must be smaller than 1 MB. */
export const MAX_SWAGGER_BYTES = 1024 * 1024;
/** Size aimed at when packing (the estimate is checked against the real file afterwards). */
const TARGET_BYTES = 1_000_000;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
/** Tag of operations that have none. */
export const UNTAGGED = 'Other';

/** How a description over the limits is written: several connectors by tag, or one regardless. */
export type SplitMode = 'tag' | 'none';

/** The size of a converted swagger as written, and whether one connector can hold it. */
export function measure(swagger: JsonObject): {
  operations: number;
  /** Undefined when the operations alone exceed the limit (the file is not serialised to count). */
  bytes: number | undefined;
  over: boolean;
} {
  let operations = 0;
  for (const item of Object.values(ownObject(swagger, 'paths') ?? {}))
    if (isObject(item)) for (const m of METHODS) if (isObject(item[m])) operations++;
  if (operations > MAX_OPERATIONS) return { operations, bytes: undefined, over: true };
  const bytes = Buffer.byteLength(stringify(swagger));
  return { operations, bytes, over: bytes >= MAX_SWAGGER_BYTES };
}

/** One connector of a split: its folder suffix, title, tags and swagger. */
export interface SwaggerPart {
  /** Folder suffix, kebab case, unique among the parts (`radar-attacks`). */
  readonly suffix: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly operationIds: readonly string[];
  readonly swagger: JsonObject;
  /** `apiDefinition.swagger.json` as written. */
  readonly text: string;
  readonly bytes: number;
}

interface Entry {
  readonly path: string;
  readonly method: string;
  readonly op: JsonObject;
  /** Pretty-printed size at its depth in the file. */
  readonly size: number;
  /** `#/definitions/…`, `#/parameters/…` and `#/responses/…` it uses, directly or not. */
  readonly refs: ReadonlySet<string>;
}

interface Group {
  readonly tags: string[];
  readonly entries: Entry[];
}

/** Bytes of `value` written with 4-space indents at `depth` levels of nesting. */
function prettySize(value: JsonValue, depth: number): number {
  const text = JSON.stringify(value, null, 4);
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return text.length + lines * depth * 4;
}

function directRefs(value: JsonValue | undefined, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) directRefs(v, out);
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out.add(v);
      else directRefs(v, out);
    }
  return out;
}

/** Resolves `#/definitions/A` (with `~1` escapes) in the swagger. */
function target(swagger: JsonObject, ref: string): JsonValue | undefined {
  let node: JsonValue | undefined = swagger;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return node;
}

/** Kebab case for folder names. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 40)
      .replace(/-+$/, '') || 'part'
  );
}

/** The tag an operation is filed under: its first, else {@link UNTAGGED}. */
function tagOf(op: JsonObject): string {
  const first = ownArray(op, 'tags')?.[0];
  return typeof first === 'string' && first.trim() !== '' ? first : UNTAGGED;
}

/** Operations by tag, with their size and the references they need. */
function collect(swagger: JsonObject): Map<string, Entry[]> {
  const cache = new Map<string, ReadonlySet<string>>();
  const closure = (ref: string, seen: Set<string>): void => {
    if (seen.has(ref)) return;
    seen.add(ref);
    const known = cache.get(ref);
    if (known) {
      for (const r of known) seen.add(r);
      return;
    }
    for (const next of directRefs(target(swagger, ref), new Set())) closure(next, seen);
  };
  const refsOf = (value: JsonValue): Set<string> => {
    const all = new Set<string>();
    for (const ref of directRefs(value, new Set())) {
      const mine = new Set<string>();
      closure(ref, mine);
      if (!cache.has(ref)) cache.set(ref, mine);
      for (const r of mine) all.add(r);
    }
    return all;
  };
  const byTag = new Map<string, Entry[]>();
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    const shared = ownArray(item, 'parameters') ?? [];
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      const refs = refsOf([op, ...shared] as JsonValue);
      const entry: Entry = { path, method, op, size: prettySize(op, 3) + path.length + 20, refs };
      const tag = tagOf(op);
      const list = byTag.get(tag);
      if (list) list.push(entry);
      else byTag.set(tag, [entry]);
    }
  }
  return byTag;
}

/**
 * Splits a converted swagger that exceeds one connector's limits into several, by tag. Operations are
 * filed under their first tag; tags are taken in alphabetical order (so `Radar Attacks`, `Radar DNS`…
 * stay together) and packed greedily: a part takes whole tags while it stays within 256 operations and
 * 1 MB; a tag too large alone is cut into consecutive runs of its operations. Each part keeps the
 * document's info, host, security and extensions, and only the definitions, parameters, responses and
 * tags its operations use.
 */
export function splitByTag(swagger: JsonObject): SwaggerPart[] {
  const byTag = collect(swagger);
  const refSize = new Map<string, number>();
  const sizeOfRef = (ref: string): number => {
    let size = refSize.get(ref);
    if (size === undefined) {
      const value = target(swagger, ref);
      size = value === undefined ? 0 : prettySize(value, 2) + ref.length + 10;
      refSize.set(ref, size);
    }
    return size;
  };
  const head = { ...swagger, paths: {}, definitions: {}, parameters: {}, responses: {}, tags: [] };
  const base = prettySize(head as JsonObject, 0);
  const tags = [...byTag.keys()].sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });

  for (let budget = TARGET_BYTES; budget > 50_000; budget = Math.floor(budget * 0.85)) {
    const groups = pack(tags, byTag, base, budget, sizeOfRef);
    const parts = name(
      swagger,
      groups.map((g) => build(swagger, g)),
    );
    if (parts.every((p) => p.bytes < MAX_SWAGGER_BYTES)) return parts;
  }
  // Every operation alone: each fits unless one operation exceeds the limit by itself.
  return name(
    swagger,
    [...byTag].flatMap(([tag, entries]) => entries.map((e) => build(swagger, { tags: [tag], entries: [e] }))),
  );
}

function pack(
  tags: readonly string[],
  byTag: ReadonlyMap<string, Entry[]>,
  base: number,
  budget: number,
  sizeOfRef: (ref: string) => number,
): Group[] {
  const groups: Group[] = [];
  let current: Group = { tags: [], entries: [] };
  let refs = new Set<string>();
  let size = base;
  const cost = (entry: Entry, seen: ReadonlySet<string>) => {
    let n = entry.size;
    for (const r of entry.refs) if (!seen.has(r)) n += sizeOfRef(r);
    return n;
  };
  const close = () => {
    if (current.entries.length > 0) groups.push(current);
    current = { tags: [], entries: [] };
    refs = new Set();
    size = base;
  };
  const add = (entry: Entry, tag: string) => {
    size += cost(entry, refs);
    for (const r of entry.refs) refs.add(r);
    current.entries.push(entry);
    if (current.tags.at(-1) !== tag) current.tags.push(tag);
  };
  for (const tag of tags) {
    const entries = byTag.get(tag) ?? [];
    // The whole tag's cost if added to the current part.
    const seen = new Set(refs);
    let tagSize = 0;
    for (const e of entries) {
      tagSize += cost(e, seen);
      for (const r of e.refs) seen.add(r);
    }
    if (current.entries.length + entries.length > MAX_OPERATIONS || size + tagSize > budget) close();
    for (const entry of entries) {
      if (
        current.entries.length > 0 &&
        (current.entries.length + 1 > MAX_OPERATIONS || size + cost(entry, refs) > budget)
      )
        close();
      add(entry, tag);
    }
  }
  close();
  return groups;
}

interface Built {
  readonly tags: readonly string[];
  readonly operationIds: readonly string[];
  readonly swagger: JsonObject;
}

function build(swagger: JsonObject, group: Group): Built {
  const paths: JsonObject = {};
  const refs = new Set<string>();
  for (const e of group.entries) for (const r of e.refs) refs.add(r);
  const sourcePaths = ownObject(swagger, 'paths') ?? {};
  for (const e of group.entries) {
    const item = ownObject(sourcePaths, e.path) ?? {};
    let out = ownObject(paths, e.path);
    if (!out) {
      out = {};
      for (const [k, v] of Object.entries(item)) if (!METHODS.some((m) => m === k)) out[k] = v;
      paths[e.path] = out;
    }
    out[e.method] = e.op;
  }
  const part: JsonObject = {};
  const used = new Set(group.entries.flatMap((e) => (ownArray(e.op, 'tags') ?? []).map(String)));
  for (const [key, value] of Object.entries(swagger)) {
    if (key === 'paths') part.paths = paths;
    else if (key === 'definitions' || key === 'parameters' || key === 'responses') {
      const kept: JsonObject = {};
      for (const [name, v] of Object.entries(isObject(value) ? value : {}))
        if (refs.has(`#/${key}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)) kept[name] = v;
      if (Object.keys(kept).length > 0) part[key] = kept;
    } else if (key === 'tags' && Array.isArray(value)) {
      const kept = value.filter((t) => used.has(ownString(t, 'name') ?? ''));
      if (kept.length > 0) part.tags = kept;
    } else part[key] = value;
  }
  return {
    tags: group.tags,
    operationIds: group.entries.map((e) => ownString(e.op, 'operationId') ?? `${e.method} ${e.path}`),
    swagger: part,
  };
}

/** Folder suffixes from each part's first tag (numbered when a tag spans parts) and titles to match. */
function name(swagger: JsonObject, parts: readonly Built[]): SwaggerPart[] {
  const info = ownObject(swagger, 'info') ?? {};
  const title = ownString(info, 'title') ?? 'Connector';
  const taken = new Map<string, number>();
  const titles = new Set<string>();
  return parts.map((p, i) => {
    const first = p.tags[0] ?? UNTAGGED;
    let suffix = slug(first);
    const n = (taken.get(suffix) ?? 0) + 1;
    taken.set(suffix, n);
    if (n > 1) suffix = `${suffix}-${n}`;
    let partTitle = cut(`${title} ${first}`, 30).replace(/[^\p{L}\p{N})]+$/u, '');
    if (titles.has(partTitle.toLowerCase())) partTitle = `${cut(partTitle, 26)} ${i + 1}`;
    titles.add(partTitle.toLowerCase());
    const last = p.tags.at(-1) ?? first;
    const scope = `Part ${i + 1} of ${parts.length}: ${p.operationIds.length} operations, tagged ${first === last ? first : `${first} to ${last}`}.`;
    const own = ownString(info, 'description') ?? '';
    const description = `${cut(own, Math.max(0, 499 - scope.length))} ${scope}`.trim();
    const swaggerPart = { ...p.swagger, info: { ...info, title: partTitle, description } };
    const text = stringify(swaggerPart);
    return {
      suffix,
      title: partTitle,
      tags: p.tags,
      operationIds: p.operationIds,
      swagger: swaggerPart,
      text,
      bytes: Buffer.byteLength(text),
    };
  });
}

/**
 * The connector of one part again, from a newer conversion (`init --update` of a split folder): the
 * operations filed under `tags`, except that for `shared` tags (cut across parts) only the operations
 * in `operationIds` are taken.
 */
export function swaggerForTags(
  swagger: JsonObject,
  part: {
    readonly tags: readonly string[];
    readonly shared: readonly string[];
    readonly operationIds: readonly string[];
  },
): JsonObject {
  const byTag = collect(swagger);
  const ids = new Set(part.operationIds);
  const entries = part.tags.flatMap((tag) =>
    (byTag.get(tag) ?? []).filter(
      (e) => !part.shared.includes(tag) || ids.has(ownString(e.op, 'operationId') ?? ''),
    ),
  );
  return build(swagger, { tags: [...part.tags], entries }).swagger;
}
