import { isObject, type JsonObject, type JsonValue, own, ownArray } from '../../../connector/json.ts';

/** `x-ms-enum-values` entries with their index; undefined when the extension is absent or not an array. */
export function enumValueEntries(raw: JsonObject): { entry: JsonValue; index: number }[] | undefined {
  return ownArray(raw, 'x-ms-enum-values')?.map((entry, index) => ({ entry, index }));
}

/** A key that identifies a JSON scalar by type and value (`1` and `"1"` differ). */
export function scalarKey(value: JsonValue | undefined): string | undefined {
  if (value === undefined || isObject(value) || Array.isArray(value)) return undefined;
  return `${typeof value}:${String(value)}`;
}

export function entryValue(entry: JsonValue): JsonValue | undefined {
  return own(entry, 'value');
}
