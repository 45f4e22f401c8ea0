import type { JsonObject, JsonValue } from '../api/types.ts';

/** A copy of `root` with `value` at `path`; `undefined` removes the key (and empty parents). */
export function setIn(root: JsonObject, path: readonly string[], value: JsonValue | undefined): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  const out: JsonObject = { ...root };
  const next =
    rest.length === 0 ? value : setIn(isObject(root[head]) ? (root[head] as JsonObject) : {}, rest, value);
  if (next === undefined || (rest.length > 0 && isObject(next) && Object.keys(next).length === 0))
    delete out[head];
  else out[head] = next;
  return out;
}

export function getIn(root: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let node = root;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a text input stands for, by the schema type; `undefined` for an empty input. */
export function fromInput(type: string | undefined, text: string): JsonValue | undefined {
  if (text === '') return undefined;
  if (type === 'integer' || type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean') return text === 'true';
  return text;
}

export function toInput(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A schema's field label, as the Power Platform shows it: `x-ms-summary`, else the name. */
export function labelOf(schema: JsonObject | undefined, name: string): string {
  const summary = schema?.['x-ms-summary'];
  return typeof summary === 'string' && summary !== '' ? summary : name;
}

export function visibilityOf(schema: JsonObject | undefined): string {
  const v = schema?.['x-ms-visibility'];
  return typeof v === 'string' ? v : 'none';
}

export function hasDynamicValues(schema: JsonObject | undefined): boolean {
  return !!schema && ('x-ms-dynamic-values' in schema || 'x-ms-dynamic-list' in schema);
}

export function hasDynamicSchema(schema: JsonObject | undefined): boolean {
  return !!schema && ('x-ms-dynamic-schema' in schema || 'x-ms-dynamic-properties' in schema);
}

/** Removes empty strings and empty objects the form leaves behind. */
export function prune(value: JsonValue | undefined): JsonValue | undefined {
  if (value === '' || value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

/** A hierarchical picker: `x-ms-dynamic-tree`, or dynamic values with the file picker capability. */
export function hasDynamicTree(schema: JsonObject | undefined): boolean {
  if (!schema) return false;
  const values = schema['x-ms-dynamic-values'];
  return 'x-ms-dynamic-tree' in schema || (isObject(values) && values.capability === 'file-picker');
}
