import { isObject, type JsonObject, type JsonValue, own, ownArray } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { join, split } from '../../connector/pointer.ts';
import { extensionMentions } from './extension-mentions.ts';
import { matchBelow } from './match-below.ts';
import { derefSchema } from './schema-deref.ts';
import { refOf } from './schema-graph.ts';

export type DynamicExtension =
  | 'x-ms-dynamic-values'
  | 'x-ms-dynamic-list'
  | 'x-ms-dynamic-schema'
  | 'x-ms-dynamic-properties'
  | 'x-ms-dynamic-tree';

export const DYNAMIC_EXTENSIONS: readonly DynamicExtension[] = [
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
  'x-ms-dynamic-tree',
];

/** The newer, path-based extension that disambiguates each older one. */
export const COMPANION: Readonly<Partial<Record<DynamicExtension, DynamicExtension>>> = {
  'x-ms-dynamic-values': 'x-ms-dynamic-list',
  'x-ms-dynamic-schema': 'x-ms-dynamic-properties',
};

/** An operation whose inputs (parameters, body) or outputs (responses, notification content) hold a site. */
export interface DynamicUse {
  readonly operation: Operation;
  readonly role: 'input' | 'output';
}

/** An object (parameter or schema) that carries at least one dynamic extension. */
export interface DynamicSite {
  readonly holder: JsonObject;
  readonly pointer: string;
  /** A non-body parameter, a body parameter itself, or a schema (body, response, definition). */
  readonly position: 'parameter' | 'body-parameter' | 'schema';
  /** Operations that use the site, in document order; empty for unused definitions. */
  readonly uses: readonly DynamicUse[];
}

/** One call to another operation that a dynamic extension makes at design time. */
export interface DynamicCall {
  readonly site: DynamicSite;
  readonly extension: DynamicExtension;
  /** `open` or `browse` for `x-ms-dynamic-tree`. */
  readonly part: 'open' | 'browse' | undefined;
  /** The object holding `operationId` and `parameters`. */
  readonly raw: JsonObject;
  readonly pointer: string;
  readonly operationId: JsonValue | undefined;
  /**
   * How `parameters` name inputs: `name` (a parameter name or body property path; values are
   * literals or `{ "parameter": … }`) or `path` (`param/prop`; values are `{ "value" }` or
   * `{ "parameterReference" }`).
   */
  readonly form: 'name' | 'path';
  readonly parameters: JsonObject | undefined;
}

interface DynamicIndex {
  readonly sites: readonly DynamicSite[];
  readonly calls: readonly DynamicCall[];
}

const MAX_DEPTH = 64;
const cache = new WeakMap<Connector, DynamicIndex>();

const DYNAMIC_KEYS: ReadonlySet<string> = new Set(DYNAMIC_EXTENSIONS);

// One pass over the node's few keys, most of which do not start with `x`: cheaper than a lookup of
// each of the five extensions.
function hasDynamic(node: JsonObject): boolean {
  for (const key in node) if (key.charCodeAt(0) === 0x78 && DYNAMIC_KEYS.has(key)) return true;
  return false;
}

/** Every object carrying a dynamic extension, with the operations that use it; once per connector. */
export function dynamicSites(connector: Connector): readonly DynamicSite[] {
  return dynamicIndex(connector).sites;
}

/** Every design-time call made by a dynamic extension (`x-ms-dynamic-tree` gives two); once per connector. */
export function dynamicCalls(connector: Connector): readonly DynamicCall[] {
  return dynamicIndex(connector).calls;
}

const EMPTY: DynamicIndex = { sites: [], calls: [] };

function dynamicIndex(connector: Connector): DynamicIndex {
  let index = cache.get(connector);
  if (index) return index;
  if (!extensionMentions(connector).dynamic) {
    cache.set(connector, EMPTY);
    return EMPTY;
  }
  const byHolder = new Map<JsonObject, { site: DynamicSite; uses: DynamicUse[] }>();
  const sites: DynamicSite[] = [];
  const add = (
    holder: JsonObject,
    pointer: string,
    position: DynamicSite['position'],
    use: DynamicUse | undefined,
  ) => {
    let entry = byHolder.get(holder);
    if (!entry) {
      const uses: DynamicUse[] = [];
      const site: DynamicSite = { holder, pointer, position, uses };
      entry = { site, uses };
      byHolder.set(holder, entry);
      sites.push(site);
    }
    // One operation's uses arrive together (its inputs, then its outputs), so a repeat is the last.
    if (use && entry.uses[entry.uses.length - 1] !== use) entry.uses.push(use);
  };

  const below = dynamicBelow(connector);
  /** Walks `node`, found at `base` + `key` (+ `index`); pointers are only built where a site may be. */
  const walk = (
    node: JsonValue | undefined,
    base: string,
    key: string,
    index: string | number | undefined,
    use: DynamicUse | undefined,
    seen: Set<JsonObject>,
    depth: number,
  ): void => {
    if (!isObject(node)) return;
    let schema = node;
    let at: string | undefined;
    if (refOf(node) !== undefined) {
      const target = derefSchema(connector, node, '');
      if (!target) return;
      schema = target.schema;
      if (schema !== node) at = target.pointer;
    }
    if (depth > MAX_DEPTH || !below(schema) || seen.has(schema)) return;
    seen.add(schema);
    at ??= index === undefined ? join(base, key) : join(base, key, index);
    if (hasDynamic(schema)) add(schema, at, 'schema', use);
    const properties = own(schema, 'properties');
    if (isObject(properties)) {
      for (const name of Object.keys(properties))
        walk(properties[name], at, 'properties', name, use, seen, depth + 1);
    }
    walk(own(schema, 'items'), at, 'items', undefined, use, seen, depth + 1);
    walk(own(schema, 'additionalProperties'), at, 'additionalProperties', undefined, use, seen, depth + 1);
    const allOf = ownArray(schema, 'allOf');
    if (allOf) for (let i = 0; i < allOf.length; i++) walk(allOf[i], at, 'allOf', i, use, seen, depth + 1);
  };

  const seenInput = new Set<JsonObject>();
  const seenOutput = new Set<JsonObject>();
  for (const item of connector.definition.paths) {
    for (const op of item.operations) {
      const input: DynamicUse = { operation: op, role: 'input' };
      const output: DynamicUse = { operation: op, role: 'output' };
      seenInput.clear();
      seenOutput.clear();
      for (const p of op.parameters) {
        if (p.in === 'body') {
          if (hasDynamic(p.raw)) add(p.raw, p.pointer, 'body-parameter', input);
          walk(p.schema, p.pointer, 'schema', undefined, input, seenInput, 0);
        } else if (hasDynamic(p.raw)) add(p.raw, p.pointer, 'parameter', input);
      }
      for (const r of op.responses) walk(r.schema, r.pointer, 'schema', undefined, output, seenOutput, 0);
      // A webhook action's callback payload is described on its path item, like a webhook trigger's.
      const content =
        op.notificationContent ?? (op.kind === 'callback-action' ? item.notificationContent : undefined);
      if (content?.schema) walk(content.schema, content.pointer, 'schema', undefined, output, seenOutput, 0);
    }
  }
  // Definitions no operation reaches still get context-free checks (unknown operationIds, shapes).
  const seenDefinitions = new Set<JsonObject>(byHolder.keys());
  const definitions = connector.definition.definitions;
  for (const name of Object.keys(definitions)) {
    walk(own(definitions, name), '/definitions', name, undefined, undefined, seenDefinitions, 0);
  }

  const calls: DynamicCall[] = [];
  for (const site of sites) {
    for (const extension of DYNAMIC_EXTENSIONS) {
      const raw = own(site.holder, extension);
      if (!isObject(raw)) continue;
      const pointer = join(site.pointer, extension);
      if (extension === 'x-ms-dynamic-tree') {
        for (const part of ['open', 'browse'] as const) {
          const sub = own(raw, part);
          if (isObject(sub)) calls.push(call(site, extension, part, sub, join(pointer, part)));
        }
      } else calls.push(call(site, extension, undefined, raw, pointer));
    }
  }
  index = { sites, calls };
  cache.set(connector, index);
  return index;
}

/** Whether a schema or anything under it carries a dynamic extension (skips parts without any). */
function dynamicBelow(connector: Connector): (schema: JsonObject) => boolean {
  return matchBelow(
    connector,
    hasDynamic,
    ['properties', 'items', 'additionalProperties', 'allOf'],
    MAX_DEPTH,
  );
}

function call(
  site: DynamicSite,
  extension: DynamicExtension,
  part: DynamicCall['part'],
  raw: JsonObject,
  pointer: string,
): DynamicCall {
  const parameters = own(raw, 'parameters');
  return {
    site,
    extension,
    part,
    raw,
    pointer,
    operationId: own(raw, 'operationId'),
    form: extension === 'x-ms-dynamic-values' || extension === 'x-ms-dynamic-schema' ? 'name' : 'path',
    parameters: isObject(parameters) ? parameters : undefined,
  };
}

/**
 * True for an `x-ms-dynamic-values` / `-schema` call whose site also has the path-based companion:
 * the platform then resolves references through the companion, the older extension is only kept for
 * older clients.
 */
export function superseded(call: DynamicCall): boolean {
  const companion = COMPANION[call.extension];
  return companion !== undefined && own(call.site.holder, companion) !== undefined;
}

/** How messages name a site: `parameter \`folder\``, `property \`tag\``, or `the schema at …`. */
export function siteLabel(site: DynamicSite): string {
  const name = own(site.holder, 'name');
  if (site.position !== 'schema' && typeof name === 'string') return `parameter \`${name}\``;
  const segments = split(site.pointer);
  const last = segments.at(-1);
  if (segments.at(-2) === 'properties' && last !== undefined) return `property \`${last}\``;
  if (segments[0] === 'definitions' && segments.length === 2) return `definition \`${last}\``;
  return `the schema at \`${site.pointer}\``;
}
