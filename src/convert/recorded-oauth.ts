/**
 * OAuth 2 seen in recorded calls: a sign-in page opened at an authorization endpoint
 * (`…/authorize?response_type=code&client_id=…&scope=…`) and token requests (`POST …/token` with a
 * `grant_type`). They say how the API's users sign in, which a Bearer token alone does not; and the
 * token requests are the connection's business, never operations of the connector.
 */
import type { JsonObject } from '../connector/json.ts';
import type { Exchange } from './exchange.ts';

const AUTHORIZE_PATH = /\/(authorize|authorization|auth|oauth2?\/auth)$/i;
const TOKEN_PATH = /\/(token|oauth2?\/token|access_token)$/i;

export interface OAuthSeen {
  readonly authorizationUrl?: string;
  readonly tokenUrl?: string;
  readonly scopes: readonly string[];
  /** `grant_type`s the token requests used (`authorization_code`, `refresh_token`, `client_credentials`). */
  readonly grants: ReadonlySet<string>;
  /** Where it was first seen, for the report. */
  readonly pointer: string;
}

function formOf(call: Exchange): URLSearchParams | undefined {
  const body = call.body;
  if (!body) return undefined;
  if (body.fields) return new URLSearchParams(body.fields.map((f): [string, string] => [f.name, f.value]));
  if (/x-www-form-urlencoded/i.test(body.mimeType) || /^[\w.%+-]+=/.test(body.text))
    return new URLSearchParams(body.text);
  try {
    const json = JSON.parse(body.text) as JsonObject;
    return typeof json.grant_type === 'string'
      ? new URLSearchParams({ grant_type: json.grant_type })
      : undefined;
  } catch {
    return undefined;
  }
}

/** True for a request to a token endpoint (`POST …/token` with a `grant_type`). */
export function isTokenCall(call: Exchange): boolean {
  return (
    call.method === 'POST' && TOKEN_PATH.test(call.url.pathname) && formOf(call)?.has('grant_type') === true
  );
}

function isAuthorizeUrl(url: URL): boolean {
  return (
    AUTHORIZE_PATH.test(url.pathname) &&
    url.searchParams.has('client_id') &&
    url.searchParams.has('response_type')
  );
}

const endpoint = (url: URL) => `${url.origin}${url.pathname}`;

/**
 * The OAuth 2 endpoints, scopes and grants the calls (and the pages opened, a HAR's navigations)
 * show; undefined when they show none.
 */
export function oauthSeen(
  calls: readonly Exchange[],
  pages: readonly { url: URL; pointer: string }[] = [],
): OAuthSeen | undefined {
  const authorize = [...pages, ...calls].find((p) => isAuthorizeUrl(p.url));
  const tokens = calls.filter(isTokenCall);
  if (!authorize && tokens.length === 0) return undefined;
  const scopes = new Set<string>();
  for (const s of (authorize?.url.searchParams.get('scope') ?? '').split(/[\s+,]+/)) if (s) scopes.add(s);
  const grants = new Set<string>();
  for (const t of tokens) {
    const form = formOf(t);
    const grant = form?.get('grant_type');
    if (grant) grants.add(grant);
    for (const s of (form?.get('scope') ?? '').split(/[\s+,]+/)) if (s) scopes.add(s);
  }
  const token = tokens[0];
  return {
    ...(authorize && { authorizationUrl: endpoint(authorize.url) }),
    ...(token && { tokenUrl: endpoint(token.url) }),
    scopes: [...scopes],
    grants,
    pointer: (authorize ?? token)?.pointer ?? '',
  };
}

/**
 * The OpenAPI 3 security scheme the OAuth 2 seen describes: the authorization code flow when users
 * signed in at an authorization endpoint or exchanged a code; client credentials when only those
 * were used; undefined when an endpoint the flow needs was not seen.
 */
export function oauthScheme(seen: OAuthSeen): JsonObject | undefined {
  const scopes = Object.fromEntries(seen.scopes.map((s) => [s, s]));
  if (seen.authorizationUrl || seen.grants.has('authorization_code')) {
    if (!seen.authorizationUrl || !seen.tokenUrl) return undefined;
    return {
      type: 'oauth2',
      flows: {
        authorizationCode: { authorizationUrl: seen.authorizationUrl, tokenUrl: seen.tokenUrl, scopes },
      },
    };
  }
  if (seen.grants.has('client_credentials') && seen.tokenUrl)
    return { type: 'oauth2', flows: { clientCredentials: { tokenUrl: seen.tokenUrl, scopes } } };
  return undefined;
}
