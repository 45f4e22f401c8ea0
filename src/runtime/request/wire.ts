import { FlowportError } from '../../errors.ts';
import type { RequestBody, RuntimeRequest, WireRequest } from '../types.ts';
import { essence } from './media-type.ts';
import { encodeMultipart, randomBoundary } from './multipart.ts';
import { hasDotSegment } from './path-encoding.ts';

export interface WireOptions {
  /** Origins (`https://api.contoso.com`) the request may go to; any other is `UPSTREAM_HOST_REFUSED`. */
  readonly allowedOrigins?: readonly string[];
}

const encoder = new TextEncoder();

/**
 * Serialises a request for the transport: one URL (`absoluteUrl`, or `baseUrl` + `path` + the query
 * percent-encoded once), a copy of the headers with `Content-Type` added when a body has none, and
 * the body bytes. Refuses (`REQUEST_UNSAFE`) URLs that are not http(s), carry credentials, contain a
 * backslash or control character, or have a `.`/`..` segment; `UPSTREAM_HOST_REFUSED` outside
 * `allowedOrigins`.
 *
 * @example
 * toWireRequest(request, { allowedOrigins: ['https://api.contoso.com'] }).url;
 */
export function toWireRequest(request: RuntimeRequest, options: WireOptions = {}): WireRequest {
  const url = checkUrl(request.absoluteUrl ?? joinUrl(request), options.allowedOrigins);
  const headers = new Headers(request.headers);
  const body = serialiseBody(request.body, headers);
  return { method: request.method.toUpperCase(), url, headers, body };
}

function joinUrl(request: RuntimeRequest): string {
  const query = [...request.query]
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  const path = request.path === '' || request.path.startsWith('/') ? request.path : `/${request.path}`;
  return `${request.baseUrl}${path}${query === '' ? '' : `?${query}`}`;
}

function checkUrl(text: string, allowedOrigins: readonly string[] | undefined): string {
  const unsafe = (why: string): never => {
    throw new FlowportError('REQUEST_UNSAFE', `The request URL ${why}; flowport does not send it.`);
  };
  // WHATWG parsers read `\` as `/` and drop tabs and newlines, so such a URL is not what it seems.
  if (hasUnsafeCharacter(text)) unsafe('contains a backslash, a space or a control character');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return unsafe('is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    unsafe(`uses \`${url.protocol}\`, not http or https`);
  if (url.username !== '' || url.password !== '' || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(text))
    unsafe('carries credentials (`user@host`)');
  const rawPath = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  if (hasDotSegment(rawPath)) unsafe('has a `.` or `..` path segment (also when percent-encoded)');
  if (allowedOrigins !== undefined && !allowedOrigins.some((o) => sameOrigin(o, url.origin)))
    throw new FlowportError(
      'UPSTREAM_HOST_REFUSED',
      `The request would go to \`${url.origin}\`, which is not the connector's host (${allowedOrigins.map((o) => `\`${o}\``).join(', ') || 'none allowed'}); check the policy or link that set it.`,
    );
  return url.href;
}

function hasUnsafeCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

function sameOrigin(allowed: string, origin: string): boolean {
  try {
    return new URL(allowed).origin === origin;
  } catch {
    return false;
  }
}

function serialiseBody(body: RequestBody, headers: Headers): Uint8Array | undefined {
  const contentType = (fallback: string) => {
    if (!headers.has('content-type')) headers.set('Content-Type', fallback);
  };
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      contentType('application/json');
      return encoder.encode(JSON.stringify(body.value));
    case 'form':
      contentType('application/x-www-form-urlencoded');
      return encoder.encode(new URLSearchParams(body.fields).toString());
    case 'text':
      contentType('text/plain; charset=utf-8');
      return encoder.encode(body.text);
    case 'binary':
      contentType('application/octet-stream');
      return body.bytes;
    case 'multipart': {
      const declared = headers.get('content-type');
      const type =
        declared !== null && essence(declared).startsWith('multipart/')
          ? essence(declared)
          : 'multipart/form-data';
      for (let attempt = 0; ; attempt++) {
        const boundary = randomBoundary();
        try {
          const bytes = encodeMultipart(body.parts, boundary);
          headers.set('Content-Type', `${type}; boundary=${boundary}`);
          return bytes;
        } catch (error) {
          if (!(error instanceof RangeError) || attempt > 3) throw error;
        }
      }
    }
  }
}
