import { FlowportError } from '../../errors.ts';

/** Where one request goes: the origin undici connects to and the path sent verbatim. */
export interface Target {
  /** `scheme://host[:port]`, lower-case, default port removed. */
  readonly origin: string;
  /** Path and query exactly as built, fragment removed; starts with `/`. */
  readonly path: string;
}

/** Decides whether a request may go to an origin; built once by {@link createOriginCheck}. */
export type OriginCheck = (origin: string) => boolean;

/**
 * Splits a wire URL into origin and path without re-serialising the path: the WHATWG parser would
 * resolve `%2e%2e` segments and re-encode characters, and the path must reach the backend as built.
 */
export function createTargetParser(): (url: string) => Target {
  // Most requests of a transport go to one origin; remembering the last one saves a URL parse.
  let lastRaw = '';
  let lastOrigin = '';
  return function parseTarget(url: string): Target {
    // The same origin as last time: only the path is cut out.
    const known = lastRaw.length;
    if (known > 0 && url.startsWith(lastRaw)) {
      const next = url.charCodeAt(known);
      // end of the URL, `/`, `?` or `#`
      if (Number.isNaN(next) || next === 47 || next === 63 || next === 35)
        return { origin: lastOrigin, path: pathOf(url, known) };
    }
    const schemeEnd = url.indexOf('://');
    if (schemeEnd < 0) throw refused(url);
    let authorityEnd = url.length;
    for (let i = schemeEnd + 3; i < url.length; i++) {
      const c = url.charCodeAt(i);
      // `/`, `?`, `#`
      if (c === 47 || c === 63 || c === 35) {
        authorityEnd = i;
        break;
      }
    }
    const raw = url.slice(0, authorityEnd);
    if (raw !== lastRaw) {
      lastOrigin = normaliseOrigin(raw, url);
      lastRaw = raw;
    }
    return { origin: lastOrigin, path: pathOf(url, authorityEnd) };
  };
}

/** The path and query after the authority, fragment removed; `/` when empty. */
function pathOf(url: string, authorityEnd: number): string {
  const hash = url.indexOf('#', authorityEnd);
  let path = hash < 0 ? url.slice(authorityEnd) : url.slice(authorityEnd, hash);
  if (path === '') path = '/';
  else if (path.charCodeAt(0) === 63) path = `/${path}`;
  return path;
}

function normaliseOrigin(raw: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch (cause) {
    throw refused(url, cause);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refused(url);
  if (parsed.username !== '' || parsed.password !== '')
    throw new FlowportError(
      'REQUEST_UNSAFE',
      `The request URL to \`${parsed.host}\` carries credentials in its authority; send them in a header instead.`,
    );
  return parsed.origin;
}

function refused(url: string, cause?: unknown): FlowportError {
  const scheme = url.slice(0, Math.max(0, url.indexOf(':'))).slice(0, 20);
  return new FlowportError(
    'UPSTREAM_HOST_REFUSED',
    scheme === ''
      ? 'The request URL is not absolute; flowport sends only to `http://` or `https://` URLs.'
      : `The request URL has scheme \`${scheme}\`; flowport sends only to \`http://\` or \`https://\` URLs.`,
    { cause },
  );
}

/**
 * Builds the allow-list check. Entries are origins (`https://api.example.com`) normalised once;
 * a function is used as is, for callers whose allowed hosts depend on the connection.
 */
export function createOriginCheck(allowed: readonly string[] | OriginCheck): OriginCheck {
  if (typeof allowed === 'function') return allowed;
  const origins = new Set<string>();
  for (const entry of allowed) {
    let parsed: URL;
    try {
      parsed = new URL(entry);
    } catch (cause) {
      throw new FlowportError(
        'CONFIG_INVALID',
        `\`allowedOrigins\` entry \`${entry}\` is not a URL; write it as \`https://host[:port]\`.`,
        { cause },
      );
    }
    origins.add(parsed.origin);
  }
  return (origin) => origins.has(origin);
}

/** `GET api.example.com/v1/items`: method, host and path for messages, never the query. */
export function describeTarget(method: string, target: Target): string {
  const host = target.origin.slice(target.origin.indexOf('://') + 3);
  const query = target.path.indexOf('?');
  const path = query >= 0 ? target.path.slice(0, query) : target.path;
  return `${method} ${host}${path.length > 200 ? `${path.slice(0, 200)}…` : path}`;
}
