import { readParameter } from '../connector/definition.ts';
import { entries, isObject, type JsonObject, own, ownArray, ownObject } from '../connector/json.ts';
import type { Connector, Operation, Parameter, Response } from '../connector/model.ts';
import { escapeSegment, join } from '../connector/pointer.ts';
import type { SchemaNode } from './rule.ts';

/** Inline nesting deeper than this is not walked further (SchemaTooDeep reports it). */
export const MAX_WALK_DEPTH = 128;

export interface WalkCallbacks {
  parameter(parameter: Parameter): void;
  response(response: Response, operation: Operation | undefined): void;
  schema(node: SchemaNode): void;
}

/**
 * A schema node whose pointer is built only when asked for: the walk visits hundreds of thousands
 * of nodes and rules need the pointer of very few (those they report).
 */
class Node implements SchemaNode {
  readonly raw: JsonObject;
  readonly role: SchemaNode['role'];
  readonly holder: SchemaNode['holder'];
  readonly depth: number;
  readonly parent: Node | undefined;
  readonly propertyName: string | undefined;
  readonly via: SchemaNode['via'];
  /** An `allOf` member's index, for its pointer. */
  private readonly index: number;
  /** The pointer: a root's is given, the others' are built when asked for. */
  private cached: string | undefined;

  constructor(
    raw: JsonObject,
    root: string,
    index: number,
    role: SchemaNode['role'],
    holder: SchemaNode['holder'],
    parent: Node | undefined,
    propertyName: string | undefined,
    via: SchemaNode['via'],
  ) {
    this.raw = raw;
    this.cached = parent ? undefined : root;
    this.index = index;
    this.role = role;
    this.holder = holder;
    this.depth = parent ? parent.depth + 1 : 0;
    this.parent = parent;
    this.propertyName = propertyName;
    this.via = via;
  }

  get pointer(): string {
    if (this.cached === undefined) {
      const parent = this.parent as Node;
      if (this.via === 'property')
        this.cached = `${parent.pointer}/properties/${escapeSegment(this.propertyName as string)}`;
      else if (this.via === 'allOf') this.cached = `${parent.pointer}/allOf/${this.index}`;
      else this.cached = `${parent.pointer}/${this.via}`;
    }
    return this.cached;
  }
}

/** What a schema walk calls for each node. */
export type SchemaVisitor = Pick<WalkCallbacks, 'schema'>;

/** Visits a schema and everything nested in it, without following `$ref`s. */
export function walkSchema(
  raw: JsonObject,
  pointer: string,
  role: SchemaNode['role'],
  holder: SchemaNode['holder'],
  visit: SchemaVisitor,
  propertyName?: string,
): void {
  walkNode(new Node(raw, pointer, -1, role, holder, undefined, propertyName, 'root'), visit);
}

function walkNode(node: Node, visit: SchemaVisitor): void {
  visit.schema(node);
  if (node.depth >= MAX_WALK_DEPTH) return;
  const { raw, role } = node;
  const properties = own(raw, 'properties');
  if (isObject(properties)) {
    for (const name in properties) {
      const prop = properties[name];
      if (isObject(prop)) walkNode(new Node(prop, '', -1, role, 'schema', node, name, 'property'), visit);
    }
  }
  const items = own(raw, 'items');
  if (isObject(items)) {
    const holder = node.holder === 'schema' ? 'schema' : 'items';
    walkNode(new Node(items, '', -1, role, holder, node, undefined, 'items'), visit);
  }
  const additional = own(raw, 'additionalProperties');
  if (isObject(additional)) {
    walkNode(new Node(additional, '', -1, role, 'schema', node, undefined, 'additionalProperties'), visit);
  }
  const allOf = ownArray(raw, 'allOf');
  if (allOf) {
    for (let i = 0; i < allOf.length; i++) {
      const part = allOf[i];
      if (isObject(part)) walkNode(new Node(part, '', i, role, 'schema', node, undefined, 'allOf'), visit);
    }
  }
}

function walkHeaders(headers: JsonObject, pointer: string, visit: SchemaVisitor): void {
  for (const name in headers) {
    const header = headers[name];
    if (isObject(header))
      walkSchema(header, `${pointer}/${escapeSegment(name)}`, 'output', 'header', visit, name);
  }
}

/**
 * Walks every node of a connector's swagger once: parameters and responses (shared ones once, not
 * per use), and every schema-like node under definitions, parameters, responses and notification
 * content.
 */
export function walkDefinition(connector: Connector, cb: WalkCallbacks): void {
  const walk = new DefinitionWalk(cb);
  for (const item of connector.definition.paths) {
    for (const p of item.parameters) walk.parameter(p);
    const content = item.notificationContent;
    if (content?.schema) walkSchema(content.schema, `${content.pointer}/schema`, 'output', 'schema', cb);
    for (const op of item.operations) {
      for (const p of op.parameters) walk.parameter(p);
      for (const r of op.responses) walk.response(r, op);
    }
  }
  const { definitions, sharedParameters, sharedResponses, raw } = connector.definition;
  for (const [name, value] of entries(sharedParameters)) {
    if (!isObject(value) || typeof own(value, '$ref') === 'string') continue;
    const pointer = join('/parameters', name);
    if (walk.seenParams.has(pointer)) continue;
    const param = readParameter(raw ?? {}, value, pointer, 'shared');
    if (param) walk.parameter(param);
  }
  for (const [name, value] of entries(sharedResponses)) {
    if (!isObject(value) || typeof own(value, '$ref') === 'string') continue;
    const pointer = join('/responses', name);
    if (walk.seenResponses.has(pointer)) continue;
    walk.response(
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
    for (const name in definitions) {
      const value = definitions[name];
      if (isObject(value))
        walkSchema(value, `/definitions/${escapeSegment(name)}`, 'definition', 'schema', cb);
    }
  }
}

/** Parameters and responses a walk has visited, each once (shared ones are used many times). */
class DefinitionWalk {
  readonly seenParams = new Set<string>();
  readonly seenResponses = new Set<string>();
  private readonly cb: WalkCallbacks;

  constructor(cb: WalkCallbacks) {
    this.cb = cb;
  }

  parameter(p: Parameter): void {
    if (this.seenParams.has(p.pointer)) return;
    this.seenParams.add(p.pointer);
    this.cb.parameter(p);
    if (p.in === 'body') {
      if (p.schema) walkSchema(p.schema, `${p.pointer}/schema`, 'input', 'schema', this.cb);
    } else walkSchema(p.raw, p.pointer, 'input', 'parameter', this.cb, p.name);
  }

  response(r: Response, op: Operation | undefined): void {
    if (this.seenResponses.has(r.pointer)) return;
    this.seenResponses.add(r.pointer);
    this.cb.response(r, op);
    if (r.schema) walkSchema(r.schema, `${r.pointer}/schema`, 'output', 'schema', this.cb);
    const headers = own(r.raw, 'headers');
    if (isObject(headers)) walkHeaders(headers, `${r.pointer}/headers`, this.cb);
  }
}
