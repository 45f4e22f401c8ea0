/**
 * What the designer reads from an operation's answer when a dynamic extension calls it: the items of
 * a drop-down (`x-ms-dynamic-values`, `x-ms-dynamic-list`), the nodes of a tree picker
 * (`x-ms-dynamic-tree`'s `open` and `browse`) or a schema (`x-ms-dynamic-schema`,
 * `x-ms-dynamic-properties`). The mock shapes its answers to those operations so that every drop-down
 * has entries and every dynamic schema has fields, whatever the operation's response schema says.
 */
import { type JsonObject, type JsonValue, ownObject, ownString } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { filePickerCapability } from '../runtime/dynamic/file-picker.ts';
import { setAt, splitPath } from '../runtime/dynamic/path.ts';
import { compilePredicate } from '../runtime/dynamic/predicate.ts';
import { dynamicCalls } from '../validate/helpers/dynamic-calls.ts';

/** Paths are the extensions' own: JSON pointers without the leading `/`. */
export type Lookup =
  | {
      readonly kind: 'values';
      readonly collection: string | undefined;
      readonly value: string | undefined;
      readonly title: string | undefined;
    }
  /**
   * A tree picker's level: items at `collection` with a value, a title and a full title; `parent`
   * sets the property `itemIsParent` reads (`(is_folder eq true)`): `yes` on folders, `no` on leaves.
   */
  | {
      readonly kind: 'tree';
      readonly collection: string | undefined;
      readonly value: string | undefined;
      readonly title: string | undefined;
      readonly fullTitle: string | undefined;
      readonly parent: { readonly path: string; readonly yes: JsonValue; readonly no: JsonValue } | undefined;
      /** The file picker's `value-media-property`: a media type on the leaves. */
      readonly media?: string;
    }
  /** `path` holds the schema; `properties`: the answer is the `properties` map itself. */
  | { readonly kind: 'schema'; readonly path: string | undefined; readonly properties: boolean };

/** The lookups that call each operation, by operationId (the first of each kind wins). */
export function lookupsByOperation(connector: Connector): ReadonlyMap<string, readonly Lookup[]> {
  const out = new Map<string, Lookup[]>();
  for (const call of dynamicCalls(connector)) {
    if (typeof call.operationId !== 'string') continue;
    const lookup = lookupOf(call.extension, call.raw);
    if (!lookup) continue;
    add(out, call.operationId, lookup);
  }
  const picker = filePickerLookup(connector);
  if (picker) for (const operationId of picker.operationIds) add(out, operationId, picker.lookup);
  return out;
}

function add(out: Map<string, Lookup[]>, operationId: string, lookup: Lookup): void {
  const list = out.get(operationId) ?? [];
  if (!list.some((l) => l.kind === lookup.kind)) list.push(lookup);
  out.set(operationId, list);
}

/**
 * The connector-wide `x-ms-capabilities.file-picker` as a tree lookup of its `open` and `browse`
 * operations: items at `value-collection`, titled at `value-title`, `value-folder-property` true on
 * folders, a media type at `value-media-property`; the value at the `value-path` of the first
 * parameter that picks with it (`capability: file-picker`).
 */
function filePickerLookup(connector: Connector): { operationIds: string[]; lookup: Lookup } | undefined {
  const picker = filePickerCapability(connector);
  if (!picker) return undefined;
  const operationIds = (['open', 'browse'] as const).flatMap((part) => {
    const id = ownString(ownObject(picker, part), 'operationId');
    return id === undefined ? [] : [id];
  });
  const user = dynamicCalls(connector).find(
    (c) => c.extension === 'x-ms-dynamic-values' && ownString(c.raw, 'capability') === 'file-picker',
  );
  const folder = ownString(picker, 'value-folder-property');
  const media = ownString(picker, 'value-media-property');
  return {
    operationIds,
    lookup: {
      kind: 'tree',
      collection: ownString(picker, 'value-collection'),
      value: user ? ownString(user.raw, 'value-path') : undefined,
      title: ownString(picker, 'value-title'),
      fullTitle: undefined,
      parent: folder === undefined ? undefined : { path: folder, yes: true, no: false },
      ...(media !== undefined && { media }),
    },
  };
}

function lookupOf(extension: string, raw: JsonObject): Lookup | undefined {
  switch (extension) {
    case 'x-ms-dynamic-values':
      return {
        kind: 'values',
        collection: ownString(raw, 'value-collection'),
        value: ownString(raw, 'value-path'),
        title: ownString(raw, 'value-title'),
      };
    case 'x-ms-dynamic-list':
      return {
        kind: 'values',
        collection: ownString(raw, 'itemsPath'),
        value: ownString(raw, 'itemValuePath'),
        title: ownString(raw, 'itemTitlePath'),
      };
    case 'x-ms-dynamic-tree':
      return {
        kind: 'tree',
        collection: ownString(raw, 'itemsPath'),
        value: ownString(raw, 'itemValuePath'),
        title: ownString(raw, 'itemTitlePath'),
        fullTitle: ownString(raw, 'itemFullTitlePath'),
        parent: parentMark(ownString(raw, 'itemIsParent')),
      };
    case 'x-ms-dynamic-schema': {
      const path = ownString(raw, 'value-path');
      return { kind: 'schema', path, properties: path === undefined };
    }
    case 'x-ms-dynamic-properties':
      return { kind: 'schema', path: ownString(raw, 'itemValuePath'), properties: false };
    default:
      return undefined;
  }
}

const COMPARISON = /^\s*\(?\s*([A-Za-z_@$][\w@$.-]*(?:\/[\w@$.-]+)*)\s+eq\s+(.+?)\s*\)?\s*$/;

/**
 * How to make an item a folder or a leaf for an `itemIsParent` of the form `(<property> eq
 * <literal>)`: the literal, and another value of its type. Undefined for other expressions (the
 * mock's items are then all leaves), or one the runtime's own reading does not confirm.
 */
function parentMark(
  expression: string | undefined,
): { path: string; yes: JsonValue; no: JsonValue } | undefined {
  const match = expression === undefined ? null : COMPARISON.exec(expression);
  if (!expression || !match?.[1] || match[2] === undefined) return undefined;
  const literal = match[2];
  let yes: JsonValue;
  if (/^(true|false)$/i.test(literal)) yes = literal.toLowerCase() === 'true';
  else if (/^-?\d+(\.\d+)?$/.test(literal)) yes = Number(literal);
  else if (/^'.*'$/s.test(literal)) yes = literal.slice(1, -1).replace(/''/g, "'");
  else return undefined;
  const no: JsonValue = typeof yes === 'boolean' ? !yes : typeof yes === 'number' ? yes + 1 : `not ${yes}`;
  const path = match[1];
  try {
    const isParent = compilePredicate(expression);
    const item = (v: JsonValue): JsonObject => {
      const o: JsonObject = {};
      setAt(o, splitPath(path), v);
      return o;
    };
    return isParent(item(yes)) && !isParent(item(no)) ? { path, yes, no } : undefined;
  } catch {
    return undefined;
  }
}
