import { type JsonObject, ownArray, ownBoolean, ownObject } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import type { SchemaNode } from '../rule.ts';
import { definitionNameOf, forEachSubschema, refOf, rootDefinitionName } from './schema-graph.ts';

/** Which definitions request bodies and responses reach, following `$ref`s. */
export interface SchemaUsage {
  /** Definitions reachable from a body parameter's schema. */
  readonly input: ReadonlySet<string>;
  /** Definitions reachable from a response schema or `x-ms-notification-content`. */
  readonly output: ReadonlySet<string>;
}

const MAX_DEPTH = 256;
const cache = new WeakMap<Connector, SchemaUsage>();

function reach(
  definitions: JsonObject,
  roots: Iterable<JsonObject>,
  names: Map<string, string | undefined>,
): Set<string> {
  const found = new Set<string>();
  const walk = (raw: JsonObject, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const ref = refOf(raw);
    if (ref !== undefined) {
      let name = names.get(ref);
      if (name === undefined && !names.has(ref)) {
        name = definitionNameOf(ref);
        names.set(ref, name);
      }
      if (name === undefined || found.has(name)) return;
      found.add(name);
      const target = ownObject(definitions, name);
      if (target) walk(target, depth + 1);
      return;
    }
    forEachSubschema(raw, (child) => walk(child, depth + 1));
  };
  for (const root of roots) walk(root, 0);
  return found;
}

/** Definitions used by requests and by responses; computed once per connector. */
export function schemaUsage(connector: Connector): SchemaUsage {
  let usage = cache.get(connector);
  if (usage) return usage;
  // Sets: operations share path-level bodies and `$ref`ed responses, which need walking once.
  const inputs = new Set<JsonObject>();
  const outputs = new Set<JsonObject>();
  for (const item of connector.definition.paths) {
    const content = item.notificationContent?.schema;
    if (content) outputs.add(content);
    for (const op of item.operations) {
      for (const p of op.parameters) if (p.in === 'body' && p.schema) inputs.add(p.schema);
      for (const r of op.responses) if (r.schema) outputs.add(r.schema);
    }
  }
  const { definitions } = connector.definition;
  // Definition names by `$ref`: the same few refs occur thousands of times.
  const names = new Map<string, string | undefined>();
  usage = { input: reach(definitions, inputs, names), output: reach(definitions, outputs, names) };
  cache.set(connector, usage);
  return usage;
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
