import type { JsonObject, JsonValue } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import type { Connector } from '../../connector/model.ts';
import type { Arguments, RuntimeResponse } from '../types.ts';
import type { CallOperation } from './call.ts';

const encoder = new TextEncoder();

/** A connector from an inline swagger document (a Swagger 2.0 object, `swagger`/`info` added). */
export function connectorOf(swagger: JsonObject): Connector {
  const document = {
    swagger: '2.0',
    info: { title: 'Test', version: '1.0' },
    host: 'api.example.com',
    ...swagger,
  };
  return connectorFromFiles(
    [{ name: 'apiDefinition.swagger.json', bytes: encoder.encode(JSON.stringify(document)) }],
    {
      source: 'test',
    },
  );
}

/** A canned answer: JSON `body` with `status` (200 by default), or a whole response. */
export type Canned = { readonly status?: number; readonly body?: JsonValue } | RuntimeResponse;

/** A fake `call` that answers from `routes` by operationId and records what it was given. */
export interface FakeCall {
  readonly call: CallOperation;
  readonly calls: { operationId: string; args: Arguments }[];
}

export function fakeCall(routes: Record<string, Canned | ((args: Arguments) => Canned)>): FakeCall {
  const calls: { operationId: string; args: Arguments }[] = [];
  const call: CallOperation = async (operationId, args) => {
    calls.push({ operationId, args });
    const route = routes[operationId];
    if (route === undefined) throw new Error(`The fake has no route for \`${operationId}\`.`);
    const canned = typeof route === 'function' ? route(args) : route;
    if ('headers' in canned) return canned;
    return {
      status: canned.status ?? 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: canned.body === undefined ? { kind: 'none' } : { kind: 'json', value: canned.body },
    };
  };
  return { call, calls };
}
