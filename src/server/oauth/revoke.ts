/**
 * Revocation at the provider (RFC 7009), when the connector names an endpoint for it in
 * `customParameters.revocationUrl` (flowport's own key: `oAuthSettings` has none). Best effort: the
 * tokens are dropped from the store whatever the provider answers.
 */
import * as oauth from 'oauth4webapi';
import { isObject, own, ownCaseless, ownObject } from '../../connector/json.ts';
import type { OAuthEndpoints } from '../../runtime/connection/oauth-settings.ts';
import { activeParameters, parameterType } from '../../runtime/connection/parameters.ts';
import { tokenEndpointUrl } from '../../runtime/connection/token-provider.ts';
import type { ConnectionInfo, OAuthTokens } from '../../store/types.ts';
import type { LoadedConnector, ServerDeps } from '../deps.ts';
import { endpointsOf } from './endpoints.ts';

/** `customParameters.revocationUrl` of the connection's OAuth parameter, or a `token:revocationUrl` value. */
export function revocationUrlOf(info: ConnectionInfo, loaded: LoadedConnector): string | undefined {
  const { parameters } = activeParameters(loaded.connector, info.parameterSet);
  const p = parameters.find((x) => parameterType(x) === 'oauthsetting');
  if (!p) return undefined;
  const fromValue = info.values[`${p.name}:revocationUrl`];
  if (fromValue) return fromValue;
  const entry = ownCaseless(
    ownObject(ownCaseless(p.raw, 'oAuthSettings'), 'customParameters'),
    'revocationUrl',
  );
  const value = isObject(entry) ? own(entry, 'value') : entry;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Asks the provider to revoke the refresh token (which ends the grant), else the access token.
 * Resolves true when the provider answered 200, false on any failure (never throws).
 */
export async function revokeAtProvider(
  url: string,
  endpoints: OAuthEndpoints,
  tokens: OAuthTokens,
  fetchImpl?: typeof fetch,
): Promise<boolean> {
  if (!endpoints.clientId) return false;
  try {
    const endpoint = tokenEndpointUrl(url);
    const as: oauth.AuthorizationServer = { issuer: endpoint.origin, revocation_endpoint: endpoint.href };
    const client: oauth.Client = { client_id: endpoints.clientId };
    const auth =
      endpoints.clientSecret !== undefined ? oauth.ClientSecretPost(endpoints.clientSecret) : oauth.None();
    const token = tokens.refreshToken ?? tokens.accessToken;
    const response = await oauth.revocationRequest(as, client, auth, token, {
      ...(fetchImpl && { [oauth.customFetch]: fetchImpl }),
      ...(endpoint.protocol === 'http:' && { [oauth.allowInsecureRequests]: true }),
      additionalParameters: { token_type_hint: tokens.refreshToken ? 'refresh_token' : 'access_token' },
    });
    await oauth.processRevocationResponse(response);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signs a connection out: revokes at the provider when a revocation endpoint is known, then drops the
 * stored tokens. Returns whether the provider confirmed. The status is left to the caller (the revoke
 * route marks it `unauthenticated`; a delete route calls this before deleting).
 */
export async function signOut(
  deps: Pick<ServerDeps, 'store' | 'registry' | 'publicUrl'> & { readonly fetch?: typeof fetch },
  info: ConnectionInfo,
): Promise<boolean> {
  const tokens = await deps.store.getTokens(info.id);
  let revoked = false;
  if (tokens) {
    const loaded = await deps.registry.get(info.connectorId);
    const url = loaded && revocationUrlOf(info, loaded);
    if (loaded && url) {
      const endpoints = await endpointsOf(deps.store, deps.publicUrl, info, loaded).catch(() => undefined);
      if (endpoints) revoked = await revokeAtProvider(url, endpoints, tokens, deps.fetch);
    }
  }
  await deps.store.setTokens(info.id, undefined);
  return revoked;
}
