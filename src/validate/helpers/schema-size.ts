import { isObject, type JsonObject, own, ownArray } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { refOf } from './schema-graph.ts';
import { schemaOutline } from './schema-outline.ts';

/** Most schema nodes one body, response schema or definition may expand to (Microsoft's FAQ). */
export const MAX_BODY_SCHEMAS = 512;
/** Most schema nodes one operation may expand to, parameters and responses together (FAQ). */
export const MAX_OPERATION_SCHEMAS = 16_384;
/** Most schema nodes a whole swagger may expand to: 256 operations × 16,384 (FAQ). */
export const MAX_TOTAL_SCHEMAS = 256 * MAX_OPERATION_SCHEMAS;
/**
 * Deepest nesting allowed, counting referenced schemas. Microsoft's message names the limit without
 * publishing it; 32 is our default.
 */
export const MAX_SCHEMA_DEPTH = 32;

/** Size of a schema once every `$ref` in it is expanded. */
export interface SchemaSize {
  /** Schema objects: the schema itself, each property, `items`, `additionalProperties`, `allOf` member. */
  readonly count: number;
  /** Levels of nesting; a schema without subschemas has depth 1; `allOf` members share their parent's level. */
  readonly depth: number;
}

/** Counts stop growing here so pathological documents give finite, printable numbers. */
const COUNT_CAP = 1e9;
const MAX_NESTING = 512;
const LEAF: SchemaSize = { count: 1, depth: 1 };
const CYCLE: SchemaSize = { count: 0, depth: 0 };

interface State {
  readonly connector: Connector;
  /** Sizes of `$ref` targets by resolved pointer. */
  readonly refs: Map<string, SchemaSize>;
  /** `$ref` strings resolved, or null when they lead nowhere useful (a leaf). */
  readonly targets: Map<string, { readonly pointer: string; readonly raw: JsonObject } | null>;
  /** Sizes of schemas measured from the top; the same body or response is measured by several rules. */
  readonly tops: WeakMap<JsonObject, SchemaSize>;
  /** Targets being measured; meeting one again is a cycle, which adds nothing. */
  readonly active: Set<string>;
  readonly operations: WeakMap<Operation, number>;
  total: number | undefined;
}

const states = new WeakMap<Connector, State>();

function stateOf(connector: Connector): State {
  let state = states.get(connector);
  if (!state) {
    state = {
      connector,
      refs: new Map(),
      targets: new Map(),
      tops: new WeakMap(),
      active: new Set(),
      operations: new WeakMap(),
      total: undefined,
    };
    states.set(connector, state);
  }
  return state;
}

function measureRef(state: State, ref: string, nesting: number): SchemaSize {
  let target = state.targets.get(ref);
  if (target === undefined) {
    const found = state.connector.resolve(ref);
    target = found && isObject(found.value) ? { pointer: found.pointer, raw: found.value } : null;
    state.targets.set(ref, target);
  }
  if (target === null) return LEAF;
  return measureTarget(state, target.pointer, target.raw, nesting);
}

/** Measures a referenceable schema once; meeting it again while measuring it is recursion. */
function measureTarget(state: State, pointer: string, raw: JsonObject, nesting: number): SchemaSize {
  const known = state.refs.get(pointer);
  if (known) return known;
  if (state.active.has(pointer)) return CYCLE;
  state.active.add(pointer);
  const size = measureSchema(state, raw, nesting + 1);
  state.active.delete(pointer);
  state.refs.set(pointer, size);
  return size;
}

/**
 * A schema measured from the top (nothing being measured): its value depends only on its own tree and
 * on the sizes of the targets it references directly, which are cached, so measuring it again would
 * give the same size. `outlined`: a body, response or definition, whose outline other rules read too.
 */
function measureTop(state: State, raw: JsonObject, outlined: boolean): SchemaSize {
  // Parameters and headers are small: measuring them again is cheaper than remembering them.
  if (!outlined) return measure(state, raw, 0);
  let size = state.tops.get(raw);
  if (!size) {
    size = measureSchema(state, raw, 0);
    state.tops.set(raw, size);
  }
  return size;
}

/**
 * `measure` for a body, response or definition, from its outline: the tree is walked once for all
 * the rules that read it. The targets of its references are measured in the same order as `measure`
 * would (which decides what counts as recursion). A tree that may reach `MAX_NESTING` is measured by
 * `measure`, which cuts it there.
 */
function measureSchema(state: State, raw: JsonObject, nesting: number): SchemaSize {
  if (nesting > MAX_NESTING) return LEAF;
  const ref = refOf(raw);
  if (ref !== undefined) return measureRef(state, ref, nesting);
  const outline = schemaOutline(state.connector, raw);
  if (!outline.complete || nesting + outline.deepest > MAX_NESTING) return measure(state, raw, nesting);
  let count = outline.count;
  let depth = outline.nesting;
  for (const below of outline.refs) {
    const size = measureRef(state, below.ref, nesting + below.depth);
    count = Math.min(COUNT_CAP, count + size.count);
    if (below.nesting + size.depth > depth) depth = below.nesting + size.depth;
  }
  return { count, depth };
}

// Plain loops over the subschemas (see `forEachSubschema`): this runs for every schema node of every
// body and response.
function measure(state: State, raw: JsonObject, nesting: number): SchemaSize {
  if (nesting > MAX_NESTING) return LEAF;
  const ref = refOf(raw);
  if (ref !== undefined) return measureRef(state, ref, nesting);
  let count = 1;
  let nested = 0;
  let merged = 0;
  const properties = own(raw, 'properties');
  if (isObject(properties)) {
    const names = Object.keys(properties);
    for (let i = 0; i < names.length; i++) {
      const prop = properties[names[i] as string];
      if (!isObject(prop)) continue;
      const size = measure(state, prop, nesting + 1);
      count = Math.min(COUNT_CAP, count + size.count);
      if (size.depth > nested) nested = size.depth;
    }
  }
  const items = own(raw, 'items');
  if (isObject(items)) {
    const size = measure(state, items, nesting + 1);
    count = Math.min(COUNT_CAP, count + size.count);
    if (size.depth > nested) nested = size.depth;
  } else if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!isObject(item)) continue;
      const size = measure(state, item, nesting + 1);
      count = Math.min(COUNT_CAP, count + size.count);
      if (size.depth > nested) nested = size.depth;
    }
  }
  const additional = own(raw, 'additionalProperties');
  if (isObject(additional)) {
    const size = measure(state, additional, nesting + 1);
    count = Math.min(COUNT_CAP, count + size.count);
    if (size.depth > nested) nested = size.depth;
  }
  const allOf = ownArray(raw, 'allOf');
  if (allOf) {
    for (let i = 0; i < allOf.length; i++) {
      const part = allOf[i];
      if (!isObject(part)) continue;
      const size = measure(state, part, nesting + 1);
      count = Math.min(COUNT_CAP, count + size.count);
      if (size.depth > merged) merged = size.depth;
    }
  }
  return { count, depth: Math.max(1 + nested, merged) };
}

/**
 * Size of a schema with its `$ref`s expanded; referenced schemas are measured once per connector and
 * a reference back into a schema being measured (recursion) counts as nothing. Pass the `pointer` of
 * a schema that may itself be referenced (a definition) so references back to it count as recursion.
 */
export function schemaSize(connector: Connector, raw: JsonObject, pointer?: string): SchemaSize {
  const state = stateOf(connector);
  return pointer === undefined ? measureTop(state, raw, true) : measureTarget(state, pointer, raw, 0);
}

/** Schema nodes of one operation: parameters (with `items`), body, response schemas and headers. */
export function operationSchemaCount(connector: Connector, op: Operation): number {
  const state = stateOf(connector);
  const known = state.operations.get(op);
  if (known !== undefined) return known;
  // No closure and no header entries: this runs for every operation.
  let count = 0;
  for (const p of op.parameters) {
    if (p.in !== 'body') count = add(count, measureTop(state, p.raw, false));
    else if (p.schema) count = add(count, measureTop(state, p.schema, true));
  }
  for (const r of op.responses) {
    if (r.schema) count = add(count, measureTop(state, r.schema, true));
    const headers = own(r.raw, 'headers');
    if (!isObject(headers)) continue;
    for (const name of Object.keys(headers)) {
      const header = headers[name];
      if (isObject(header)) count = add(count, measureTop(state, header, false));
    }
  }
  const content = op.notificationContent?.schema;
  if (content) count = add(count, measureTop(state, content, true));
  state.operations.set(op, count);
  return count;
}

function add(count: number, size: SchemaSize): number {
  return Math.min(COUNT_CAP, count + size.count);
}

/** Schema nodes of all operations together. */
export function totalSchemaCount(connector: Connector): number {
  const state = stateOf(connector);
  if (state.total === undefined) {
    let total = 0;
    for (const op of connector.operations)
      total = Math.min(COUNT_CAP, total + operationSchemaCount(connector, op));
    state.total = total;
  }
  return state.total;
}
