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
  const parts: string[] = [];
  for (let n: SchemaNode | undefined = node; n?.parent; n = n.parent) {
    if (n.via === 'property') parts.push(`.${n.propertyName}`);
    else if (n.via === 'items') parts.push('[]');
    else if (n.via === 'additionalProperties') parts.push('.*');
  }
  return parts.reverse().join('').replace(/^\./, '');
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
  const escaped = root.pointer === '' ? [] : root.pointer.slice(1).split('/');
  const segment = (i: number) => {
    const s = escaped[i];
    return s === undefined ? undefined : unescapeSegment(s);
  };
  const [first] = escaped;
  if (first === 'definitions') return `definition \`${segment(1)}\``;
  if (first === 'responses') return `shared response \`${segment(1)}\``;
  if (first === 'parameters') return `the body of shared parameter \`${segment(1)}\``;
  if (escaped.includes('x-ms-notification-content')) return `the notification content of \`${segment(1)}\``;
  const op = operationName(segment(1) ?? '', segment(2) ?? '', connector);
  if (escaped[3] === 'responses') return `the \`${segment(4)}\` response schema of \`${op}\``;
  return `the request body of \`${op}\``;
}
