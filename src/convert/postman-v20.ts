/**
 * A Postman Collection v2.0 read as v2.1, the two differing where the converter looks: auth
 * parameters are a map in v2.0 (`bearer: { token: "…" }`) and a list in v2.1 (`bearer: [{ key:
 * "token", value: "…" }]`). Headers written as one string (`"Accept: application/json\n…"`, which both
 * versions allow) become a list too. The collection is copied, not changed.
 */
import { isObject, type JsonObject, type JsonValue } from '../connector/json.ts';

/** `{ token: "t" }` → `[{ key: "token", value: "t" }]`; a list stays as it is. */
function authList(params: JsonValue | undefined): JsonValue | undefined {
  if (!isObject(params)) return params;
  return Object.entries(params).map(([key, value]) => ({ key, value }));
}

function auth(value: JsonObject): JsonObject {
  const type = value.type;
  if (typeof type !== 'string' || !isObject(value[type])) return value;
  return { ...value, [type]: authList(value[type]) ?? [] };
}

function headers(value: string): JsonObject[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.includes(':'))
    .map((line) => {
      const at = line.indexOf(':');
      const disabled = line.startsWith('//');
      return {
        key: line.slice(disabled ? 2 : 0, at).trim(),
        value: line.slice(at + 1).trim(),
        ...(disabled && { disabled: true }),
      };
    });
}

function upgrade(value: JsonValue, key: string | undefined): JsonValue {
  if (Array.isArray(value)) return value.map((v) => upgrade(v, undefined));
  if (!isObject(value)) return key === 'header' && typeof value === 'string' ? headers(value) : value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = upgrade(v, k);
  return key === 'auth' ? auth(out) : out;
}

/** The collection with v2.0's auth maps and string headers as v2.1 has them. */
export function upgradePostman20(collection: JsonObject): JsonObject {
  return upgrade(collection, undefined) as JsonObject;
}
