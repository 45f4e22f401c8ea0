import { isObject, type JsonObject, type JsonValue, ownObject } from '../connector/json.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** What an `--update` changed for the connector's users. */
export interface UpdateChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Operations whose generated content changed (parameters, responses, path). */
  readonly changed: readonly string[];
  /** Operations where the author's edits were kept over the new description's. */
  readonly keptEdits: readonly string[];
}

interface Located {
  readonly path: string;
  readonly method: string;
  readonly op: JsonObject;
}

function byId(swagger: JsonValue | undefined): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {}))
    if (isObject(item))
      for (const method of METHODS) {
        const op = ownObject(item, method);
        if (op && typeof op.operationId === 'string') out.set(op.operationId, { path, method, op });
      }
  return out;
}

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The keys of an operation an author edits by hand; other keys follow the description. */
const AUTHORED = (key: string) =>
  key === 'summary' || key === 'description' || key === 'x-ms-visibility' || key.startsWith('x-');

/**
 * Merges three generations of one object key by key: what the author changed since the last import
 * (`base` → `mine`) wins over what the new import changed (`base` → `theirs`), for the keys `authored`
 * accepts; the rest follows `theirs`.
 */
function mergeKeys(
  base: JsonObject | undefined,
  mine: JsonObject,
  theirs: JsonObject,
  authored: (key: string) => boolean,
): { merged: JsonObject; kept: boolean } {
  const merged: JsonObject = { ...theirs };
  let kept = false;
  for (const key of new Set([...Object.keys(mine), ...Object.keys(base ?? {})])) {
    if (!authored(key)) continue;
    const edited = !same(base?.[key], mine[key]);
    if (!edited) continue;
    kept = true;
    if (mine[key] === undefined) delete merged[key];
    else merged[key] = mine[key] as JsonValue;
  }
  return { merged, kept };
}

/** Parameters merged by `name` and `in`: the author's display edits (summary, visibility, extensions) kept. */
function mergeParameters(
  base: JsonValue | undefined,
  mine: JsonValue | undefined,
  theirs: JsonValue | undefined,
): JsonValue | undefined {
  if (!Array.isArray(theirs)) return theirs;
  const key = (p: JsonValue) =>
    isObject(p) ? `${String(p.in)}:${String(p.name)}:${String(p.$ref ?? '')}` : '';
  const find = (list: JsonValue | undefined, k: string) =>
    Array.isArray(list) ? list.find((p) => key(p) === k) : undefined;
  return theirs.map((t) => {
    const m = find(mine, key(t));
    if (!isObject(t) || !isObject(m)) return t;
    const b = find(base, key(t));
    return mergeKeys(
      isObject(b) ? b : undefined,
      m,
      t,
      (k) => k === 'x-ms-summary' || k === 'description' || k.startsWith('x-ms-') || k === 'default',
    ).merged;
  });
}

/**
 * `flowport init --update`: a three-way merge keyed by operationId. `base` is the swagger the last
 * import produced (kept in `.flowport/base.swagger.json`), `mine` the connector as the author edited
 * it, `theirs` the new import. Operations the author added by hand stay; operations the new
 * description removed go (unless the author edited them, which keeps them); everything else follows
 * the new description with the author's summaries, descriptions, visibility and extensions kept.
 */
export function mergeUpdate(
  base: JsonObject | undefined,
  mine: JsonObject,
  theirs: JsonObject,
): { swagger: JsonObject; changes: UpdateChanges } {
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const swagger: JsonObject = structuredClone(theirs);
  const paths = (ownObject(swagger, 'paths') ?? {}) as JsonObject;
  swagger.paths = paths;
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  const keptEdits: string[] = [];
  const put = (loc: Located, op: JsonObject) => {
    const item = ownObject(paths, loc.path) ?? {};
    item[loc.method] = op;
    paths[loc.path] = item;
  };
  for (const [id, theirsOp] of t) {
    const mineOp = m.get(id);
    const baseOp = b.get(id);
    if (!mineOp) {
      if (!baseOp) added.push(id);
      else {
        // The author deleted it on purpose: keep it deleted.
        const item = ownObject(paths, theirsOp.path);
        if (item) delete item[theirsOp.method];
      }
      continue;
    }
    const { merged, kept } = mergeKeys(baseOp?.op, mineOp.op, theirsOp.op, AUTHORED);
    const params = mergeParameters(baseOp?.op.parameters, mineOp.op.parameters, theirsOp.op.parameters);
    if (params !== undefined) merged.parameters = params;
    if (kept) keptEdits.push(id);
    if (
      baseOp &&
      (!same(baseOp.op.parameters, theirsOp.op.parameters) ||
        !same(baseOp.op.responses, theirsOp.op.responses) ||
        baseOp.path !== theirsOp.path)
    )
      changed.push(id);
    put(theirsOp, merged);
  }
  for (const [id, mineOp] of m) {
    if (t.has(id)) continue;
    const baseOp = b.get(id);
    if (!baseOp || !same(baseOp.op, mineOp.op)) put(mineOp, mineOp.op);
    else removed.push(id);
  }
  for (const [path, item] of Object.entries(paths))
    if (isObject(item) && !METHODS.some((x) => item[x] !== undefined)) delete paths[path];
  for (const key of ['info', 'x-ms-connector-metadata', 'host', 'basePath', 'schemes'] as const) {
    const edited = !same(base?.[key], mine[key]);
    if (edited && mine[key] !== undefined) swagger[key] = mine[key] as JsonValue;
  }
  const mineDefs = ownObject(mine, 'definitions') ?? {};
  const defs = (ownObject(swagger, 'definitions') ?? {}) as JsonObject;
  for (const [name, d] of Object.entries(mineDefs))
    if (defs[name] === undefined && !ownObject(base, 'definitions')?.[name]) defs[name] = d;
  return { swagger, changes: { added, removed, changed, keptEdits } };
}
