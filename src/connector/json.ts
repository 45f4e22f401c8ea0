/** Plain JSON values as `JSON.parse` produces them. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Own property of a parsed JSON object. Keys such as `constructor` or `__proto__` come from user
 * documents, so a plain `obj[key]` could reach `Object.prototype`; this never does.
 */
export function own(obj: unknown, key: string): JsonValue | undefined {
  return isObject(obj) && hasOwn.call(obj, key) ? obj[key] : undefined;
}

/**
 * Sets an own property. Plain assignment of a user key `__proto__` would replace the object's
 * prototype; this defines it as `JSON.parse` does.
 */
export function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

export function ownObject(obj: unknown, key: string): JsonObject | undefined {
  const v = own(obj, key);
  return isObject(v) ? v : undefined;
}

export function ownArray(obj: unknown, key: string): JsonValue[] | undefined {
  const v = own(obj, key);
  return Array.isArray(v) ? v : undefined;
}

export function ownString(obj: unknown, key: string): string | undefined {
  const v = own(obj, key);
  return typeof v === 'string' ? v : undefined;
}

/** Booleans as real connectors write them: `true`, `"true"`, `"True"`. */
export function ownBoolean(obj: unknown, key: string): boolean | undefined {
  const v = own(obj, key);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

/** The own key that matches `key` case-insensitively, `key` itself first (`oAuthSettings` / `oauthSettings`). */
export function caselessKey(obj: unknown, key: string): string | undefined {
  if (!isObject(obj)) return undefined;
  if (hasOwn.call(obj, key)) return key;
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return k;
  return undefined;
}

/** Own property looked up case-insensitively (`oAuthSettings` / `oauthSettings`). */
export function ownCaseless(obj: unknown, key: string): JsonValue | undefined {
  const k = caselessKey(obj, key);
  return k === undefined ? undefined : (obj as JsonObject)[k];
}

export function entries(obj: unknown): [string, JsonValue][] {
  return isObject(obj) ? Object.entries(obj) : [];
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
