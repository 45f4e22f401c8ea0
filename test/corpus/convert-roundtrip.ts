/**
 * Round trip: a connector's own Swagger 2.0 given to `convert()` should come back equivalent. Compares
 * the output with the input — operations (method, path, operationId), parameters (name, in, required,
 * type), response codes, definitions and every `x-ms-*` extension — and files each difference as
 * `reported` when the loss report names the place (a change the converter makes on purpose, such as a
 * `default` response losing its schema) or `unreported` otherwise. Used by convert-roundtrip.test.ts
 * (a fixed sample) and bench/convert-roundtrip.ts (the whole corpus).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
} from '../../src/connector/json.ts';
import { join as pointerJoin } from '../../src/connector/pointer.ts';
import { convert } from '../../src/convert/convert.ts';
import { parseText } from '../../src/convert/input.ts';
import type { LossItem } from '../../src/convert/loss.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

export interface Difference {
  readonly connector: string;
  readonly kind: string;
  /** JSON pointer into the input swagger. */
  readonly pointer: string;
  readonly detail: string;
  /** The loss item that reports this place, when there is one. */
  readonly reportedAs?: string;
}

export interface RoundTrip {
  readonly connector: string;
  readonly operations: number;
  /** Every `x-ms-*` extension of the input (pointer and key). */
  readonly extensions: number;
  readonly definitions: number;
  readonly differences: readonly Difference[];
  readonly error?: string;
}

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: JsonValue | undefined): JsonValue | undefined {
  if (Array.isArray(value)) return value.map((v) => canonical(v) ?? null);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = canonical(value[key]) ?? null;
  return out;
}

/** `#/parameters/x` resolved against the document. */
function resolveParameter(doc: JsonObject, p: JsonValue): JsonObject | undefined {
  const ref = ownString(p, '$ref');
  if (ref?.startsWith('#/parameters/')) return ownObject(ownObject(doc, 'parameters'), ref.slice(13));
  return isObject(p) ? p : undefined;
}

/** Parameters of an operation (path-level ones included) by `in:name`: required and type. */
function parameters(doc: JsonObject, item: JsonObject, op: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of [...(ownArray(item, 'parameters') ?? []), ...(ownArray(op, 'parameters') ?? [])]) {
    const p = resolveParameter(doc, raw);
    if (!p) continue;
    const type = ownString(p, 'type') ?? (isObject(p.schema) ? 'schema' : '?');
    out.set(
      `${ownString(p, 'in')}:${ownString(p, 'name')}`,
      `${p.required === true ? 'required' : 'optional'} ${type}`,
    );
  }
  return out;
}

/** Objects whose keys are names chosen by the author (a parameter may be called `x-ms-…`). */
const NAME_MAPS = new Set([
  'properties',
  'definitions',
  'parameters',
  'responses',
  'paths',
  'securityDefinitions',
]);

/** Every `x-ms-*` key in `value`, by pointer. */
function extensions(
  value: JsonValue | undefined,
  pointer: string,
  out: Map<string, JsonValue>,
  depth = 0,
  names = false,
): void {
  if (depth > 40) return;
  if (Array.isArray(value))
    value.forEach((v, i) => {
      extensions(v, pointerJoin(pointer, i), out, depth + 1);
    });
  else if (isObject(value))
    for (const [key, v] of Object.entries(value)) {
      const at = pointerJoin(pointer, key);
      if (key.startsWith('x-ms-') && !names) out.set(at, v);
      extensions(v, at, out, depth + 1, !names && NAME_MAPS.has(key));
    }
}

function at(doc: JsonValue, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  return node;
}

/** The loss item whose pointer is this place, inside it, or around it. */
function reportedAt(losses: readonly LossItem[], pointer: string): LossItem | undefined {
  return losses.find(
    (l) =>
      l.pointer === pointer ||
      l.pointer.startsWith(`${pointer}/`) ||
      (l.pointer !== '' && pointer.startsWith(`${l.pointer}/`)),
  );
}

/** Converts one connector's swagger and lists how the output differs from it. */
export function roundTrip(connector: string, text: string): RoundTrip {
  let input: JsonObject;
  let result: ReturnType<typeof convert>;
  try {
    const parsed = parseText(text, connector);
    if (!isObject(parsed)) throw new Error('not a JSON object');
    input = parsed;
    result = convert(text, { source: 'apiDefinition.swagger.json', preset: false, split: 'none' });
  } catch (error) {
    return { connector, operations: 0, extensions: 0, definitions: 0, differences: [], error: String(error) };
  }
  const output = result.swagger;
  const differences: Difference[] = [];
  const differ = (kind: string, pointer: string, detail: string) => {
    const loss = reportedAt(result.losses, pointer);
    differences.push({
      connector,
      kind,
      pointer,
      detail,
      ...(loss && { reportedAs: `${loss.construct}: ${loss.action}`.slice(0, 200) }),
    });
  };
  const inPaths = ownObject(input, 'paths') ?? {};
  const outPaths = ownObject(output, 'paths') ?? {};
  const byId = new Map<string, { path: string; method: string }>();
  for (const [path, item] of Object.entries(outPaths))
    if (isObject(item))
      for (const m of METHODS) {
        const id = ownString(ownObject(item, m), 'operationId');
        if (id) byId.set(id.toLowerCase(), { path, method: m });
      }
  let operations = 0;
  for (const [path, item] of Object.entries(inPaths)) {
    if (!isObject(item)) continue;
    for (const m of METHODS) {
      const op = ownObject(item, m);
      if (!op) continue;
      operations++;
      const pointer = pointerJoin('/paths', path, m);
      const id = ownString(op, 'operationId');
      let outItem = ownObject(outPaths, path);
      let outOp = ownObject(outItem, m);
      if (!outOp && id) {
        const moved = byId.get(id.toLowerCase());
        if (moved) {
          differ(
            'operation path',
            pointer,
            `\`${m.toUpperCase()} ${path}\` is at \`${moved.method.toUpperCase()} ${moved.path}\``,
          );
          outItem = ownObject(outPaths, moved.path);
          outOp = ownObject(outItem, moved.method);
        }
      }
      if (!outItem || !outOp) {
        differ('operation', pointer, 'missing from the output');
        continue;
      }
      const outId = ownString(outOp, 'operationId');
      if (id !== outId)
        differ('operationId', pointerJoin(pointer, 'operationId'), `\`${id}\` became \`${outId}\``);
      const a = parameters(input, item, op);
      const b = parameters(output, outItem, outOp);
      for (const [key, value] of a)
        if (b.get(key) !== value)
          differ(
            'parameter',
            pointerJoin(pointer, 'parameters'),
            `\`${key}\` ${value} became ${b.get(key) ?? 'missing'}`,
          );
      for (const key of b.keys())
        if (!a.has(key)) differ('parameter', pointerJoin(pointer, 'parameters'), `\`${key}\` added`);
      const codes = (o: JsonObject) =>
        Object.keys(ownObject(o, 'responses') ?? {})
          .sort()
          .join(',');
      if (codes(op) !== codes(outOp))
        differ('response codes', pointerJoin(pointer, 'responses'), `${codes(op)} became ${codes(outOp)}`);
    }
  }
  const inDefs = ownObject(input, 'definitions') ?? {};
  const outDefs = ownObject(output, 'definitions') ?? {};
  for (const [name, d] of Object.entries(inDefs)) {
    const pointer = pointerJoin('/definitions', name);
    if (outDefs[name] === undefined) differ('definition', pointer, 'missing from the output');
    else if (!same(d, outDefs[name]))
      differ('definition', firstDifference(d, outDefs[name], pointer), 'changed');
  }
  const found = new Map<string, JsonValue>();
  extensions(input, '', found);
  for (const [pointer, value] of found) {
    if (
      pointer.startsWith('/definitions/') &&
      !same(inDefs[pointer.split('/')[2] ?? ''], outDefs[pointer.split('/')[2] ?? ''])
    )
      continue; // counted with its definition
    const now = at(output, pointer);
    if (!same(value, now))
      differ(
        'x-ms extension',
        pointer,
        now === undefined ? 'missing from the output' : `changed to ${JSON.stringify(now).slice(0, 80)}`,
      );
  }
  for (const key of [
    'host',
    'basePath',
    'schemes',
    'consumes',
    'produces',
    'securityDefinitions',
    'security',
  ])
    if (!same(input[key], output[key])) differ('document', pointerJoin('', key), `\`${key}\` changed`);
  return {
    connector,
    operations,
    extensions: found.size,
    definitions: Object.keys(inDefs).length,
    differences,
  };
}

/** The deepest pointer at which two values first differ. */
function firstDifference(a: JsonValue | undefined, b: JsonValue | undefined, pointer: string): string {
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (!same(a[key], b[key])) return firstDifference(a[key], b[key], pointerJoin(pointer, key));
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++)
      if (!same(a[i], b[i])) return firstDifference(a[i], b[i], pointerJoin(pointer, i));
  }
  return pointer;
}

const CATEGORIES = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'];

/** Corpus connectors that have a Swagger 2.0 `apiDefinition.swagger.json`, as `category/name`, sorted. */
export function corpusSwaggers(corpus: string): string[] {
  const out: string[] = [];
  for (const category of CATEGORIES) {
    const dir = join(corpus, category);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort())
      if (existsSync(join(dir, name, 'apiDefinition.swagger.json'))) out.push(`${category}/${name}`);
  }
  return out;
}

/** Round trip of one corpus connector. */
export function roundTripConnector(corpus: string, name: string): RoundTrip {
  return roundTrip(name, readFileSync(join(corpus, name, 'apiDefinition.swagger.json'), 'utf8'));
}

/** Figures and the differences by kind, reported and not. */
export function summariseRoundTrips(trips: readonly RoundTrip[], examples = 3): string {
  const all = trips.flatMap((t) => t.differences);
  const unreported = all.filter((d) => !d.reportedAs);
  const clean = trips.filter((t) => !t.error && t.differences.length === 0).length;
  const cleanUnreported = trips.filter((t) => !t.error && t.differences.every((d) => d.reportedAs)).length;
  const sum = (f: (t: RoundTrip) => number) => trips.reduce((n, t) => n + f(t), 0);
  const lines = [
    `connectors ${trips.length} (failed to convert: ${trips.filter((t) => t.error).length}); operations ${sum((t) => t.operations)}; definitions ${sum((t) => t.definitions)}; x-ms extensions ${sum((t) => t.extensions)}`,
    `identical ${clean}; differing only where the loss report says so ${cleanUnreported - clean}; with unreported differences ${trips.filter((t) => !t.error).length - cleanUnreported}`,
    `differences ${all.length}: reported ${all.length - unreported.length}, unreported ${unreported.length}`,
  ];
  const kinds = new Map<string, Difference[]>();
  for (const d of all) {
    const key = `${d.reportedAs ? 'reported  ' : 'UNREPORTED'} ${d.kind}${d.reportedAs ? ` (${d.reportedAs.split(':')[0]})` : ''}`;
    const list = kinds.get(key);
    if (list) list.push(d);
    else kinds.set(key, [d]);
  }
  for (const [key, list] of [...kinds].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(
      `  ${String(list.length).padStart(5)} ${key} in ${new Set(list.map((d) => d.connector)).size} connectors`,
    );
    for (const d of list.slice(0, examples))
      lines.push(
        `          e.g. ${d.connector} ${d.pointer}: ${d.detail}${d.reportedAs ? ` — ${d.reportedAs}` : ''}`.slice(
          0,
          300,
        ),
      );
  }
  for (const t of trips.filter((x) => x.error)) lines.push(`  failed: ${t.connector}: ${t.error}`);
  return lines.join('\n');
}
