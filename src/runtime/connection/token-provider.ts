import * as oauth from 'oauth4webapi';
import { FlowportError } from '../../errors.ts';
import type { TokenProvider } from '../types.ts';

/** Tokens refresh this long before they expire, so a call never leaves with a token about to lapse. */
export const REFRESH_SKEW_MS = 60_000;

/** The tokens a refresh produced, for the caller to store (encrypted) in place of the old ones. */
export interface OAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch milliseconds; undefined when the server gave no `expires_in`. */
  readonly expiresAt: number | undefined;
  /** `token_type`, lower-cased (`bearer`). */
  readonly tokenType?: string;
  readonly scope?: string;
}

/** How to reach the token endpoint for a refresh grant (see {@link refreshGrant}). */
export interface RefreshGrantOptions {
  /** Where refresh grants go (the connector's `refreshUrl`, else its `tokenUrl`). */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  /** Sent in the body (`client_secret_post`), as the platform does; omitted for public clients. */
  readonly clientSecret?: string;
  /** Clock in epoch milliseconds; `Date.now` by default. */
  readonly now?: () => number;
  /** Injected fetch (tests, proxies); the global one by default. */
  readonly fetch?: typeof fetch;
  /** Extra body parameters of the refresh grant (`resource` for Entra v1, `scope`). */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * Builds the refresh call itself (`oauth2generic` templates, from `oauthEndpointsOf(…).refreshRequest`);
   * the answer is still checked by oauth4webapi. `clientSecret` and `parameters` are then unused.
   */
  readonly refreshRequest?: (refreshToken: string) => { readonly url: string; readonly body: string };
}

export interface RefreshingTokenProviderOptions extends RefreshGrantOptions {
  readonly refreshToken: string;
  /** A current access token, used until it expires. */
  readonly accessToken?: string;
  /** Epoch milliseconds when `accessToken` expires; undefined means "until the backend says 401". */
  readonly expiresAt?: number;
  /** Called after each successful refresh with the new tokens. */
  readonly onTokens?: (tokens: OAuthTokens) => void;
}

/** One refresh-grant call; rejects with {@link RefreshRefusedError} when the provider refused it. */
export type RefreshGrant = (refreshToken: string) => Promise<OAuthTokens>;

/**
 * `AUTH_REFRESH_FAILED` with `refused` true when the provider answered with an OAuth error (the grant
 * is gone: sign in again) and false when it could not be asked (network, 5xx: try later).
 */
export class RefreshRefusedError extends FlowportError {
  readonly refused: boolean;

  constructor(message: string, refused: boolean) {
    super('AUTH_REFRESH_FAILED', message);
    this.refused = refused;
  }
}

/**
 * A token provider that always returns `token` (a token obtained elsewhere, `--token`).
 * @example staticTokenProvider(process.env.GRAPH_TOKEN!)
 */
export function staticTokenProvider(token: string): TokenProvider {
  if (token === '')
    throw new FlowportError(
      'CONNECTION_INVALID',
      'The static OAuth token is empty; pass a non-empty access token.',
    );
  return {
    getToken: async function staticToken() {
      return token;
    },
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The token endpoint as a URL: absolute, HTTPS (plain HTTP only on loopback hosts), else `CONNECTION_INVALID`.
 */
export function tokenEndpointUrl(tokenEndpoint: string): URL {
  let url: URL;
  try {
    url = new URL(tokenEndpoint);
  } catch {
    throw new FlowportError(
      'CONNECTION_INVALID',
      'The OAuth token endpoint is not an absolute URL; set the connector `tokenUrl` or `refreshUrl`.',
    );
  }
  // Plain HTTP would expose the client secret and refresh token; allow it only for a local test server.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new FlowportError(
      'CONNECTION_INVALID',
      `The OAuth token endpoint \`${url.origin}${url.pathname}\` must use HTTPS; only loopback hosts may use HTTP.`,
    );
  return url;
}

/** True when the token endpoint answered and said no (an OAuth error or a 4xx), not when it was unreachable. */
function isRefusal(error: unknown): boolean {
  if (error instanceof oauth.ResponseBodyError) return error.status >= 400 && error.status < 500;
  if (error instanceof oauth.WWWAuthenticateChallengeError) return error.status >= 400 && error.status < 500;
  if (error instanceof oauth.OperationProcessingError) {
    const status = (error.cause as { status?: unknown } | undefined)?.status;
    return typeof status === 'number' && status >= 400 && status < 500;
  }
  return false;
}

function refusal(endpoint: URL, error: unknown): FlowportError {
  if (error instanceof FlowportError) return error;
  const where = `\`${endpoint.origin}${endpoint.pathname}\``;
  let detail = '';
  if (error instanceof oauth.ResponseBodyError) detail = ` (\`${error.error}\`, HTTP ${error.status})`;
  else if (error instanceof oauth.WWWAuthenticateChallengeError) detail = ` (HTTP ${error.status})`;
  else if (error instanceof oauth.OperationProcessingError && error.code) detail = ` (\`${error.code}\`)`;
  else if (error instanceof Error && error.name !== 'Error') detail = ` (${error.name})`;
  // The cause is left out on purpose: oauth4webapi errors can carry the request or response body.
  return new RefreshRefusedError(
    `Refreshing the OAuth token at ${where} failed${detail}; sign in again to renew the connection.`,
    isRefusal(error),
  );
}

/**
 * An ID token in a token response is dropped before oauth4webapi checks the answer: connectors name no
 * issuer to check it against (Entra's `iss` is not the token endpoint's origin), and flowport uses only
 * the access and refresh tokens.
 */
export async function withoutIdToken(response: Response): Promise<Response> {
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'id_token' in body) {
    const { id_token: _, ...rest } = body as Record<string, unknown>;
    return new Response(JSON.stringify(rest), response);
  }
  return new Response(text, response);
}

/**
 * A function that performs one refresh-token grant (oauth4webapi) and returns the new tokens, keeping
 * the old refresh token when the provider does not rotate it. Validates the endpoint and client once.
 */
export function refreshGrant(options: RefreshGrantOptions): RefreshGrant {
  const endpoint = tokenEndpointUrl(options.tokenEndpoint);
  if (options.clientId === '')
    throw new FlowportError(
      'CONNECTION_INVALID',
      'The OAuth client id is empty; set the connector `clientId`.',
    );
  const now = options.now ?? Date.now;
  const as: oauth.AuthorizationServer = { issuer: endpoint.origin, token_endpoint: endpoint.href };
  const client: oauth.Client = { client_id: options.clientId };
  const clientAuth =
    options.clientSecret !== undefined ? oauth.ClientSecretPost(options.clientSecret) : oauth.None();
  const requestOptions: oauth.TokenEndpointRequestOptions = {
    ...(options.fetch && { [oauth.customFetch]: options.fetch }),
    ...(endpoint.protocol === 'http:' && { [oauth.allowInsecureRequests]: true }),
    ...(options.parameters && { additionalParameters: { ...options.parameters } }),
  };
  const send = options.fetch ?? fetch;
  async function templatedRefresh(call: { readonly url: string; readonly body: string }): Promise<Response> {
    return send(tokenEndpointUrl(call.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: call.body,
      redirect: 'manual',
    });
  }
  return async function refreshTokens(refreshToken) {
    let result: oauth.TokenEndpointResponse;
    try {
      const response = options.refreshRequest
        ? await templatedRefresh(options.refreshRequest(refreshToken))
        : await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, requestOptions);
      result = await oauth.processRefreshTokenResponse(as, client, await withoutIdToken(response));
    } catch (error) {
      throw refusal(endpoint, error);
    }
    return {
      accessToken: result.access_token,
      refreshToken: result.refresh_token || refreshToken,
      expiresAt: typeof result.expires_in === 'number' ? now() + result.expires_in * 1000 : undefined,
      tokenType: result.token_type,
      ...(result.scope !== undefined && { scope: result.scope }),
    };
  };
}

/**
 * An OAuth 2 token provider that refreshes with the refresh-token grant (oauth4webapi): when the
 * access token is missing, expires within {@link REFRESH_SKEW_MS}, or on `forceRefresh`. Concurrent
 * callers share one refresh. A refused refresh throws `AUTH_REFRESH_FAILED`, naming no token.
 */
export function refreshingTokenProvider(options: RefreshingTokenProviderOptions): TokenProvider {
  const grant = refreshGrant(options);
  if (options.refreshToken === '')
    throw new FlowportError(
      'CONNECTION_UNAUTHENTICATED',
      'The connection has no refresh token; sign in again.',
    );
  const now = options.now ?? Date.now;
  let accessToken = options.accessToken;
  let refreshToken = options.refreshToken;
  let expiresAt = options.expiresAt;
  let inFlight: Promise<string> | undefined;

  async function refresh(): Promise<string> {
    const tokens = await grant(refreshToken);
    accessToken = tokens.accessToken;
    refreshToken = tokens.refreshToken;
    expiresAt = tokens.expiresAt;
    options.onTokens?.({ accessToken, refreshToken, expiresAt });
    return accessToken;
  }

  return {
    getToken: function getRefreshingToken(request) {
      const fresh = expiresAt === undefined || now() < expiresAt - REFRESH_SKEW_MS;
      if (!request?.forceRefresh && accessToken !== undefined && fresh && !inFlight)
        return Promise.resolve(accessToken);
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
