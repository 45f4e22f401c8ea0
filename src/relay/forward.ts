/**
 * Passing a request on to an API and its answer back, as a reverse proxy does: `flowport mock --proxy`
 * (a validation proxy) and `flowport record` (a recording proxy) both forward with this.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { FlowportError } from '../errors.ts';

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

/** The upstream base URL (`scheme://host/basePath`) given to `flag`, checked once. */
export function relayTarget(raw: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FlowportError(
      'USAGE',
      `\`${flag} ${raw}\` is not a URL; give the API's base, such as https://api.contoso.com/v1.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FlowportError('USAGE', `\`${flag}\` takes an http or https URL, not ${url.protocol}.`);
  return url;
}

export interface RelayRequest {
  readonly method: string;
  /** Below the target's base (`/tasks/1`). */
  readonly path: string;
  /** `?top=5`, or `''`. */
  readonly search: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Uint8Array | undefined;
}

export type Relayed =
  | {
      readonly status: number;
      readonly statusText: string;
      /** The answer's headers, without those that no longer hold for the decoded body; `set-cookie` one per cookie. */
      readonly headers: Record<string, string | string[]>;
      readonly bytes: Uint8Array;
    }
  | { readonly unreachable: string };

/** The URL a request goes to: the target's base followed by the request's path and query. */
export function relayUrl(target: URL, request: Pick<RelayRequest, 'path' | 'search'>): string {
  return `${relayBase(target)}${request.path}${request.search}`;
}

/** The target's base URL without a trailing slash (`https://api.contoso.com/v1`). */
export function relayBase(target: URL): string {
  return target.href.replace(/\/$/, '');
}

/** Sends the request on to `target` and reads the answer; `{ unreachable }` names why none came. */
export async function relay(target: URL, request: RelayRequest): Promise<Relayed> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || DROPPED_REQUEST.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let response: Response;
  try {
    response = await fetch(relayUrl(target, request), {
      method: request.method,
      headers,
      ...(request.body && request.method !== 'GET' && request.method !== 'HEAD' && { body: request.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    return { unreachable: (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE.has(name) && name !== 'set-cookie') out[name] = value;
  });
  // Cookies cannot be joined into one header as others can: each stays its own.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return { status: response.status, statusText: response.statusText, headers: out, bytes };
}
