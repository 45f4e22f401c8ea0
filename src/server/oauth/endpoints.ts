/**
 * The OAuth endpoints of a stored connection: the connector's `oAuthSettings`, the connection's
 * `<parameter>:…` values and sealed secrets (client id and secret), and this server's callback.
 */
import { type OAuthEndpoints, oauthEndpointsOf } from '../../runtime/connection/oauth-settings.ts';
import type { Connection } from '../../runtime/types.ts';
import type { ConnectionInfo, Store } from '../../store/types.ts';
import type { LoadedConnector } from '../deps.ts';

/** Where providers send the browser back; register `${publicUrl}/oauth/callback` with the provider. */
export const CALLBACK_PATH = '/oauth/callback';

/** The redirect URI of a server reachable at `publicUrl` (no trailing slash). */
export function redirectUriOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}`;
}

/** Sub-parameter names under the OAuth parameter that hold this connection's own OAuth app. */
export const CLIENT_ID_VALUE = 'clientId';
export const CLIENT_SECRET_VALUE = 'clientSecret';

/**
 * The endpoints of `info`'s OAuth sign-in. Clear values and unsealed secrets are merged so that
 * `token:clientId` / `token:clientSecret` (and any `token:<sub>` template value) reach
 * `oauthEndpointsOf`, which prefers them to the connector's `clientId` / `clientSecret`.
 * Throws `AUTH_UNSUPPORTED` when the connection has no supported OAuth parameter.
 */
export async function endpointsOf(
  store: Store,
  publicUrl: string,
  info: ConnectionInfo,
  loaded: LoadedConnector,
): Promise<OAuthEndpoints> {
  const secrets = await store.connectionSecrets(info.id);
  const connection: Connection = {
    values: { ...info.values, ...secrets },
    ...(info.parameterSet !== undefined && { parameterSet: info.parameterSet }),
  };
  return oauthEndpointsOf(loaded.connector, connection, { redirectUrl: redirectUriOf(publicUrl) });
}

/** True for the identity providers whose token endpoint speaks plain RFC 6749 (oauth4webapi). */
export function isStandard(endpoints: OAuthEndpoints): boolean {
  return endpoints.provider !== 'oauth2generic';
}
