/**
 * The mock's answer to a valid request: the response the operation declares (the first 2xx, or the
 * one a `Prefer: code=` header asks for), with the response's own `examples` for JSON when it has one,
 * else a body made from its schema; next-page links for `x-ms-pageable` operations, and answers shaped
 * for the dynamic extensions that call the operation.
 */
import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownObject,
  ownString,
  setOwn,
} from '../connector/json.ts';
import type { Connector, Operation, Response } from '../connector/model.ts';
import { setAt, splitPath, valueAt } from '../runtime/dynamic/path.ts';
import { nextLinkName } from '../runtime/paging.ts';
import { exampleValue } from '../runtime/request/example-value.ts';
import { resolveSchema } from '../runtime/request/schema.ts';
import type { Lookup } from './lookups.ts';
import { wireShaper } from './wire-shape.ts';

/** What a `Prefer` header asks of the mock (as Prism reads it): `code=404`, `dynamic=true`. */
export interface Prefer {
  readonly code?: number;
  /** Make the body from the schema even where the response has an example. */
  readonly dynamic?: boolean;
}

export function parsePrefer(header: string | undefined): Prefer {
  if (!header) return {};
  const out: { code?: number; dynamic?: boolean } = {};
  for (const part of header.split(/[,;]/)) {
    const [key, value] = part.split('=').map((s) => s.trim().toLowerCase());
    if (key === 'code' && value && /^\d{3}$/.test(value)) out.code = Number(value);
    if (key === 'dynamic') out.dynamic = value === undefined || value === 'true';
  }
  return out;
}

export interface AnswerOptions {
  /** Items in each array of a made body. */
  readonly items: number;
  /** Pages a pageable operation has: every page but the last carries a next link. */
  readonly pages: number;
  readonly prefer: Prefer;
  /** This request's page (1 for the first). */
  readonly page: number;
  /** The URL of this request as the client sent it: next links are made from it. */
  readonly self: URL;
  /** The first item's number in made arrays; default: where the last page ended. */
  readonly offset?: number;
}

export interface Answer {
  readonly status: number;
  /** The declared response answered (`200`, `default`). */
  readonly response: string | undefined;
  readonly body:
    | { readonly kind: 'json'; readonly value: JsonValue }
    | { readonly kind: 'none' }
    | {
        readonly kind: 'bytes';
        readonly bytes: Uint8Array;
        readonly contentType: string;
      };
  /** Where the body came from. */
  readonly source: 'example' | 'schema' | 'lookup' | 'none';
}

/** A `Prefer: code=` the operation does not declare. */
export interface AnswerRefusal {
  readonly refused: string;
}

/** The query parameter that numbers the pages of a pageable operation in the mock's next links. */
export const PAGE_PARAMETER = 'mock-page';

/** Status codes a response key stands for: `200` → 200; `default`, `2XX` → the code asked or 200. */
function statusOf(key: string, asked: number | undefined): number {
  if (/^\d{3}$/.test(key)) return Number(key);
  return asked ?? 200;
}

/** The declared response to answer with, or why none fits the `Prefer: code=` asked. */
export function chooseResponse(operation: Operation, prefer: Prefer): Response | AnswerRefusal | undefined {
  const responses = operation.responses;
  if (prefer.code !== undefined) {
    const exact = responses.find((r) => r.status === String(prefer.code));
    const range = responses.find((r) => r.status.toUpperCase() === `${String(prefer.code)[0]}XX`);
    const fallback = responses.find((r) => r.status === 'default');
    const chosen = exact ?? range ?? fallback;
    if (chosen) return chosen;
    const declared = responses.map((r) => r.status).join(', ') || 'none';
    return {
      refused: `\`${operation.label}\` declares no response ${prefer.code} (nor \`default\`); it declares: ${declared}.`,
    };
  }
  const success = responses
    .filter((r) => /^2\d\d$/.test(r.status))
    .sort((a, b) => Number(a.status) - Number(b.status));
  return (
    success[0] ??
    responses.find((r) => /^2XX$/i.test(r.status)) ??
    responses.find((r) => r.status === 'default')
  );
}

/** The JSON example a Swagger 2.0 response carries (`examples` keyed by media type). */
function jsonExample(response: Response): JsonValue | undefined {
  const examples = ownObject(response.raw, 'examples');
  if (!examples) return undefined;
  for (const [type, value] of Object.entries(examples))
    if (/json/i.test(type) && value !== undefined) return value;
  return undefined;
}

/** Bytes for a `file` or binary-string response. */
const FILE_BYTES = new TextEncoder().encode('example');

export function answerFor(
  connector: Connector,
  operation: Operation,
  lookups: readonly Lookup[],
  options: AnswerOptions,
): Answer | AnswerRefusal {
  const chosen = chooseResponse(operation, options.prefer);
  if (chosen && 'refused' in chosen) return chosen;
  const status = chosen ? statusOf(chosen.status, options.prefer.code) : 200;
  const base = { status, response: chosen?.status };
  if (!chosen || status === 204 || status === 304) return { ...base, body: { kind: 'none' }, source: 'none' };
  const schema = resolveSchema(connector, chosen.schema);
  const type = ownString(schema, 'type');
  if (type === 'file' || (type === 'string' && /^(binary|byte)$/.test(ownString(schema, 'format') ?? ''))) {
    const contentType = operation.produces.find((p) => !/json/i.test(p)) ?? 'application/octet-stream';
    return { ...base, body: { kind: 'bytes', bytes: FILE_BYTES, contentType }, source: 'schema' };
  }
  const example = options.prefer.dynamic ? undefined : jsonExample(chosen);
  let value: JsonValue | undefined;
  let source: Answer['source'] = 'schema';
  if (example !== undefined) {
    value = example;
    source = 'example';
  } else if (chosen.schema !== undefined) {
    const made = exampleValue(connector, chosen.schema, 'body', {
      answer: true,
      items: options.items,
      offset: options.offset ?? (options.page - 1) * options.items,
    }).value;
    value = made === undefined || (isObject(made) && made.kind === 'file') ? undefined : (made as JsonValue);
  }
  const success = status >= 200 && status < 300;
  if (success) {
    for (const lookup of lookups) {
      const shaped = shapedForLookup(value, lookup, options);
      if (shaped !== undefined) {
        value = shaped;
        source = 'lookup';
      }
    }
    const link = nextLinkName(operation);
    if (link !== undefined && isObject(value)) {
      const next = new URL(options.self);
      next.searchParams.set(PAGE_PARAMETER, String(options.page + 1));
      const copy: JsonObject = {};
      for (const [k, v] of Object.entries(value)) if (k !== link) setOwn(copy, k, v);
      if (options.page < options.pages) setOwn(copy, link, next.href);
      value = copy;
    }
  }
  if (value === undefined) return { ...base, body: { kind: 'none' }, source: 'none' };
  return { ...base, body: { kind: 'json', value: wireShaper(connector)(operation, value) }, source };
}

/** A small schema for dynamic-schema lookups: one field of each common type. */
const SAMPLE_PROPERTIES: JsonObject = {
  Title: { type: 'string', 'x-ms-summary': 'Title', description: 'A text field of the mock schema.' },
  Amount: { type: 'number', 'x-ms-summary': 'Amount', description: 'A number field of the mock schema.' },
  Done: { type: 'boolean', 'x-ms-summary': 'Done', description: 'A yes/no field of the mock schema.' },
  Due: {
    type: 'string',
    format: 'date-time',
    'x-ms-summary': 'Due',
    description: 'A date field of the mock schema.',
  },
};

/**
 * The answer reshaped for a dynamic extension calling the operation: a drop-down gets `items` entries
 * with distinct values and titles at its paths (when the made answer has none), a dynamic schema
 * gets the sample schema at its path. Undefined when the answer already fits.
 */
function shapedForLookup(
  value: JsonValue | undefined,
  lookup: Lookup,
  options: AnswerOptions,
): JsonValue | undefined {
  if (lookup.kind === 'schema') {
    const schema: JsonObject = { type: 'object', properties: SAMPLE_PROPERTIES };
    if (lookup.properties) return SAMPLE_PROPERTIES;
    return placed(value, lookup.path, schema);
  }
  const existing = lookup.collection ? valueAt(value, lookup.collection) : value;
  if (Array.isArray(existing) && existing.length > 0 && entriesHave(existing, lookup)) return undefined;
  if (lookup.kind === 'tree') return placed(value, lookup.collection, treeEntries(lookup, options));
  const entries: JsonValue[] = [];
  for (let i = 1; i <= options.items; i++) {
    const n = (options.page - 1) * options.items + i;
    const entry: JsonObject = {};
    if (lookup.value) setAt(entry, splitPath(lookup.value), `value-${n}`);
    if (lookup.title) setAt(entry, splitPath(lookup.title), `Value ${n}`);
    entries.push(lookup.value || lookup.title ? entry : `value-${n}`);
  }
  return placed(value, lookup.collection, entries);
}

/**
 * A tree picker's level (the `open` call's roots, a `browse` call's children): `items` entries, the
 * first a folder where `itemIsParent` can be told so (`(<property> eq <literal>)`), the others
 * leaves; every level has a folder, so the tree goes on.
 */
function treeEntries(lookup: Lookup & { kind: 'tree' }, options: AnswerOptions): JsonValue[] {
  const entries: JsonValue[] = [];
  for (let i = 1; i <= options.items; i++) {
    const n = (options.page - 1) * options.items + i;
    const folder = i === 1 && lookup.parent !== undefined;
    const name = folder ? `Folder ${n}` : `Item ${n}`;
    const entry: JsonObject = {};
    if (lookup.value) setAt(entry, splitPath(lookup.value), `${folder ? 'folder' : 'item'}-${n}`);
    if (lookup.title) setAt(entry, splitPath(lookup.title), name);
    if (lookup.fullTitle) setAt(entry, splitPath(lookup.fullTitle), `/${name}`);
    if (lookup.parent)
      setAt(entry, splitPath(lookup.parent.path), folder ? lookup.parent.yes : lookup.parent.no);
    if (lookup.media && !folder) setAt(entry, splitPath(lookup.media), 'text/plain');
    entries.push(lookup.value || lookup.title ? entry : `item-${n}`);
  }
  return entries;
}

/** Every entry has a value at the lookup's value path (or is itself the value). */
function entriesHave(entries: readonly JsonValue[], lookup: Lookup & { kind: 'values' | 'tree' }): boolean {
  return entries.every((e) => (lookup.value ? valueAt(e, lookup.value) !== undefined : !isObject(e)));
}

/** `value` with `inner` at `path` (a copy of the objects on the way); `inner` itself at the root. */
function placed(value: JsonValue | undefined, path: string | undefined, inner: JsonValue): JsonValue {
  const segments = path ? splitPath(path) : [];
  if (segments.length === 0) return inner;
  const root: JsonObject = isObject(value) ? structuredClone(value) : {};
  setAt(root, segments, inner);
  return root;
}
