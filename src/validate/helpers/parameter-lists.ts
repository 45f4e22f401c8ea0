import { type JsonObject, type JsonValue, own, ownArray } from '../../connector/json.ts';
import type { Operation, Parameter, PathItem } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';

/** A `$ref` entry of a raw `parameters` array (path item or operation), before resolution. */
export interface ParameterRefEntry {
  /** The `$ref` value as written (any JSON type). */
  readonly ref: JsonValue;
  /** The entry: `/paths/~1tasks/get/parameters/0`. */
  readonly pointer: string;
}

/** An entry whose pointer is built only when asked for: rules need it for findings alone. */
class RefEntry implements ParameterRefEntry {
  readonly ref: JsonValue;
  private readonly owner: string;
  private readonly index: number;

  constructor(ref: JsonValue, owner: string, index: number) {
    this.ref = ref;
    this.owner = owner;
    this.index = index;
  }

  get pointer(): string {
    return join(this.owner, 'parameters', this.index);
  }
}

/** The `$ref` entries of a path item's own `parameters` and of each of its operations'. */
export function parameterRefEntries(item: PathItem): readonly ParameterRefEntry[] {
  // Rules ask in turn about the path item the engine is visiting: remember the last answer (in two
  // variables, not a record made per path item).
  if (item !== lastRefItem) {
    let entries = readRefEntries(item.raw, item.pointer, undefined);
    for (const op of item.operations) entries = readRefEntries(op.raw, op.pointer, entries);
    lastRefEntries = entries ?? NO_REF_ENTRIES;
    lastRefItem = item;
  }
  return lastRefEntries;
}

let lastRefItem: PathItem | undefined;
let lastRefEntries: readonly ParameterRefEntry[] = [];
const NO_REF_ENTRIES: readonly ParameterRefEntry[] = [];

/** Adds the `$ref` entries of `owner`'s `parameters` to `out`, made when the first one is found. */
function readRefEntries(
  owner: JsonObject,
  pointer: string,
  out: ParameterRefEntry[] | undefined,
): ParameterRefEntry[] | undefined {
  const parameters = ownArray(owner, 'parameters');
  if (!parameters) return out;
  for (let i = 0; i < parameters.length; i++) {
    const ref = own(parameters[i], '$ref');
    if (ref === undefined) continue;
    out ??= [];
    out.push(new RefEntry(ref, pointer, i));
  }
  return out;
}

/** The parameters an operation lists itself (not inherited from its path item), resolved, in order. */
export function operationOwnParameters(op: Operation): readonly Parameter[] {
  const { parameters } = op;
  let i = 0;
  while (i < parameters.length && (parameters[i] as Parameter).level === 'operation') i++;
  if (i === parameters.length) return parameters;
  // Rules ask in turn about the operation the engine is visiting: remember the last answer.
  if (op !== lastOwnOp) {
    const prefix = `${op.pointer}/parameters/`;
    const own: Parameter[] = [];
    for (const p of parameters) if (p.usedAt.startsWith(prefix)) own.push(p);
    lastOwn = own;
    lastOwnOp = op;
  }
  return lastOwn;
}

let lastOwnOp: Operation | undefined;
let lastOwn: readonly Parameter[] = [];

/** `in` + `name`, the identity of a parameter; header names compare case-insensitively (HTTP). */
export function parameterKey(p: Parameter): string {
  return `${p.in}\u0000${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

/** A parameter listed again after an earlier one with the same `name` and `in`. */
export interface DuplicateParameter {
  readonly first: Parameter;
  readonly duplicate: Parameter;
  /** True when both entries are the same `$ref` target or equal objects. */
  readonly identical: boolean;
}

/** Duplicates among the parameters an operation lists itself. */
export function operationDuplicateParameters(op: Operation): readonly DuplicateParameter[] {
  // Rules ask in turn about the operation the engine is visiting: remember the last answer.
  if (op !== lastDuplicatesOp) {
    lastDuplicates =
      op.parameters.length < 2 ? NO_DUPLICATES : duplicateParameters(operationOwnParameters(op));
    lastDuplicatesOp = op;
  }
  return lastDuplicates;
}

let lastDuplicatesOp: Operation | undefined;
let lastDuplicates: readonly DuplicateParameter[] = [];
const NO_DUPLICATES: readonly DuplicateParameter[] = [];

/** Later entries of a list that repeat the `name` and `in` of an earlier one. */
export function duplicateParameters(params: readonly Parameter[]): readonly DuplicateParameter[] {
  // Made for the first duplicate: most lists have none.
  let out: DuplicateParameter[] | undefined;
  // Short lists (nearly all) are searched pairwise: no key strings, no map.
  if (params.length <= SHORT_LIST) {
    for (let j = 1; j < params.length; j++) {
      const p = params[j] as Parameter;
      if (p.name === '' || p.in === '') continue;
      for (let i = 0; i < j; i++) {
        const first = params[i] as Parameter;
        if (first.name === '' || first.in === '' || !sameKey(first, p)) continue;
        out ??= [];
        out.push({
          first,
          duplicate: p,
          identical: first.pointer === p.pointer || jsonEqual(first.raw, p.raw),
        });
        break;
      }
    }
    return out ?? NO_DUPLICATES;
  }
  const seen = new Map<string, Parameter>();
  for (const p of params) {
    if (p.name === '' || p.in === '') continue;
    const key = parameterKey(p);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, p);
      continue;
    }
    out ??= [];
    out.push({ first, duplicate: p, identical: first.pointer === p.pointer || jsonEqual(first.raw, p.raw) });
  }
  return out ?? NO_DUPLICATES;
}

const SHORT_LIST = 16;

/** `parameterKey(a) === parameterKey(b)`, mostly without building the keys. */
function sameKey(a: Parameter, b: Parameter): boolean {
  if (a.in === b.in) {
    if (a.name === b.name) return true;
    return a.in === 'header' && a.name.toLowerCase() === b.name.toLowerCase();
  }
  // Keys of different locations meet only through a NUL inside `in`.
  return (a.in.includes('\0') || b.in.includes('\0')) && parameterKey(a) === parameterKey(b);
}

const MAX_EQUAL_DEPTH = 64;

/** Structural equality of two JSON values (object key order ignored); depth-limited. */
export function jsonEqual(a: JsonValue, b: JsonValue, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_EQUAL_DEPTH || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i] as JsonValue, depth + 1));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k] as JsonValue, b[k] as JsonValue, depth + 1));
}

/** Body parameters after the first, one per distinct name (same-name repeats are duplicates instead). */
export function extraBodies(params: readonly Parameter[]): readonly Parameter[] {
  // Nearly every list has at most one body: answer those without a set.
  let bodies = 0;
  for (const p of params) if (p.in === 'body') bodies++;
  if (bodies < 2) return NO_PARAMETERS;
  const names = new Set<string>();
  const out: Parameter[] = [];
  for (const p of params) {
    if (p.in !== 'body' || names.has(p.name)) continue;
    if (names.size > 0) out.push(p);
    names.add(p.name);
  }
  return out;
}

const NO_PARAMETERS: readonly Parameter[] = [];
