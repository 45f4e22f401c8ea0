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
 * percent-encoded once), the headers — the request's own object, or a copy when a `Content-Type` is
 * added for a body that has none — and the body bytes. Refuses (`REQUEST_UNSAFE`) URLs that are not http(s), carry credentials, contain a
 * backslash or control character, or have a `.`/`..` segment; `UPSTREAM_HOST_REFUSED` outside
 * `allowedOrigins`.
 *
 * @example
 * toWireRequest(request, { allowedOrigins: ['https://api.contoso.com'] }).url;
 */
export function toWireRequest(request: RuntimeRequest, options: WireOptions = {}): WireRequest {
  const url =
    request.absoluteUrl === undefined
      ? (fastUrl(request, options.allowedOrigins) ?? checkUrl(joinUrl(request), options.allowedOrigins))
      : checkUrl(request.absoluteUrl, options.allowedOrigins);
  const body = serialiseBody(request.body, request.headers);
  let headers = request.headers;
  // Copied only when a `Content-Type` is added: the request's own headers never change.
  if (body.contentType !== undefined) {
    headers = new Headers(headers);
    headers.set('Content-Type', body.contentType);
  }
  return { method: request.method.toUpperCase(), url, headers, body: body.bytes };
}

function joinUrl(request: RuntimeRequest): string {
  const query = queryText(request.query);
  const path = request.path === '' || request.path.startsWith('/') ? request.path : `/${request.path}`;
  return `${request.baseUrl}${path}${query === '' ? '' : `?${query}`}`;
}

/** The query, each name and value percent-encoded once (`encodeURIComponent`), joined by `&`. */
function queryText(query: URLSearchParams): string {
  let text = '';
  query.forEach((value, name) => {
    text += `${text === '' ? '' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  });
  return text;
}

interface BaseInfo {
  /** The base as the URL parser writes it, when that is the text itself; undefined otherwise. */
  readonly normal: string | undefined;
  readonly origin: string;
}

const bases = new Map<string, BaseInfo | undefined>();

function baseInfo(base: string): BaseInfo | undefined {
  if (bases.has(base)) return bases.get(base);
  let info: BaseInfo | undefined;
  try {
    const url = new URL(base);
    const normal = `${url.origin}${url.pathname}`.replace(/\/$/, '');
    const plain =
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === '' &&
      normal === base &&
      !hasUnsafeCharacter(base) &&
      !hasDotSegment(url.pathname);
    info = plain ? { normal, origin: url.origin } : undefined;
  } catch {
    info = undefined;
  }
  if (bases.size > 256) bases.clear();
  bases.set(base, info);
  return info;
}

/**
 * Characters the URL parser keeps as they are in a path and in a query of an http(s) URL (it would
 * percent-encode `'` in a query, spaces, quotes, `<`, `>`, backticks and braces): 1 at their code.
 */
const KEPT = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&()*+,;=:@/%?')
  KEPT[c.charCodeAt(0)] = 1;

function allKept(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || KEPT[code] === 0) return false;
  }
  return true;
}

/**
 * The URL without parsing it again, when the base URL is already in the parser's form and the path
 * and query hold only characters the parser keeps: the result is then what `new URL()` gives. Any
 * other request takes the full check.
 */
function fastUrl(request: RuntimeRequest, allowedOrigins: readonly string[] | undefined): string | undefined {
  const info = baseInfo(request.baseUrl);
  if (info === undefined) return undefined;
  // An empty path (then a query follows the base directly) takes the full check.
  if (request.path === '') return undefined;
  const path = request.path.charCodeAt(0) === 47 ? request.path : `/${request.path}`;
  if (!allKept(path)) return undefined;
  const mark = path.indexOf('?');
  if (hasDotSegment(mark < 0 ? path : path.slice(0, mark))) return undefined;
  const query = queryText(request.query);
  if (!allKept(query)) return undefined;
  if (allowedOrigins !== undefined && !allowedOrigins.some((o) => sameOrigin(o, info.origin)))
    return undefined;
  return query === '' ? `${request.baseUrl}${path}` : `${request.baseUrl}${path}?${query}`;
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

const origins = new Map<string, string | undefined>();

/** `allowed` is an origin or a URL; its origin is computed once per distinct string. */
function sameOrigin(allowed: string, origin: string): boolean {
  let normal = origins.get(allowed);
  if (normal === undefined && !origins.has(allowed)) {
    try {
      normal = new URL(allowed).origin;
    } catch {
      normal = undefined;
    }
    if (origins.size > 256) origins.clear();
    origins.set(allowed, normal);
  }
  return normal === origin;
}

interface SerialisedBody {
  readonly bytes: Uint8Array | undefined;
  /** The `Content-Type` to set: the body's own when the request declares none; multipart's boundary. */
  readonly contentType: string | undefined;
}

const NO_BODY: SerialisedBody = { bytes: undefined, contentType: undefined };

function serialiseBody(body: RequestBody, headers: Headers): SerialisedBody {
  const serialised = (bytes: Uint8Array, fallback: string): SerialisedBody => ({
    bytes,
    contentType: headers.has('content-type') ? undefined : fallback,
  });
  switch (body.kind) {
    case 'none':
      return NO_BODY;
    case 'json':
      return serialised(encoder.encode(JSON.stringify(body.value)), 'application/json');
    case 'form':
      return serialised(
        encoder.encode(new URLSearchParams(body.fields).toString()),
        'application/x-www-form-urlencoded',
      );
    case 'text':
      return serialised(encoder.encode(body.text), 'text/plain; charset=utf-8');
    case 'binary':
      return serialised(body.bytes, 'application/octet-stream');
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
          return { bytes, contentType: `${type}; boundary=${boundary}` };
        } catch (error) {
          if (!(error instanceof RangeError) || attempt > 3) throw error;
        }
      }
    }
  }
}
