import { isObject, type JsonObject, type JsonValue, own, ownArray, ownString } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import type { SubschemaKind } from './schema-graph.ts';

/** A `$ref` below a schema. */
export interface OutlineRef {
  readonly ref: string;
  /** Levels below the schema (a direct subschema is at 1). */
  readonly depth: number;
  /** Levels below the schema not counting `allOf` members, which share their parent's level. */
  readonly nesting: number;
}

/** How a subschema hangs below its parent: the kind and the property name or tuple index. */
export interface OutlineStep {
  readonly kind: SubschemaKind;
  readonly key: string;
}

/**
 * What the inline tree of a schema holds (the schema and its subschemas, `$ref`s not followed), read
 * in one walk that several rules share: its size, the references it makes and its properties
 * without display labels.
 */
export interface SchemaOutline {
  /** Schema objects of the tree, the schema itself included, `$ref` objects not. */
  readonly count: number;
  /**
   * Levels of nesting of the tree alone (a schema without subschemas has 1); a `$ref` object adds
   * its level only through its target.
   */
  readonly nesting: number;
  /** Deepest level of any object of the tree, `$ref` objects included (the schema is at 0). */
  readonly deepest: number;
  /** `$ref`s below the schema in document order (depth first). */
  readonly refs: readonly OutlineRef[];
  /**
   * Properties lacking `x-ms-summary` or `description`, down to {@link MAX_LABEL_DEPTH} levels;
   * subschemas with a `$ref` (of any type) are left out with everything below them.
   */
  readonly unlabelled: number;
  /** False when the tree goes deeper than {@link MAX_OUTLINE_DEPTH} levels and was cut there. */
  readonly complete: boolean;
}

/** Levels walked at most; documents nest far less (`MAX_NESTING` of the JSON reader). */
export const MAX_OUTLINE_DEPTH = 256;
/** Subschemas of levels up to this one are checked for labels (their children are at one more). */
export const MAX_LABEL_DEPTH = 64;

const outlines = new WeakMap<Connector, Map<JsonObject, SchemaOutline>>();

/**
 * The outline of the inline tree of `raw` (its own `$ref`, if any, is not looked at); once per
 * schema object and connector.
 */
export function schemaOutline(connector: Connector, raw: JsonObject): SchemaOutline {
  let known = outlines.get(connector);
  if (!known) {
    known = new Map();
    outlines.set(connector, known);
  }
  let outline = known.get(raw);
  if (!outline) {
    outline = outlineOf(raw);
    known.set(raw, outline);
  }
  return outline;
}

function isLabelled(raw: JsonObject): boolean {
  return Boolean(ownString(raw, 'x-ms-summary')?.trim() && ownString(raw, 'description')?.trim());
}

interface Walk {
  count: number;
  nesting: number;
  deepest: number;
  readonly refs: OutlineRef[];
  unlabelled: number;
  complete: boolean;
}

function outlineOf(raw: JsonObject): SchemaOutline {
  const walk: Walk = { count: 1, nesting: 1, deepest: 0, refs: [], unlabelled: 0, complete: true };
  visitChildren(walk, raw, 0, 0, true);
  return walk;
}

/**
 * Visits the subschemas of `node` (at `depth`, `nesting`) in the order of `forEachSubschema`.
 * `labels`: whether labels are still being checked on this branch.
 */
function visitChildren(walk: Walk, node: JsonObject, depth: number, nesting: number, labels: boolean): void {
  if (depth >= MAX_OUTLINE_DEPTH) {
    walk.complete = false;
    return;
  }
  const checks = labels && depth <= MAX_LABEL_DEPTH;
  const properties = own(node, 'properties');
  if (isObject(properties)) {
    for (const name of Object.keys(properties))
      visit(walk, properties[name], true, depth, nesting + 1, checks);
  }
  const items = own(node, 'items');
  if (isObject(items)) visit(walk, items, false, depth, nesting + 1, checks);
  else if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) visit(walk, items[i], false, depth, nesting + 1, checks);
  }
  visit(walk, own(node, 'additionalProperties'), false, depth, nesting + 1, checks);
  const allOf = ownArray(node, 'allOf');
  if (allOf) for (let i = 0; i < allOf.length; i++) visit(walk, allOf[i], false, depth, nesting, checks);
}

/** Visits one subschema (`property`: a member of `properties`), one level below `parentDepth`. */
function visit(
  walk: Walk,
  child: JsonValue | undefined,
  property: boolean,
  parentDepth: number,
  nesting: number,
  checks: boolean,
): void {
  if (!isObject(child)) return;
  const depth = parentDepth + 1;
  if (depth > walk.deepest) walk.deepest = depth;
  const ref = own(child, '$ref');
  // A `$ref` of any type ends the label check of a branch; only a string one is a reference.
  const labels = checks && ref === undefined;
  if (labels && property && !isLabelled(child)) walk.unlabelled++;
  if (typeof ref === 'string') walk.refs.push({ ref, depth, nesting });
  else {
    walk.count++;
    if (nesting + 1 > walk.nesting) walk.nesting = nesting + 1;
    visitChildren(walk, child, depth, nesting, labels);
  }
}

/**
 * Steps from `raw` to its first `limit` unlabelled properties, in the order the outline counts
 * them; walks only as far as it needs to.
 */
export function unlabelledSteps(raw: JsonObject, limit: number): OutlineStep[][] {
  const found: OutlineStep[][] = [];
  const steps: OutlineStep[] = [];
  // Returns false once enough are found.
  const below = (node: JsonObject, depth: number): boolean => {
    if (depth > MAX_LABEL_DEPTH) return true;
    const properties = own(node, 'properties');
    if (isObject(properties)) {
      for (const name of Object.keys(properties))
        if (!step(properties[name], 'property', name, depth)) return false;
    }
    const items = own(node, 'items');
    if (isObject(items)) {
      if (!step(items, 'items', '', depth)) return false;
    } else if (Array.isArray(items)) {
      for (let i = 0; i < items.length; i++) if (!step(items[i], 'items', String(i), depth)) return false;
    }
    if (!step(own(node, 'additionalProperties'), 'additionalProperties', '', depth)) return false;
    const allOf = ownArray(node, 'allOf');
    if (allOf)
      for (let i = 0; i < allOf.length; i++) if (!step(allOf[i], 'allOf', String(i), depth)) return false;
    return true;
  };
  const step = (child: JsonValue | undefined, kind: SubschemaKind, key: string, depth: number): boolean => {
    if (!isObject(child) || own(child, '$ref') !== undefined) return true;
    steps.push({ kind, key });
    if (kind === 'property' && !isLabelled(child)) found.push([...steps]);
    const more = found.length < limit && below(child, depth + 1);
    steps.pop();
    return more;
  };
  if (limit > 0) below(raw, 0);
  return found;
}
