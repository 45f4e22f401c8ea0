/**
 * The mock as a validation proxy (`flowport mock --proxy <url>`, Prism's proxy mode): every request is
 * forwarded to the real API and its answer returned unchanged, while the request is checked against
 * the operation it matched and the answer against the operation's response schema — the differences
 * between the swagger and the API, found by using the API.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonValue } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { responseConformance } from '../runtime/response-conformance.ts';
import type { ResponseBody } from '../runtime/types.ts';

/** Hop-by-hop headers, and those the forwarding itself sets. */
const DROPPED_REQUEST = new Set([
  'host',
  'connection',
  'content-length',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
]);
/** `fetch` has decoded the body, so its encoding and length no longer hold. */
const DROPPED_RESPONSE = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

/** The upstream base URL (`scheme://host/basePath`), checked once. */
export function proxyTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FlowportError(
      'USAGE',
      `\`--proxy ${raw}\` is not a URL; give the API's base, such as https://api.contoso.com/v1.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FlowportError('USAGE', `\`--proxy\` takes an http or https URL, not ${url.protocol}.`);
  return url;
}

export interface Forwarded {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly bytes: Uint8Array;
  /** How the answer differs from the schema of the operation (empty when no operation matched). */
  readonly findings: readonly { readonly at: string; readonly message: string }[];
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
  const base = target.href.replace(/\/$/, '');
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || DROPPED_REQUEST.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let response: Response;
  try {
    response = await fetch(`${base}${request.path}${request.search}`, {
      method: request.method,
      headers,
      ...(request.body && request.method !== 'GET' && request.method !== 'HEAD' && { body: request.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    const message = `The API at ${target.origin} could not be reached (${cause}).`;
    return {
      status: 502,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      bytes: new TextEncoder().encode(JSON.stringify({ error: { code: 'MOCK_PROXY_UNREACHABLE', message } })),
      findings: [],
    };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE.has(name)) out[name] = value;
  });
  return {
    status: response.status,
    headers: out,
    bytes,
    findings: operation ? checked(connector, operation, response, bytes) : [],
  };
}

function checked(
  connector: Connector,
  operation: Operation,
  response: Response,
  bytes: Uint8Array,
): { at: string; message: string }[] {
  const type = response.headers.get('content-type') ?? '';
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
