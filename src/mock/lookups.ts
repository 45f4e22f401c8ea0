/**
 * What the designer reads from an operation's answer when a dynamic extension calls it: the items of
 * a drop-down (`x-ms-dynamic-values`, `x-ms-dynamic-list`) or a schema (`x-ms-dynamic-schema`,
 * `x-ms-dynamic-properties`). The mock shapes its answers to those operations so that every drop-down
 * has entries and every dynamic schema has fields, whatever the operation's response schema says.
 */
import { type JsonObject, ownString } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { dynamicCalls } from '../validate/helpers/dynamic-calls.ts';

/** Paths are the extensions' own: JSON pointers without the leading `/`. */
export type Lookup =
  | {
      readonly kind: 'values';
      readonly collection: string | undefined;
      readonly value: string | undefined;
      readonly title: string | undefined;
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
    const list = out.get(call.operationId) ?? [];
    if (!list.some((l) => l.kind === lookup.kind)) list.push(lookup);
    out.set(call.operationId, list);
  }
  return out;
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
