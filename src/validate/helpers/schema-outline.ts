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

/**
 * A path from the schema to one of its subschemas: the last step (how the subschema hangs below its
 * parent: the kind and the property name or tuple index, `''` for a lone `items` or
 * `additionalProperties`), linked to the path of the parent. Linked, as the walk keeps it.
 */
export interface OutlinePath {
  readonly parent: OutlinePath | undefined;
  readonly kind: SubschemaKind;
  readonly key: string | number;
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
  /** Paths from the schema to the first {@link SHOWN_UNLABELLED} unlabelled properties. */
  readonly shown: readonly OutlinePath[];
  /** False when the tree goes deeper than {@link MAX_OUTLINE_DEPTH} levels and was cut there. */
  readonly complete: boolean;
}

/** Levels walked at most; documents nest far less (`MAX_NESTING` of the JSON reader). */
export const MAX_OUTLINE_DEPTH = 256;
/** Subschemas of levels up to this one are checked for labels (their children are at one more). */
export const MAX_LABEL_DEPTH = 64;
/** Unlabelled properties whose steps are kept. */
export const SHOWN_UNLABELLED = 5;

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
  readonly shown: OutlinePath[];
  complete: boolean;
}

function outlineOf(raw: JsonObject): SchemaOutline {
  const walk: Walk = { count: 1, nesting: 1, deepest: 0, refs: [], unlabelled: 0, shown: [], complete: true };
  visitChildren(walk, raw, 0, 0, true, undefined);
  return walk;
}

/**
 * Visits the subschemas of `node` (at `depth`, `nesting`, reached through `path`) in the order of
 * `forEachSubschema`. `labels`: whether labels are still being checked on this branch.
 */
function visitChildren(
  walk: Walk,
  node: JsonObject,
  depth: number,
  nesting: number,
  labels: boolean,
  path: OutlinePath | undefined,
): void {
  if (depth >= MAX_OUTLINE_DEPTH) {
    walk.complete = false;
    return;
  }
  const checks = labels && depth <= MAX_LABEL_DEPTH;
  const properties = own(node, 'properties');
  if (isObject(properties)) {
    for (const name of Object.keys(properties))
      visit(walk, properties[name], 'property', name, depth, nesting + 1, checks, path);
  }
  const items = own(node, 'items');
  if (isObject(items)) visit(walk, items, 'items', '', depth, nesting + 1, checks, path);
  else if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++)
      visit(walk, items[i], 'items', i, depth, nesting + 1, checks, path);
  }
  visit(
    walk,
    own(node, 'additionalProperties'),
    'additionalProperties',
    '',
    depth,
    nesting + 1,
    checks,
    path,
  );
  const allOf = ownArray(node, 'allOf');
  if (allOf) {
    for (let i = 0; i < allOf.length; i++) visit(walk, allOf[i], 'allOf', i, depth, nesting, checks, path);
  }
}

/** Visits one subschema, one level below `parentDepth`; `key`: its property name or index. */
function visit(
  walk: Walk,
  child: JsonValue | undefined,
  kind: SubschemaKind,
  key: string | number,
  parentDepth: number,
  nesting: number,
  checks: boolean,
  parentPath: OutlinePath | undefined,
): void {
  if (!isObject(child)) return;
  const depth = parentDepth + 1;
  if (depth > walk.deepest) walk.deepest = depth;
  const ref = own(child, '$ref');
  // A `$ref` of any type ends the label check of a branch; only a string one is a reference.
  const labels = checks && ref === undefined;
  // Paths are only followed until the unlabelled properties to show are found.
  const path = labels && walk.unlabelled < SHOWN_UNLABELLED ? { parent: parentPath, kind, key } : undefined;
  if (labels && kind === 'property' && !isLabelled(child)) {
    if (path) walk.shown.push(path);
    walk.unlabelled++;
  }
  if (typeof ref === 'string') walk.refs.push({ ref, depth, nesting });
  else {
    walk.count++;
    if (nesting + 1 > walk.nesting) walk.nesting = nesting + 1;
    visitChildren(walk, child, depth, nesting, labels, path);
  }
}
