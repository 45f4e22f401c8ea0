/**
 * The OAuth endpoints of a stored connection: the connector's `oAuthSettings`, the connection's
 * `<parameter>:…` values and sealed secrets (client id and secret), and this server's callback.
 */
import type { Connector } from '../../connector/model.ts';
import { type OAuthEndpoints, oauthEndpointsOf } from '../../runtime/connection/oauth-settings.ts';
import { activeParameters, parameterType } from '../../runtime/connection/parameters.ts';
import {
  type RefreshGrant,
  type RefreshGrantOptions,
  refreshGrant,
} from '../../runtime/connection/token-provider.ts';
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

/**
 * The refresh grant as the platform sends it for `endpoints`: to the refresh URL with the client
 * secret in the body (and `resource` for Entra v1), or the `oauth2generic` refresh templates.
 */
export function refreshGrantOf(
  endpoints: OAuthEndpoints,
  options: Pick<RefreshGrantOptions, 'now' | 'fetch'>,
): RefreshGrant {
  const common = {
    tokenEndpoint: endpoints.refreshUrl,
    clientId: endpoints.clientId ?? '',
    ...(options.now && { now: options.now }),
    ...(options.fetch && { fetch: options.fetch }),
  };
  return isStandard(endpoints)
    ? refreshGrant({
        ...common,
        ...(endpoints.clientSecret !== undefined && { clientSecret: endpoints.clientSecret }),
        ...(endpoints.resource !== undefined && { parameters: { resource: endpoints.resource } }),
      })
    : refreshGrant({ ...common, refreshRequest: endpoints.refreshRequest });
}

/**
 * `values` without the OAuth app credentials a sign-in stored with the connection
 * (`<parameter>:clientId`, `<parameter>:clientSecret`) unless the connector declares them: they are
 * for the token endpoint only, and the runtime refuses connection values the connector does not name.
 * The connection resolver applies it before handing values to the runtime.
 */
export function withoutOAuthClient(
  connector: Connector,
  parameterSet: string | undefined,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const { parameters } = activeParameters(connector, parameterSet);
  const declared = new Set(parameters.map((p) => p.name.toLowerCase()));
  const drop = new Set(
    parameters
      .filter((p) => parameterType(p) === 'oauthsetting')
      .flatMap((p) => [CLIENT_ID_VALUE, CLIENT_SECRET_VALUE].map((sub) => `${p.name}:${sub}`.toLowerCase()))
      .filter((name) => !declared.has(name)),
  );
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    if (!drop.has(name.toLowerCase()))
      Object.defineProperty(kept, name, { value, enumerable: true, writable: true, configurable: true });
  return kept;
}
