import { readParameter } from '../connector/definition.ts';
import {
  entries,
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
  ownObject,
} from '../connector/json.ts';
import type { Connector, Operation, Parameter, Response } from '../connector/model.ts';
import { join } from '../connector/pointer.ts';
import type { SchemaNode } from './rule.ts';

/** Inline nesting deeper than this is not walked further (SchemaTooDeep reports it). */
export const MAX_WALK_DEPTH = 128;

export interface WalkCallbacks {
  parameter(parameter: Parameter): void;
  response(response: Response, operation: Operation | undefined): void;
  schema(node: SchemaNode): void;
}

/** Visits a schema and everything nested in it, without following `$ref`s. */
export function walkSchema(
  raw: JsonObject,
  pointer: string,
  role: SchemaNode['role'],
  holder: SchemaNode['holder'],
  visit: (node: SchemaNode) => void,
  parent?: SchemaNode,
  propertyName?: string,
  via: SchemaNode['via'] = 'root',
): void {
  const node: SchemaNode = {
    raw,
    pointer,
    role,
    holder,
    depth: parent ? parent.depth + 1 : 0,
    parent,
    propertyName,
    via,
  };
  visit(node);
  if (node.depth >= MAX_WALK_DEPTH) return;
  for (const [name, prop] of entries(ownObject(raw, 'properties'))) {
    if (isObject(prop))
      walkSchema(prop, join(pointer, 'properties', name), role, 'schema', visit, node, name, 'property');
  }
  const items = own(raw, 'items');
  if (isObject(items))
    walkSchema(
      items,
      join(pointer, 'items'),
      role,
      holder === 'schema' ? 'schema' : 'items',
      visit,
      node,
      undefined,
      'items',
    );
  const additional = own(raw, 'additionalProperties');
  if (isObject(additional)) {
    walkSchema(
      additional,
      join(pointer, 'additionalProperties'),
      role,
      'schema',
      visit,
      node,
      undefined,
      'additionalProperties',
    );
  }
  (ownArray(raw, 'allOf') ?? []).forEach((part, i) => {
    if (isObject(part))
      walkSchema(part, join(pointer, 'allOf', i), role, 'schema', visit, node, undefined, 'allOf');
  });
}

function walkHeaders(
  headers: JsonValue | undefined,
  pointer: string,
  visit: (node: SchemaNode) => void,
): void {
  for (const [name, header] of entries(headers)) {
    if (isObject(header)) walkSchema(header, join(pointer, name), 'output', 'header', visit, undefined, name);
  }
}

/**
 * Walks every node of a connector's swagger once: parameters and responses (shared ones once, not
 * per use), and every schema-like node under definitions, parameters, responses and notification
 * content.
 */
export function walkDefinition(connector: Connector, cb: WalkCallbacks): void {
  const seenParams = new Set<string>();
  const seenResponses = new Set<string>();
  const visitParameter = (p: Parameter) => {
    if (seenParams.has(p.pointer)) return;
    seenParams.add(p.pointer);
    cb.parameter(p);
    if (p.in === 'body') {
      if (p.schema) walkSchema(p.schema, join(p.pointer, 'schema'), 'input', 'schema', cb.schema);
    } else walkSchema(p.raw, p.pointer, 'input', 'parameter', cb.schema, undefined, p.name);
  };
  const visitResponse = (r: Response, op: Operation | undefined) => {
    if (seenResponses.has(r.pointer)) return;
    seenResponses.add(r.pointer);
    cb.response(r, op);
    if (r.schema) walkSchema(r.schema, join(r.pointer, 'schema'), 'output', 'schema', cb.schema);
    walkHeaders(own(r.raw, 'headers'), join(r.pointer, 'headers'), cb.schema);
  };

  for (const item of connector.definition.paths) {
    for (const p of item.parameters) visitParameter(p);
    const content = item.notificationContent;
    if (content?.schema)
      walkSchema(content.schema, join(content.pointer, 'schema'), 'output', 'schema', cb.schema);
    for (const op of item.operations) {
      for (const p of op.parameters) visitParameter(p);
      for (const r of op.responses) visitResponse(r, op);
    }
  }
  const { definitions, sharedParameters, sharedResponses, raw } = connector.definition;
  for (const [name, value] of entries(sharedParameters)) {
    if (!isObject(value) || typeof own(value, '$ref') === 'string') continue;
    const pointer = join('/parameters', name);
    if (seenParams.has(pointer)) continue;
    const param = readParameter(raw ?? {}, value, pointer, 'shared');
    if (param) visitParameter(param);
  }
  for (const [name, value] of entries(sharedResponses)) {
    if (!isObject(value) || typeof own(value, '$ref') === 'string') continue;
    const pointer = join('/responses', name);
    if (seenResponses.has(pointer)) continue;
    visitResponse(
      {
        status: name,
        description: undefined,
        schema: ownObject(value, 'schema'),
        raw: value,
        pointer,
        ref: undefined,
      },
      undefined,
    );
  }
  if (raw) {
    for (const [name, value] of entries(definitions)) {
      if (isObject(value)) walkSchema(value, join('/definitions', name), 'definition', 'schema', cb.schema);
    }
  }
}
