import { type JsonObject, own, ownObject, ownString } from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';
import { FlowportError } from '../../errors.ts';
import { splitPath } from './path.ts';
import {
  bodySchema,
  derefSchema,
  propertiesOf,
  propertyAt,
  type SchemaNode,
  unwrapArray,
} from './schema-path.ts';

/** The five dynamic extensions, by short name. */
export type DynamicKind = 'values' | 'list' | 'schema' | 'properties' | 'tree';

export const DYNAMIC_EXTENSION: Readonly<Record<DynamicKind, string>> = {
  values: 'x-ms-dynamic-values',
  list: 'x-ms-dynamic-list',
  schema: 'x-ms-dynamic-schema',
  properties: 'x-ms-dynamic-properties',
  tree: 'x-ms-dynamic-tree',
};

const KINDS = Object.keys(DYNAMIC_EXTENSION) as DynamicKind[];
const LOCATIONS = new Set(['path', 'query', 'header', 'formdata', 'body']);
const MAX_DEPTH = 12;
const MAX_SITES = 2000;

/** A parameter, body property or response schema that may carry dynamic extensions. */
export interface DynamicSite {
  /**
   * How to name it again: `accountId`, `query:accountId`, `body/fromAddress`, `response:200`,
   * `response:200/items/id`, `response:notification`.
   */
  readonly target: string;
  readonly place: 'parameter' | 'property' | 'response';
  readonly operation: Operation;
  /** The parameter itself, or the body parameter holding the property; undefined for responses. */
  readonly parameter: Parameter | undefined;
  /** The parameter object or (dereferenced) schema the extensions were read from. */
  readonly holder: JsonObject;
  readonly pointer: string;
  /** `type` of the parameter or schema (`array` for arrays of dynamic values). */
  readonly type: string | undefined;
  /** The parameter, property or one of its parents is `x-ms-visibility: internal`. */
  readonly internal: boolean;
  /** Each extension present, from the holder or (for arrays) its `items`. */
  readonly extensions: Readonly<Partial<Record<DynamicKind, JsonObject>>>;
  readonly kinds: readonly DynamicKind[];
  /** `x-ms-dynamic-values` names the platform file picker (`capability: file-picker`). */
  readonly filePicker: boolean;
}

/** How messages name a site: ``parameter `accountId` of operation `CreateHook` ``. */
export function siteLabel(site: DynamicSite): string {
  const what =
    site.place === 'parameter' ? 'parameter' : site.place === 'property' ? 'body property' : 'response';
  return `${what} \`${site.target}\` of operation \`${site.operation.label}\``;
}

function makeSite(
  place: DynamicSite['place'],
  target: string,
  operation: Operation,
  parameter: Parameter | undefined,
  holders: readonly { node: JsonObject; pointer: string }[],
  internal: boolean,
): DynamicSite {
  const extensions: Partial<Record<DynamicKind, JsonObject>> = {};
  let holder = holders[0]!;
  for (const kind of KINDS) {
    for (const h of holders) {
      const ext = ownObject(h.node, DYNAMIC_EXTENSION[kind]);
      if (!ext) continue;
      if (Object.keys(extensions).length === 0) holder = h;
      extensions[kind] = ext;
      break;
    }
  }
  const kinds = KINDS.filter((k) => extensions[k] !== undefined);
  return {
    target,
    place,
    operation,
    parameter,
    holder: holder.node,
    pointer: holder.pointer,
    type: ownString(holders[0]!.node, 'type') ?? (parameter?.in === 'body' ? undefined : parameter?.type),
    internal,
    extensions,
    kinds,
    filePicker: ownString(extensions.values, 'capability') === 'file-picker',
  };
}

/** Holders of a schema node: the node, then its array `items` (extensions on array elements). */
function schemaHolders(connector: Connector, node: SchemaNode): { node: JsonObject; pointer: string }[] {
  const out = [{ node: node.schema, pointer: node.pointer }];
  const items = unwrapArray(connector, node);
  if (items !== node) out.push({ node: items.schema, pointer: items.pointer });
  return out;
}

function parameterSite(
  connector: Connector,
  operation: Operation,
  p: Parameter,
  target: string,
): DynamicSite {
  const internal = p.visibility === 'internal';
  if (p.in === 'body') {
    const root = bodySchema(connector, p);
    const holders = root ? schemaHolders(connector, root) : [];
    return makeSite(
      'parameter',
      target,
      operation,
      p,
      [...holders, { node: p.raw, pointer: p.pointer }],
      internal || (root?.internal ?? false),
    );
  }
  const holders = [{ node: p.raw, pointer: p.pointer }];
  const items = derefSchema(connector, own(p.raw, 'items'), join(p.pointer, 'items'));
  if (items) holders.push({ node: items.schema, pointer: items.pointer });
  return makeSite('parameter', target, operation, p, holders, internal);
}

function responseRoot(
  connector: Connector,
  operation: Operation,
  status: string | undefined,
): SchemaNode | undefined {
  if (status?.toLowerCase() === 'notification') {
    const content = operation.notificationContent;
    const resolved = content && derefSchema(connector, content.schema, join(content.pointer, 'schema'));
    return resolved ? { ...resolved, internal: false } : undefined;
  }
  const withSchema = operation.responses.filter((r) => r.schema !== undefined);
  const response =
    status === undefined
      ? (withSchema
          .filter((r) => r.status.startsWith('2'))
          .sort((a, b) => a.status.localeCompare(b.status))[0] ??
        withSchema.find((r) => r.status === 'default'))
      : withSchema.find((r) => r.status.toLowerCase() === status.toLowerCase());
  if (!response) return undefined;
  const resolved = derefSchema(connector, response.schema, join(response.pointer, 'schema'));
  return resolved ? { ...resolved, internal: false } : undefined;
}

function notFound(operation: Operation, target: string, why: string): FlowportError {
  return new FlowportError(
    'PARAMETER_INVALID',
    `Operation \`${operation.label}\` has no ${why} \`${target}\`; name a parameter (\`accountId\`, \`query:accountId\`), a body property (\`body/prop/sub\`) or a response (\`response\`, \`response:200/prop\`).`,
  );
}

function propertySite(
  connector: Connector,
  operation: Operation,
  body: Parameter,
  segments: readonly string[],
  target: string,
): DynamicSite {
  const root = bodySchema(connector, body);
  const node = root && propertyAt(connector, root, segments);
  if (!node) throw notFound(operation, target, 'body property');
  return makeSite('property', target, operation, body, schemaHolders(connector, node), node.internal);
}

function responseSite(
  connector: Connector,
  operation: Operation,
  status: string | undefined,
  segments: readonly string[],
  target: string,
): DynamicSite {
  const root = responseRoot(connector, operation, status);
  const node = root && propertyAt(connector, root, segments);
  if (!node) throw notFound(operation, target, 'response schema');
  return makeSite('response', target, operation, undefined, schemaHolders(connector, node), false);
}

/**
 * Finds the parameter, body property or response schema `target` names in `operation`, with the
 * dynamic extensions it carries (possibly none). Targets: a parameter name (`accountId`), a located
 * parameter (`query:accountId`), a body property path starting with the body parameter's name
 * (`body/fromAddress`, `$ref`s and array `items` followed), or a response (`response`: the first 2xx
 * schema; `response:200`, `response:notification`, each optionally followed by `/prop/sub`).
 * Throws `PARAMETER_INVALID` when nothing matches.
 *
 * @example
 * locateDynamic(connector, connector.operation('SendMail')!, 'body/fromAddress').kinds; // ['list']
 */
export function locateDynamic(connector: Connector, operation: Operation, target: string): DynamicSite {
  const exact = operation.parameters.find((p) => p.name === target);
  if (exact) return parameterSite(connector, operation, exact, target);
  const slash = target.indexOf('/');
  const head = slash < 0 ? target : target.slice(0, slash);
  const rest = slash < 0 ? [] : splitPath(target.slice(slash + 1));
  const colon = head.indexOf(':');
  if (colon > 0) {
    const location = head.slice(0, colon).toLowerCase();
    const name = head.slice(colon + 1);
    if (location === 'response') return responseSite(connector, operation, name || undefined, rest, target);
    if (LOCATIONS.has(location)) {
      const p = operation.parameters.find((q) => q.in.toLowerCase() === location && q.name === name);
      if (!p) throw notFound(operation, target, `${location} parameter`);
      return rest.length === 0
        ? parameterSite(connector, operation, p, target)
        : propertySite(connector, operation, p, rest, target);
    }
  }
  const p = operation.parameters.find((q) => q.name === head);
  if (p && rest.length > 0) {
    if (p.in !== 'body') throw notFound(operation, target, 'body property');
    return propertySite(connector, operation, p, rest, target);
  }
  if (head === 'response') return responseSite(connector, operation, undefined, rest, target);
  throw notFound(operation, target, 'parameter');
}

/**
 * Every parameter, body property and response schema of `operation` that carries a dynamic
 * extension, each with a `target` that {@link locateDynamic} accepts; for the CLI and the console.
 */
export function dynamicTargets(connector: Connector, operation: Operation): DynamicSite[] {
  const out: DynamicSite[] = [];
  const walk = (
    node: SchemaNode,
    prefix: string,
    place: DynamicSite['place'],
    parameter: Parameter | undefined,
    stack: Set<JsonObject>,
    depth: number,
  ): void => {
    const inner = unwrapArray(connector, node);
    if (depth > MAX_DEPTH || stack.has(inner.schema) || out.length >= MAX_SITES) return;
    stack.add(inner.schema);
    for (const { name, node: child } of propertiesOf(connector, inner)) {
      const target = `${prefix}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const site = makeSite(
        place,
        target,
        operation,
        parameter,
        schemaHolders(connector, child),
        child.internal,
      );
      if (site.kinds.length > 0) out.push(site);
      walk(child, target, place, parameter, stack, depth + 1);
    }
    stack.delete(inner.schema);
  };
  for (const p of operation.parameters) {
    const twin = operation.parameters.some((q) => q !== p && q.name === p.name);
    const target = twin ? `${p.in}:${p.name}` : p.name;
    const site = parameterSite(connector, operation, p, target);
    if (site.kinds.length > 0) out.push(site);
    const root = p.in === 'body' ? bodySchema(connector, p) : undefined;
    if (root) walk(root, target, 'property', p, new Set(), 0);
  }
  const statuses = operation.responses.filter((r) => r.schema !== undefined).map((r) => r.status);
  if (operation.notificationContent?.schema) statuses.push('notification');
  for (const status of statuses) {
    const root = responseRoot(connector, operation, status);
    if (!root) continue;
    const target = `response:${status}`;
    const site = makeSite('response', target, operation, undefined, schemaHolders(connector, root), false);
    if (site.kinds.length > 0) out.push(site);
    walk(root, target, 'response', undefined, new Set(), 0);
  }
  return out;
}
