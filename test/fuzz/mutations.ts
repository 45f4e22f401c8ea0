import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../src/connector/json.ts';
import { join } from '../../src/connector/pointer.ts';

/**
 * Mutations are small descriptors (an index into the document's nodes, a shape, a size); the large
 * values they stand for are built when applied, so that a failing case prints in a few lines.
 */
export type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: JsonValue }
  | { readonly kind: 'keyword'; readonly at: number; readonly keyword: string; readonly value: JsonValue }
  | { readonly kind: 'wrap'; readonly at: number; readonly as: 'array' | 'object' | 'string' }
  | { readonly kind: 'special-key'; readonly at: number; readonly key: string; readonly value: JsonValue }
  | { readonly kind: 'ref'; readonly at: number; readonly ref: RefKind; readonly target: number }
  | { readonly kind: 'duplicate-key'; readonly at: number; readonly value: JsonValue }
  | { readonly kind: 'deep'; readonly at: number; readonly shape: DeepShape; readonly depth: number }
  | { readonly kind: 'huge'; readonly at: number; readonly shape: HugeShape; readonly unit: string };

type RefKind = 'self' | 'parent' | 'cycle' | 'dangling' | 'random';
type DeepShape = 'array' | 'object' | 'properties' | 'items' | 'allOf' | 'unclosed';
type HugeShape = 'string' | 'key' | 'keys' | 'array';

export type TextMutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'trailing-comma'; readonly at: number }
  | { readonly kind: 'bom' };

export type ByteMutation =
  | { readonly kind: 'overwrite' | 'insert'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'truncate'; readonly at: number };

const WORDS = [
  ...['', ' ', 'body', 'path', 'query', 'header', 'formData', 'object', 'array', 'string', 'integer'],
  ...['number', 'boolean', 'file', 'null', 'single', 'batch', 'internal', 'important', 'advanced'],
  ...['true', 'True', 'false', 'oauth2', 'apiKey', 'basic', 'aad', 'setheader', 'SetHeader', 'multi'],
  ...['dynamichosturl', 'https://contoso.example.com/{x}', '/tasks/{id}', '{id}', '{', 'csv', 'get'],
  ...['#/definitions/Task', '#/parameters/id', 'Get a task.', 'application/json', '*/*', '1.0'],
  ...['x-ms-visibility', '\u0000', 'é', '💥', '\ud800', 'a'.repeat(300), 'ListTasks', '__proto__'],
];

const DANGLING = [
  ...['#/definitions/Missing', '#/parameters/nope', 'other.json#/definitions/X', '#foo', '#/%E0%A4%A'],
  ...['http://example.com/x.json', '#/paths/~2bad', '', '#', '#/', '#/definitions/Task/properties/~'],
];

/** Keys whose values rules read: a type swap there reaches code that a random node rarely does. */
const KEYWORDS = [
  ...['parameters', 'responses', 'schema', 'properties', 'items', 'required', 'type', 'format', 'enum'],
  ...['default', 'in', 'name', 'summary', 'description', 'operationId', 'produces', 'consumes', 'security'],
  ...['securityDefinitions', 'host', 'basePath', 'schemes', 'info', 'title', 'contact', 'paths', 'swagger'],
  ...['definitions', 'allOf', 'additionalProperties', 'collectionFormat', 'pattern', 'minimum', 'maxLength'],
  ...[
    'tags',
    'deprecated',
    'x-ms-dynamic-values',
    'x-ms-dynamic-schema',
    'x-ms-dynamic-list',
    'x-ms-summary',
  ],
  ...[
    'x-ms-dynamic-properties',
    'x-ms-trigger',
    'x-ms-visibility',
    'x-ms-connector-metadata',
    'x-ms-pageable',
  ],
  ...['x-ms-notification-content', 'x-ms-notification-url', 'x-ms-url-encoding', 'x-ms-api-annotation'],
  ...['x-ms-capabilities', 'x-ms-trigger-hint', 'x-ms-openai-data', 'x-ms-no-generic-test', 'value-path'],
  ...['connectionParameters', 'connectionParameterSets', 'policyTemplateInstances', 'templateId', 'values'],
  ...['oAuthSettings', 'scopes', 'uiDefinition', 'constraints', 'capabilities', 'iconBrandColor', 'title'],
  ...['scriptOperations', 'publisher', 'stackOwner', 'identityProvider', 'redirectMode', 'customParameters'],
];

const SPECIAL_KEYS = [
  ...['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'],
  ...['$ref', 'length', '0', '', 'x-ms-trigger', 'x-ms-notification-url', 'parameters', 'properties'],
];

const value: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, 2 ** 53, 0.5)),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom<JsonValue>([], {}, [null], { type: 'object' }, { $ref: '#/definitions/Task' }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
);

const at = fc.nat();

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('keyword' as const),
      at,
      keyword: fc.constantFrom(...KEYWORDS),
      value,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wrap' as const),
      at,
      as: fc.constantFrom('array', 'object', 'string'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('special-key' as const),
      at,
      key: fc.constantFrom(...SPECIAL_KEYS),
      value,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('ref' as const),
      at,
      ref: fc.constantFrom<RefKind>('self', 'parent', 'cycle', 'dangling', 'random'),
      target: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), at, value }) },
);

/** Mutations that make a document very large or very deep; each costs milliseconds, so fewer runs. */
export const heavyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('deep' as const),
    at,
    shape: fc.constantFrom<DeepShape>('array', 'object', 'properties', 'items', 'allOf', 'unclosed'),
    depth: fc.oneof(fc.integer({ min: 100, max: 300 }), fc.integer({ min: 1_000, max: 20_000 })),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    at,
    shape: fc.constantFrom<HugeShape>('string', 'key', 'keys', 'array'),
    unit: fc.constantFrom('a', 'A b. ', '\\', '"', '{[', '\u00e9', '\n', ' ', '{id}', '💥'),
  }),
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    text: fc.constantFrom(
      ...['{', '}', '[', ']', '"', ',', ':', '\\', '/*', '//', '\n', '\t', ',}', 'null', '\ufeff'],
      ...['\u2028', '\u00a0', '"a":', '{"a":1,"a":2}', '\u0000', '\ud800'],
    ),
  }),
  fc.record({ kind: fc.constant('trailing-comma' as const), at }),
  fc.constant({ kind: 'bom' as const }),
);

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('overwrite' as const, 'insert' as const),
    at,
    bytes: fc.constantFrom(
      ...[[0x80], [0xbf], [0xc0, 0xaf], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]],
      ...[[0xf8], [0xfe], [0xff], [0xff, 0xfe], [0xef, 0xbb, 0xbf], [0x00], [0x22], [0x7b]],
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
);

type Path = readonly (string | number)[];

/** Every node's path, breadth first (so that shallow, structural nodes come first), at most `limit`. */
function paths(root: JsonValue, limit = 5_000): Path[] {
  const out: Path[] = [[]];
  const queue: [JsonValue, Path][] = [[root, []]];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const [node, path] = queue[i] as [JsonValue, Path];
    const children: [string | number, JsonValue][] = Array.isArray(node)
      ? node.map((v, k) => [k, v])
      : node !== null && typeof node === 'object'
        ? Object.entries(node)
        : [];
    for (const [key, child] of children) {
      out.push([...path, key]);
      queue.push([child, [...path, key]]);
    }
  }
  return out;
}

function get(root: JsonValue, path: Path): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const key of path) node = (node as Record<string | number, JsonValue> | undefined)?.[key];
  return node;
}

function define(obj: JsonObject, key: string, v: JsonValue): void {
  Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
}

/** Sets the value at `path` (a new root when the path is empty). */
function set(root: JsonValue, path: Path, v: JsonValue): JsonValue {
  if (path.length === 0) return v;
  const parent = get(root, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) parent[key as number] = v;
  else if (parent !== null && typeof parent === 'object') define(parent, String(key), v);
  return root;
}

/** Large values are made here; sentinels stand for text that `JSON.stringify` cannot produce. */
export interface Sentinels {
  readonly deep: { shape: DeepShape; depth: number }[];
  readonly duplicates: string[];
}

function huge(shape: HugeShape, unit: string): { key?: string; value: JsonValue } {
  const size = 1 << 20;
  const text = unit.repeat(Math.ceil(size / unit.length));
  if (shape === 'string') return { value: text };
  if (shape === 'key') return { key: text, value: 'x' };
  // Big enough that quadratic work shows (10⁸ steps), small enough that linear work stays within the
  // budget: a finding per key or parameter, from several rules, in each of three presets.
  if (shape === 'keys')
    return { value: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`${unit}${i}`, i])) };
  return { value: Array.from({ length: 10_000 }, (_, i) => (i % 2 ? unit : { name: unit, in: 'query' })) };
}

/** Applies one mutation to a parsed document (in place where it can) and returns the root. */
export function applyMutation(root: JsonValue, m: Mutation, sentinels: Sentinels): JsonValue {
  // fast-check hands out the same constant objects to many runs: insert copies, never the originals.
  const value = 'value' in m ? structuredClone(m.value) : null;
  const all = paths(root);
  const path = all[m.at % all.length] as Path;
  const node = get(root, path);
  const objectAt = (): JsonObject => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) return node;
    const fresh: JsonObject = {};
    root = set(root, path, fresh);
    return fresh;
  };
  switch (m.kind) {
    case 'delete': {
      if (path.length === 0) return {};
      const parent = get(root, path.slice(0, -1));
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else if (parent !== null && typeof parent === 'object') delete parent[key as string];
      return root;
    }
    case 'replace':
      return set(root, path, value);
    case 'keyword': {
      const matches = all.filter((p) => p[p.length - 1] === m.keyword);
      const target = matches[m.at % Math.max(1, matches.length)];
      return target ? set(root, target, value) : root;
    }
    case 'wrap': {
      const v = node ?? null;
      return set(root, path, m.as === 'array' ? [v] : m.as === 'object' ? { value: v } : JSON.stringify(v));
    }
    case 'special-key':
      define(objectAt(), m.key, value);
      return root;
    case 'duplicate-key': {
      const obj = objectAt();
      const key = Object.keys(obj)[m.at % Math.max(1, Object.keys(obj).length)] ?? 'operationId';
      define(obj, `FLOWPORT-DUP-${sentinels.duplicates.push(key) - 1}`, value);
      return root;
    }
    case 'ref': {
      const obj = objectAt();
      if (m.ref === 'self') obj.$ref = `#${join('', ...path)}`;
      else if (m.ref === 'parent') obj.$ref = `#${join('', ...path.slice(0, -1))}`;
      else if (m.ref === 'dangling') obj.$ref = DANGLING[m.target % DANGLING.length] as string;
      else if (m.ref === 'random') obj.$ref = `#${join('', ...(all[m.target % all.length] as Path))}`;
      else {
        const isObject = (v: JsonValue | undefined): v is JsonObject =>
          v !== null && typeof v === 'object' && !Array.isArray(v);
        if (isObject(root)) {
          const defs = isObject(root.definitions) ? root.definitions : {};
          root.definitions = defs;
          defs.CycleA = { $ref: '#/definitions/CycleB' };
          defs.CycleB = {
            allOf: [{ $ref: '#/definitions/CycleA' }],
            items: { $ref: '#/definitions/CycleA' },
          };
        }
        obj.$ref = '#/definitions/CycleA';
      }
      return root;
    }
    case 'deep':
      return set(root, path, `FLOWPORT-DEEP-${sentinels.deep.push({ shape: m.shape, depth: m.depth }) - 1}`);
    case 'huge': {
      const { key, value: v } = huge(m.shape, m.unit);
      if (key === undefined) return set(root, path, v);
      define(objectAt(), key, v);
      return root;
    }
  }
}

function deepText(shape: DeepShape, depth: number): string {
  const [open, middle, close] =
    shape === 'array'
      ? ['[', '1', ']']
      : shape === 'object'
        ? ['{"a":', '1', '}']
        : shape === 'properties'
          ? ['{"type":"object","properties":{"p":', '{"type":"string"}', '}}']
          : shape === 'items'
            ? ['{"type":"array","items":', '{"type":"string"}', '}']
            : shape === 'allOf'
              ? ['{"allOf":[', '{"type":"string"}', ']}']
              : ['[{"a":', '', ''];
  return open.repeat(depth) + middle + close.repeat(depth);
}

/** The document as text, with sentinels replaced by duplicate keys and deep nesting. */
export function serialize(root: JsonValue, indent: number, sentinels: Sentinels): string {
  let text = JSON.stringify(root, null, indent) ?? 'null';
  if (sentinels.duplicates.length > 0)
    text = text.replace(/"FLOWPORT-DUP-(\d+)"/g, (_, i) => JSON.stringify(sentinels.duplicates[Number(i)]));
  if (sentinels.deep.length > 0)
    text = text.replace(/"FLOWPORT-DEEP-(\d+)"/g, (_, i) => {
      const d = sentinels.deep[Number(i)];
      return d ? deepText(d.shape, d.depth) : 'null';
    });
  return text;
}

export function applyText(text: string, m: TextMutation): string {
  if (m.kind === 'bom') return `\ufeff${text}`;
  const i = m.at % (text.length + 1);
  if (m.kind === 'truncate') return text.slice(0, i);
  if (m.kind === 'insert') return text.slice(0, i) + m.text + text.slice(i);
  const close = text.slice(i).search(/\s*[}\]]/);
  return close < 0 ? text : `${text.slice(0, i + close)},${text.slice(i + close)}`;
}

export function applyBytes(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const i = m.at % (bytes.length + 1);
  if (m.kind === 'truncate') return bytes.slice(0, i);
  if (m.kind === 'overwrite') {
    const out = bytes.slice();
    out.set(m.bytes.slice(0, out.length - i), i);
    return out;
  }
  const out = new Uint8Array(bytes.length + m.bytes.length);
  out.set(bytes.subarray(0, i));
  out.set(m.bytes, i);
  out.set(bytes.subarray(i), i + m.bytes.length);
  return out;
}
