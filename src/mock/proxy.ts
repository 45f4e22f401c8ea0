/**
 * The mock as a validation proxy (`flowport mock --proxy <url>`, Prism's proxy mode): every request is
 * forwarded to the real API and its answer returned unchanged, while the request is checked against
 * the operation it matched and the answer against the operation's response schema — the differences
 * between the swagger and the API, found by using the API.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonValue } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { relay, relayTarget } from '../relay/forward.ts';
import { responseConformance } from '../runtime/response-conformance.ts';
import type { ResponseBody } from '../runtime/types.ts';

/** The upstream base URL (`scheme://host/basePath`), checked once. */
export function proxyTarget(raw: string): URL {
  return relayTarget(raw, '--proxy');
}

export interface Forwarded {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly bytes: Uint8Array;
  /** How the answer differs from the schema of the operation (empty when no operation matched). */
  readonly findings: readonly { readonly at: string; readonly message: string }[];
  /** The API could not be reached: the answer is the mock's own 502, not the API's. */
  readonly unreachable?: true;
}

/**
 * Sends the request to `target` + `path` (the path below the mock's basePath) and reads the answer;
 * an unreachable API is answered `502` with the cause.
 */
export async function forward(
  connector: Connector,
  target: URL,
  request: {
    readonly method: string;
    readonly path: string;
    readonly search: string;
    readonly headers: IncomingHttpHeaders;
    readonly body: Uint8Array | undefined;
  },
  operation: Operation | undefined,
): Promise<Forwarded> {
  const answer = await relay(target, request);
  if ('unreachable' in answer) {
    const message = `The API at ${target.origin} could not be reached (${answer.unreachable}).`;
    return {
      status: 502,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      bytes: new TextEncoder().encode(JSON.stringify({ error: { code: 'MOCK_PROXY_UNREACHABLE', message } })),
      findings: [],
      unreachable: true,
    };
  }
  return {
    status: answer.status,
    headers: answer.headers,
    bytes: answer.bytes,
    findings: operation ? checked(connector, operation, answer, answer.bytes) : [],
  };
}

function checked(
  connector: Connector,
  operation: Operation,
  response: { readonly status: number; readonly headers: Record<string, string | string[]> },
  bytes: Uint8Array,
): { at: string; message: string }[] {
  const type = String(response.headers['content-type'] ?? '');
  let body: ResponseBody = { kind: 'none' };
  if (bytes.length > 0) {
    const text = new TextDecoder().decode(bytes);
    if (/json/i.test(type)) {
      try {
        body = { kind: 'json', value: JSON.parse(text) as JsonValue };
      } catch {
        body = { kind: 'text', text };
      }
    } else body = { kind: 'text', text };
  }
  const { findings } = responseConformance(connector, operation, { status: response.status, body });
  return findings
    .filter((f) => f.severity === 'warning')
    .map((f) => ({ at: `answer${f.at}`, message: f.message }));
}
