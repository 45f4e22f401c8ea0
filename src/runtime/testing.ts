/** Test helpers shared by the runtime's tests: in-memory connectors and a recording transport. */

import type { JsonValue } from '../connector/json.ts';
import { connectorFromFiles } from '../connector/load.ts';
import type { Connector } from '../connector/model.ts';
import type { RuntimeResponse, Transport, WireRequest } from './types.ts';

const encoder = new TextEncoder();

/** An in-memory connector from a swagger object, the `properties` of apiProperties.json and other files. */
export function memoryConnector(
  swagger: unknown,
  properties: Record<string, unknown> = {},
  files: Record<string, string> = {},
): Connector {
  return connectorFromFiles(
    [
      { name: 'apiDefinition.swagger.json', bytes: encoder.encode(JSON.stringify(swagger)) },
      { name: 'apiProperties.json', bytes: encoder.encode(JSON.stringify({ properties })) },
      ...Object.entries(files).map(([name, text]) => ({ name, bytes: encoder.encode(text) })),
    ],
    { source: 'test', kind: 'unknown' },
  );
}

export type Responder = (request: WireRequest, index: number) => RuntimeResponse | Promise<RuntimeResponse>;

export interface RecordingTransport extends Transport {
  readonly sent: WireRequest[];
}

/** A transport that records what it is asked to send and answers with `responder`. */
export function recordingTransport(responder: Responder): RecordingTransport {
  const sent: WireRequest[] = [];
  return {
    sent,
    async send(request) {
      sent.push(request);
      return responder(request, sent.length - 1);
    },
    close: async () => {},
  };
}

/** A JSON response. */
export function json(
  status: number,
  value: JsonValue,
  headers: Record<string, string> = {},
): RuntimeResponse {
  return {
    status,
    headers: new Headers({ 'content-type': 'application/json', ...headers }),
    body: { kind: 'json', value },
  };
}
