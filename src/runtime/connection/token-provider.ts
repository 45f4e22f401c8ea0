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
}

export interface RefreshingTokenProviderOptions {
  /** Where refresh grants go (the connector's `refreshUrl`, else its `tokenUrl`). */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  /** Sent in the body (`client_secret_post`), as the platform does; omitted for public clients. */
  readonly clientSecret?: string;
  readonly refreshToken: string;
  /** A current access token, used until it expires. */
  readonly accessToken?: string;
  /** Epoch milliseconds when `accessToken` expires; undefined means "until the backend says 401". */
  readonly expiresAt?: number;
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
  /** Called after each successful refresh with the new tokens. */
  readonly onTokens?: (tokens: OAuthTokens) => void;
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

function endpointOf(tokenEndpoint: string): URL {
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

function refusal(endpoint: URL, error: unknown): FlowportError {
  if (error instanceof FlowportError) return error;
  const where = `\`${endpoint.origin}${endpoint.pathname}\``;
  let detail = '';
  if (error instanceof oauth.ResponseBodyError) detail = ` (\`${error.error}\`, HTTP ${error.status})`;
  else if (error instanceof oauth.WWWAuthenticateChallengeError) detail = ` (HTTP ${error.status})`;
  else if (error instanceof oauth.OperationProcessingError && error.code) detail = ` (\`${error.code}\`)`;
  else if (error instanceof Error && error.name !== 'Error') detail = ` (${error.name})`;
  // The cause is left out on purpose: oauth4webapi errors can carry the request or response body.
  return new FlowportError(
    'AUTH_REFRESH_FAILED',
    `Refreshing the OAuth token at ${where} failed${detail}; sign in again to renew the connection.`,
  );
}

/**
 * An OAuth 2 token provider that refreshes with the refresh-token grant (oauth4webapi): when the
 * access token is missing, expires within {@link REFRESH_SKEW_MS}, or on `forceRefresh`. Concurrent
 * callers share one refresh. A refused refresh throws `AUTH_REFRESH_FAILED`, naming no token.
 */
export function refreshingTokenProvider(options: RefreshingTokenProviderOptions): TokenProvider {
  const endpoint = endpointOf(options.tokenEndpoint);
  if (options.clientId === '')
    throw new FlowportError(
      'CONNECTION_INVALID',
      'The OAuth client id is empty; set the connector `clientId`.',
    );
  if (options.refreshToken === '')
    throw new FlowportError(
      'CONNECTION_UNAUTHENTICATED',
      'The connection has no refresh token; sign in again.',
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
    return send(endpointOf(call.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: call.body,
      redirect: 'manual',
    });
  }
  let accessToken = options.accessToken;
  let refreshToken = options.refreshToken;
  let expiresAt = options.expiresAt;
  let inFlight: Promise<string> | undefined;

  async function refresh(): Promise<string> {
    let result: oauth.TokenEndpointResponse;
    try {
      const response = options.refreshRequest
        ? await templatedRefresh(options.refreshRequest(refreshToken))
        : await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, requestOptions);
      result = await oauth.processRefreshTokenResponse(as, client, response);
    } catch (error) {
      throw refusal(endpoint, error);
    }
    accessToken = result.access_token;
    if (result.refresh_token) refreshToken = result.refresh_token;
    expiresAt = typeof result.expires_in === 'number' ? now() + result.expires_in * 1000 : undefined;
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
