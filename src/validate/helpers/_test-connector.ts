import { connectorFromFiles } from '../../connector/load.ts';
import type { Connector } from '../../connector/model.ts';
import type { SchemaNode } from '../rule.ts';
import { walkDefinition } from '../walk.ts';

/** An in-memory connector from a swagger object, for helper tests. */
export function testConnector(swagger: unknown): Connector {
  const bytes = new TextEncoder().encode(JSON.stringify(swagger));
  return connectorFromFiles([{ name: 'apiDefinition.swagger.json', bytes }], {
    source: 'test',
    kind: 'unknown',
  });
}

/** Every schema node the engine visits, keyed by pointer. */
export function schemaNodes(connector: Connector): Map<string, SchemaNode> {
  const nodes = new Map<string, SchemaNode>();
  walkDefinition(connector, { parameter() {}, response() {}, schema: (n) => nodes.set(n.pointer, n) });
  return nodes;
}
