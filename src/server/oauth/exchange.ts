/**
 * The authorization request (with PKCE) and the code exchange of the authorization-code grant.
 * Standard providers (`oauth2`, `aad`) go through oauth4webapi; `oauth2generic` posts what its
 * templates build and reads the JSON answer with the same checks.
 */
import * as oauth from 'oauth4webapi';
import type { OAuthEndpoints } from '../../runtime/connection/oauth-settings.ts';
import {
  RefreshRefusedError,
  tokenEndpointUrl,
  withoutIdToken,
} from '../../runtime/connection/token-provider.ts';
import type { OAuthTokens } from '../../store/types.ts';
import { isStandard } from './endpoints.ts';

/** A new consent: the state and PKCE verifier to keep, and the URL to send the user to. */
export interface AuthorizationRequest {
  /** 32 random bytes, base64url. */
  readonly state: string;
  readonly codeVerifier: string;
  readonly url: string;
}

/**
 * The authorization URL of `endpoints` with a fresh `state` and an S256 `code_challenge`. PKCE is
 * added for `oauth2generic` too: providers ignore parameters they do not know (RFC 6749 §3.1).
 */
export async function authorizationRequest(endpoints: OAuthEndpoints): Promise<AuthorizationRequest> {
  const state = oauth.generateRandomState();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const base = endpoints.authorizationRequestUrl(state);
  // Appended as text: re-serialising a template's query through URL would re-encode it.
  const url = `${base}${base.includes('?') ? '&' : '?'}code_challenge=${challenge}&code_challenge_method=S256`;
  return { state, codeVerifier, url };
}

export interface ExchangeOptions {
  /** Injected fetch (tests, proxies); the global one by default. */
  readonly fetch?: typeof fetch;
  /** Epoch milliseconds. */
  readonly now: () => number;
}

function where(url: URL): string {
  return `\`${url.origin}${url.pathname}\``;
}

/** Turns oauth4webapi's errors into a message naming no secret; `refused` when the provider said no. */
function exchangeFailure(endpoint: URL, error: unknown): RefreshRefusedError {
  let detail = '';
  let refused = false;
  if (error instanceof oauth.ResponseBodyError) {
    detail = ` (\`${error.error}\`, HTTP ${error.status})`;
    refused = error.status < 500;
  } else if (error instanceof oauth.WWWAuthenticateChallengeError) {
    detail = ` (HTTP ${error.status})`;
    refused = error.status < 500;
  } else if (error instanceof oauth.OperationProcessingError) {
    const status = (error.cause as { status?: unknown } | undefined)?.status;
    detail = typeof status === 'number' ? ` (HTTP ${status})` : error.code ? ` (\`${error.code}\`)` : '';
    refused = typeof status === 'number' && status < 500;
  } else if (error instanceof Error && error.name !== 'Error') detail = ` (${error.name})`;
  return new RefreshRefusedError(
    `Exchanging the authorization code at ${where(endpoint)} failed${detail}; check the client id, the client secret and the registered redirect URI, then sign in again.`,
    refused,
  );
}

function tokensOf(result: oauth.TokenEndpointResponse, now: number): OAuthTokens {
  return {
    accessToken: result.access_token,
    refreshToken: result.refresh_token,
    expiresAt: typeof result.expires_in === 'number' ? now + result.expires_in * 1000 : undefined,
    tokenType: result.token_type,
    scope: result.scope,
  };
}

/**
 * Exchanges `code` (with the PKCE `codeVerifier`) for tokens at the token endpoint. The `state` was
 * checked before (one use, in the store), so the callback parameters given to oauth4webapi hold the
 * code alone; an `iss` in the callback is not compared because connectors name no issuer.
 * Throws `AUTH_REFRESH_FAILED` ({@link RefreshRefusedError}) without any secret in the message.
 */
export async function exchangeCode(
  endpoints: OAuthEndpoints,
  code: string,
  codeVerifier: string,
  options: ExchangeOptions,
): Promise<OAuthTokens> {
  if (!endpoints.clientId)
    throw new RefreshRefusedError(
      `The connector has no OAuth client id; give one when signing in (\`clientId\`) or set \`${endpoints.parameter}:clientId\`.`,
      true,
    );
  const standard = isStandard(endpoints);
  const call = standard ? undefined : endpoints.tokenRequest(code);
  const endpoint = tokenEndpointUrl(call?.url ?? endpoints.tokenUrl);
  const as: oauth.AuthorizationServer = { issuer: endpoint.origin, token_endpoint: endpoint.href };
  const client: oauth.Client = { client_id: endpoints.clientId };
  const send = options.fetch ?? fetch;
  try {
    let response: Response;
    if (call) {
      // A form body gets the verifier; a JSON template is left as the connector wrote it.
      const body = call.body.trimStart().startsWith('{')
        ? call.body
        : `${call.body}${call.body === '' ? '' : '&'}code_verifier=${encodeURIComponent(codeVerifier)}`;
      response = await send(endpoint.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        redirect: 'manual',
      });
    } else {
      const clientAuth =
        endpoints.clientSecret !== undefined ? oauth.ClientSecretPost(endpoints.clientSecret) : oauth.None();
      const parameters = oauth.validateAuthResponse(
        as,
        client,
        new URLSearchParams({ code }),
        oauth.expectNoState,
      );
      response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        parameters,
        endpoints.redirectUrl,
        codeVerifier,
        {
          ...(options.fetch && { [oauth.customFetch]: options.fetch }),
          ...(endpoint.protocol === 'http:' && { [oauth.allowInsecureRequests]: true }),
          ...(endpoints.resource !== undefined && { additionalParameters: { resource: endpoints.resource } }),
        },
      );
    }
    const result = await oauth.processAuthorizationCodeResponse(as, client, await withoutIdToken(response));
    return tokensOf(result, options.now());
  } catch (error) {
    throw exchangeFailure(endpoint, error);
  }
}
