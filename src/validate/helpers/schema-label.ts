import { type JsonValue, own, ownString } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import { unescapeSegment } from '../../connector/pointer.ts';
import type { SchemaNode } from '../rule.ts';
import { rootOf } from './schema-graph.ts';

/**
 * Names a schema node for messages: `` Parameter `top` ``, `` Response header `ETag` ``,
 * `` Property `address.city` of definition `Customer` ``, `` The `200` response schema of `ListTasks` ``.
 * With the connector, operations are named by their `operationId`.
 * @example schemaLabel(node) // "Property `items[].id` of definition `Page`"
 */
export function schemaLabel(node: SchemaNode, connector?: Connector): string {
  const root = rootOf(node);
  const path = propertyPath(node);
  if (root.holder === 'parameter' || root.holder === 'header') {
    const what = `${root.holder === 'header' ? 'response header' : 'parameter'} \`${root.propertyName}\``;
    return path ? `Items of ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
  }
  const where = describeRoot(root, connector);
  if (!path) return where.charAt(0).toUpperCase() + where.slice(1);
  if (path === '[]') return `Items of ${where}`;
  if (!/[^[\].*]/.test(path)) return `Items \`${path}\` of ${where}`;
  return `Property \`${path}\` of ${where}`;
}

/** `address.lines[].text` for a node reached through properties and items; empty for a root. */
export function propertyPath(node: SchemaNode): string {
  // Built from the node up, without a parts array: asked for each finding on a schema node.
  let path = '';
  for (let n: SchemaNode | undefined = node; n?.parent; n = n.parent) {
    if (n.via === 'property') path = `.${n.propertyName}${path}`;
    else if (n.via === 'items') path = `[]${path}`;
    else if (n.via === 'additionalProperties') path = `.*${path}`;
  }
  return path.startsWith('.') ? path.slice(1) : path;
}

function operationName(path: string, method: string, connector: Connector | undefined): string {
  const id = connector
    ? ownString(step(step(step(connector.definition.raw, 'paths'), path), method), 'operationId')
    : undefined;
  return id ?? `${method.toUpperCase()} ${path}`;
}

/** One step of a JSON pointer (as `at` takes it), without building and splitting a pointer. */
function step(node: JsonValue | undefined, segment: string): JsonValue | undefined {
  if (Array.isArray(node)) return INDEX.test(segment) ? node[Number(segment)] : undefined;
  return own(node, segment);
}

const INDEX = /^(0|[1-9]\d*)$/;

/** The last root described: rules report on the nodes under one root while the engine walks it. */
let last: { root?: SchemaNode; connector?: Connector; where: string } = { where: '' };

function describeRoot(root: SchemaNode, connector: Connector | undefined): string {
  if (root !== last.root || connector !== last.connector) {
    last = { root, connector, where: rootDescription(root, connector) };
  }
  return last.where;
}

function rootDescription(root: SchemaNode, connector: Connector | undefined): string {
  // Segments are compared escaped (the keywords have no `~` or `/`) and unescaped only when named.
  const { pointer } = root;
  const name = (i: number) => {
    const s = segmentAt(pointer, i);
    return s === undefined ? undefined : unescapeSegment(s);
  };
  const first = segmentAt(pointer, 0);
  if (first === 'definitions') return `definition \`${name(1)}\``;
  if (first === 'responses') return `shared response \`${name(1)}\``;
  if (first === 'parameters') return `the body of shared parameter \`${name(1)}\``;
  if (hasSegment(pointer, NOTIFICATION_CONTENT)) return `the notification content of \`${name(1)}\``;
  const op = operationName(name(1) ?? '', name(2) ?? '', connector);
  if (segmentAt(pointer, 3) === 'responses') return `the \`${name(4)}\` response schema of \`${op}\``;
  return `the request body of \`${op}\``;
}

const NOTIFICATION_CONTENT = 'x-ms-notification-content';

/** Segment `index` of a pointer, still escaped; undefined past its end. Read in place, not split. */
function segmentAt(pointer: string, index: number): string | undefined {
  if (pointer === '') return undefined;
  let start = 1;
  for (let i = 0; i < index; i++) {
    const slash = pointer.indexOf('/', start);
    if (slash < 0) return undefined;
    start = slash + 1;
  }
  const end = pointer.indexOf('/', start);
  return end < 0 ? pointer.slice(start) : pointer.slice(start, end);
}

/** Whether a segment of the pointer, still escaped, is `segment`. */
function hasSegment(pointer: string, segment: string): boolean {
  const slashed = `/${segment}`;
  for (let at = pointer.indexOf(slashed); at >= 0; at = pointer.indexOf(slashed, at + 1)) {
    const end = at + slashed.length;
    if (end === pointer.length || pointer.charCodeAt(end) === SLASH) return true;
  }
  return false;
}

const SLASH = 0x2f;
