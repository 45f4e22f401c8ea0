import { type JsonObject, ownArray, ownBoolean, ownObject } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import type { SchemaNode } from '../rule.ts';
import { definitionNameOf, refOf, rootDefinitionName } from './schema-graph.ts';
import { MAX_OUTLINE_DEPTH, schemaOutline } from './schema-outline.ts';

/** Which definitions request bodies and responses reach, following `$ref`s. */
export interface SchemaUsage {
  /** Definitions reachable from a body parameter's schema. */
  readonly input: ReadonlySet<string>;
  /** Definitions reachable from a response schema or `x-ms-notification-content`. */
  readonly output: ReadonlySet<string>;
}

const cache = new WeakMap<Connector, SchemaUsage>();

/**
 * Definitions reached from `roots`, depth first. The tree below each schema is read from its outline
 * (shared with other rules, walked once); references deeper than {@link MAX_OUTLINE_DEPTH} levels, counting
 * the levels of the schemas they pass through, are not followed.
 */
function reach(
  connector: Connector,
  roots: Iterable<JsonObject>,
  names: Map<string, string | undefined>,
): Set<string> {
  const { definitions } = connector.definition;
  const found = new Set<string>();
  const follow = (ref: string, depth: number): void => {
    let name = names.get(ref);
    if (name === undefined && !names.has(ref)) {
      name = definitionNameOf(ref);
      names.set(ref, name);
    }
    if (name === undefined || found.has(name)) return;
    found.add(name);
    const target = ownObject(definitions, name);
    if (target) walk(target, depth + 1);
  };
  const walk = (raw: JsonObject, depth: number): void => {
    if (depth > MAX_OUTLINE_DEPTH) return;
    const ref = refOf(raw);
    if (ref !== undefined) {
      follow(ref, depth);
      return;
    }
    for (const below of schemaOutline(connector, raw).refs) {
      if (depth + below.depth <= MAX_OUTLINE_DEPTH) follow(below.ref, depth + below.depth);
    }
  };
  for (const root of roots) walk(root, 0);
  return found;
}

/**
 * Definitions used by requests and by responses; each set is computed once per connector, when first
 * asked for (most connectors only need the output side).
 */
export function schemaUsage(connector: Connector): SchemaUsage {
  let usage = cache.get(connector);
  if (!usage) {
    usage = lazyUsage(connector);
    cache.set(connector, usage);
  }
  return usage;
}

function lazyUsage(connector: Connector): SchemaUsage {
  // Definition names by `$ref`: the same few refs occur thousands of times.
  const names = new Map<string, string | undefined>();
  let input: Set<string> | undefined;
  let output: Set<string> | undefined;
  return {
    get input() {
      input ??= reach(connector, roots(connector, 'input'), names);
      return input;
    },
    get output() {
      output ??= reach(connector, roots(connector, 'output'), names);
      return output;
    },
  };
}

/**
 * Body schemas (input) or response and notification schemas (output), in document order. Sets:
 * operations share path-level bodies and `$ref`ed responses, which need walking once.
 */
function roots(connector: Connector, role: 'input' | 'output'): Set<JsonObject> {
  const found = new Set<JsonObject>();
  for (const item of connector.definition.paths) {
    const content = item.notificationContent?.schema;
    if (content && role === 'output') found.add(content);
    for (const op of item.operations) {
      if (role === 'input') {
        for (const p of op.parameters) if (p.in === 'body' && p.schema) found.add(p.schema);
      } else for (const r of op.responses) if (r.schema) found.add(r.schema);
    }
  }
  return found;
}

/** True when the node is part of a request: a parameter, a body schema, or a definition a body uses. */
export function usedAsInput(node: SchemaNode, connector: Connector): boolean {
  if (node.role !== 'definition') return node.role === 'input';
  const name = rootDefinitionName(node);
  return name !== undefined && schemaUsage(connector).input.has(name);
}

/** True when the node is part of a response, or of a definition a response uses. */
export function usedAsOutput(node: SchemaNode, connector: Connector): boolean {
  if (node.role !== 'definition') return node.role === 'output';
  const name = rootDefinitionName(node);
  return name !== undefined && schemaUsage(connector).output.has(name);
}

/** True when the node is a property its parent lists in `required` (or a required parameter). */
export function isRequiredNode(node: SchemaNode): boolean {
  if (node.holder === 'parameter') {
    return ownBoolean(node.raw, 'required') === true;
  }
  if (node.via !== 'property' || !node.parent || node.propertyName === undefined) return false;
  return (ownArray(node.parent.raw, 'required') ?? []).includes(node.propertyName);
}
