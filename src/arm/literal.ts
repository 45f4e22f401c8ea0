import { isObject, type JsonObject, type JsonValue, setOwn } from '../connector/json.ts';

/**
 * True when ARM would evaluate the string as a template expression: it starts with `[` and ends
 * with `]` (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters).
 */
export function readsAsExpression(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(0) === 0x5b && s.charCodeAt(s.length - 1) === 0x5d;
}

/** A copy of a JSON value with every string and property name passed through `f`. */
function mapStrings(value: JsonValue, f: (s: string) => string): JsonValue {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key in value) setOwn(out, f(key), mapStrings(value[key] as JsonValue, f));
  return out;
}

const escaped = (s: string) => (readsAsExpression(s) ? `[${s}` : s);
const deployed = (s: string) => (s.startsWith('[[') && s.endsWith(']') ? s.slice(1) : s);

/**
 * A JSON value as an ARM template literal: every string and property name that ARM would read as
 * an expression gets the extra leading `[` that makes it literal again (`[x]` → `[[x]`, which ARM
 * deploys as `[x]`). Everything else is copied as it is.
 */
export function armLiteral(value: JsonValue): JsonValue {
  return mapStrings(value, escaped);
}

/** What ARM deploys for a literal written by {@link armLiteral}: its inverse, for checks and tests. */
export function armDeployed(value: JsonValue): JsonValue {
  return mapStrings(value, deployed);
}

/** `[parameters('name')]`: a template expression reading one parameter. */
export function parameterRef(name: string): string {
  return `[parameters('${name}')]`;
}
