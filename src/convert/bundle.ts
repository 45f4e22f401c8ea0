/**
 * A description split over several files, as one document: every `$ref` to another local file
 * (`./schemas/Pet.yaml`, `common.yaml#/components/parameters/Top`) is brought into the root, as
 * Redocly's and Spectral's bundlers do. Schemas, parameters, responses, request bodies (and Swagger
 * 2.0 definitions, parameters, responses) become named components, refs to them internal refs;
 * anything else (a path item, an example) is put in place. A file or place referred to twice is
 * brought in once; cycles through files end in refs. URLs (`https://…`) are left as they are: the
 * converter reports them unresolved, as it does not go online.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { isObject, type JsonObject, type JsonValue } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import { resolveRef } from '../connector/refs.ts';
import { FlowportError } from '../errors.ts';
import { parseText } from './input.ts';

type Kind = 'schemas' | 'parameters' | 'responses' | 'requestBodies';

const SCHEMA_KEYS = new Set([
  'schema',
  'items',
  'additionalProperties',
  'not',
  'additionalItems',
  'contains',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

/** What a `$ref` at `path` (keys from the root) refers to, by where it stands. */
function kindAt(path: readonly string[]): Kind | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path[0] === 'components' && path.length === 3) return path[1] as Kind;
  if (path[0] === 'definitions' && path.length === 2) return 'schemas';
  if ((path[0] === 'parameters' || path[0] === 'responses') && path.length === 2) return path[0];
  if (last === undefined) return undefined;
  if (
    SCHEMA_KEYS.has(last) ||
    (parent !== undefined && (SCHEMA_LISTS.has(parent) || SCHEMA_MAPS.has(parent)))
  )
    return 'schemas';
  if (parent === 'parameters') return 'parameters';
  if (parent === 'responses' && path[path.length - 3] !== 'components') return 'responses';
  if (last === 'requestBody') return 'requestBodies';
  return undefined;
}

/** Where components of a kind live in the root: OpenAPI 3 `components`, Swagger 2.0 top-level maps. */
function home(root: JsonObject, kind: Kind, swagger2: boolean): { at: string[]; map: JsonObject } {
  const at = swagger2 ? [kind === 'schemas' ? 'definitions' : kind] : ['components', kind];
  let map: JsonObject = root;
  for (const key of at) {
    const next = map[key];
    if (isObject(next)) map = next;
    else {
      const made: JsonObject = {};
      map[key] = made;
      map = made;
    }
  }
  return { at, map };
}

const isUrl = (location: string) => /^https?:\/\//i.test(location);
/** A ref to another document: relative ones, and absolute http(s) ones in a description read from a URL. */
const isExternal = (ref: string, fromUrl = false) =>
  !ref.startsWith('#') && (!/^[a-z][a-z\d+.-]*:/i.test(ref) || (fromUrl && isUrl(ref)));

/** Where a ref written in `from` points: a URL beside a URL, a file path beside a file. */
export function refLocation(from: string, target: string): string {
  if (isUrl(from) || isUrl(target)) return new URL(target, from).href.replace(/#.*$/, '');
  return resolve(dirname(from), decoded(target, decodeURI));
}

/** Percent-decoded, or as written when it is not valid percent-encoding (`50%`). */
function decoded(text: string, decode: (s: string) => string): string {
  try {
    return decode(text);
  } catch {
    return text;
  }
}

/** A location's short name for messages and component names (`Pet.yaml`). */
const nameOf = (location: string) => basename(isUrl(location) ? new URL(location).pathname : location);

/** Reads a document's text; the default reads local files. */
export type ReadDocument = (location: string) => string;
const readLocalFile: ReadDocument = (path) => readFileSync(path, 'utf8');

/**
 * The root document with every local-file `$ref` brought in. `file` is the root's path (refs are
 * relative to the file they are written in). Throws `FlowportError` (`CONVERT_INPUT_INVALID`) naming
 * the ref when a file cannot be read or parsed, or a place in it does not exist.
 */
export function bundleFiles(root: JsonObject, file: string, read: ReadDocument = readLocalFile): JsonObject {
  const fromUrl = isUrl(file);
  const rootFile = fromUrl ? file : resolve(file);
  const swagger2 = root.swagger !== undefined;
  const documents = new Map<string, JsonValue>([[rootFile, root]]);
  /** `file#pointer` → the internal ref that now stands for it. */
  const placed = new Map<string, string>();
  const names = new Map<string, Set<string>>();

  const documentOf = (path: string, ref: string, from: string): JsonValue => {
    const known = documents.get(path);
    if (known !== undefined) return known;
    let text: string;
    try {
      text = read(path);
    } catch {
      throw new FlowportError(
        'CONVERT_INPUT_INVALID',
        `\`$ref: ${ref}\` in ${nameOf(from)} names ${path}, which cannot be read.`,
      );
    }
    const value = parseText(text, nameOf(path)) as JsonValue;
    documents.set(path, value);
    return value;
  };

  const nameFor = (kind: Kind, wanted: string, map: JsonObject): string => {
    const used = names.get(kind) ?? new Set(Object.keys(map));
    names.set(kind, used);
    const clean = wanted.replace(/[^A-Za-z0-9._-]/g, '_') || kind;
    let name = clean;
    for (let n = 2; used.has(name); n++) name = `${clean}${n}`;
    used.add(name);
    return name;
  };

  const visit = (node: JsonValue, from: string, path: string[]): JsonValue => {
    if (Array.isArray(node)) return node.map((v, i) => visit(v, from, [...path, String(i)]));
    if (!isObject(node)) return node;
    const ref = node.$ref;
    const external =
      typeof ref === 'string' && (isExternal(ref, fromUrl) || (from !== rootFile && ref.startsWith('#')));
    if (typeof ref === 'string' && external) {
      const [target = '', fragment = ''] = ref.split('#', 2);
      const targetFile = target === '' ? from : refLocation(from, target);
      const key = `${targetFile}#${fragment}`;
      const known = placed.get(key);
      // Words beside a ref (`description`, OpenAPI 3.1's `summary`) stay beside it.
      const { $ref: _ref, ...beside } = node;
      const besides = () => visit(beside, from, path) as JsonObject;
      if (known) return { ...besides(), $ref: known };
      const document = documentOf(targetFile, ref, from);
      const found =
        fragment === ''
          ? { value: document }
          : isObject(document)
            ? resolveRef(document, `#${fragment}`)
            : undefined;
      if (found?.value === undefined)
        throw new FlowportError(
          'CONVERT_INPUT_INVALID',
          `\`$ref: ${ref}\` in ${nameOf(from)} points at nothing: ${nameOf(targetFile)} has no \`#${fragment}\`.`,
        );
      const kind = kindAt(path);
      if (kind) {
        const { at, map } = home(root, kind, swagger2);
        const wanted = fragment
          ? (fragment.split('/').pop() ?? '')
          : basename(nameOf(targetFile), extname(nameOf(targetFile)));
        const name = nameFor(
          kind,
          decoded(wanted, decodeURIComponent).replace(/~1/g, '/').replace(/~0/g, '~'),
          map,
        );
        const internal = `#${join('', ...at, name)}`;
        // Placed before its content is visited: a cycle back to it ends in this ref.
        placed.set(key, internal);
        map[name] = {};
        map[name] = visit(structuredClone(found.value), targetFile, [...at, name]);
        return { ...besides(), $ref: internal };
      }
      placed.set(key, `#${join('', ...path)}`);
      const inlined = visit(structuredClone(found.value), targetFile, path);
      return isObject(inlined) ? { ...inlined, ...besides() } : inlined;
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) out[k] = visit(v, from, [...path, k]);
    return out;
  };

  const bundled = visit(root, rootFile, []) as JsonObject;
  // Components added while visiting went into `root`; the visited copy takes them too.
  for (const key of swagger2 ? ['definitions', 'parameters', 'responses'] : ['components'])
    if (isObject(root[key]) && !isObject(bundled[key])) bundled[key] = root[key];
    else if (isObject(root[key]) && isObject(bundled[key]))
      mergeInto(bundled[key] as JsonObject, root[key] as JsonObject);
  return bundled;
}

/** Adds what `from` has and `into` lacks, a level or two deep (`components.schemas.Pet`). */
function mergeInto(into: JsonObject, from: JsonObject): void {
  for (const [k, v] of Object.entries(from)) {
    const there = into[k];
    if (there === undefined) into[k] = v;
    else if (isObject(there) && isObject(v))
      for (const [n, x] of Object.entries(v)) if (!(n in there)) there[n] = x;
  }
}

/** The refs to other documents a document has (a quick look before bundling). */
export function externalRefs(value: JsonValue, fromUrl = false, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) externalRefs(v, fromUrl, out);
  else if (isObject(value)) {
    if (typeof value.$ref === 'string' && isExternal(value.$ref, fromUrl)) out.push(value.$ref);
    for (const v of Object.values(value)) externalRefs(v, fromUrl, out);
  }
  return out;
}

/** True when the document has a `$ref` to another file. */
export function hasExternalRefs(value: JsonValue, fromUrl = false): boolean {
  return externalRefs(value, fromUrl).length > 0;
}
