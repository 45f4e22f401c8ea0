import { connectorFromFiles } from '../../connector/load.ts';
import type { Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { RuntimeRequest } from '../types.ts';

const encoder = new TextEncoder();

/** Swagger 2.0 with one operation per id; `extra` is merged at the top (for `securityDefinitions`). */
export function swaggerWith(extra: Record<string, unknown> = {}, operationIds = ['ListItems']): unknown {
  const paths: Record<string, unknown> = {};
  for (const id of operationIds)
    paths[`/${id.toLowerCase()}`] = { get: { operationId: id, responses: { '200': { description: 'OK' } } } };
  return {
    swagger: '2.0',
    info: { title: 'Test', version: '1.0' },
    host: 'api.example.com',
    paths,
    ...extra,
  };
}

/** An in-memory connector from a swagger object and the `properties` of apiProperties.json. */
export function testConnector(swagger: unknown, properties: Record<string, unknown> = {}): Connector {
  return connectorFromFiles(
    [
      { name: 'apiDefinition.swagger.json', bytes: encoder.encode(JSON.stringify(swagger)) },
      { name: 'apiProperties.json', bytes: encoder.encode(JSON.stringify({ properties })) },
    ],
    { source: 'test', kind: 'unknown' },
  );
}

/** A connector with `connectionParameters` only and the given swagger extras. */
export function connectorWithParameters(
  connectionParameters: Record<string, unknown>,
  swaggerExtra: Record<string, unknown> = {},
): Connector {
  return testConnector(swaggerWith(swaggerExtra), { connectionParameters });
}

/** An empty GET request to `https://api.example.com/items`. */
export function testRequest(): RuntimeRequest {
  return {
    method: 'GET',
    baseUrl: 'https://api.example.com',
    path: '/items',
    query: new URLSearchParams(),
    headers: new Headers(),
    body: { kind: 'none' },
  };
}

/** Runs `fn` and returns the `FlowportError` it throws (sync or async); fails when it does not throw one. */
export async function flowportErrorOf(fn: () => unknown): Promise<FlowportError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof FlowportError) return error;
    throw error;
  }
  throw new Error('expected a FlowportError');
}
