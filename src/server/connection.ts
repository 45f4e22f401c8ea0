/**
 * Stored connections ↔ runtime connections: how values are checked and split into clear values and
 * sealed secrets when a connection is created or changed, and how a stored connection becomes the
 * runtime's `Connection` (values, secrets, token provider, status) when it is used.
 */
import type { Connector } from '../connector/model.ts';
import { resolveAuth } from '../runtime/connection/auth.ts';
import { checkConnection } from '../runtime/connection/check.ts';
import { activeParameters, describeConnectionParameter } from '../runtime/connection/parameters.ts';
import { secretValues } from '../runtime/connection/secrets.ts';
import type { Connection } from '../runtime/types.ts';
import type { ConnectionInfo, ConnectionStatus, Store } from '../store/types.ts';
import type { ConnectionResolver, LoadedConnector, TokenProviderFactory } from './deps.ts';
import { withoutOAuthClient } from './oauth/endpoints.ts';

/** A connection's values checked against the connector and split for the store. */
export interface CheckedValues {
  readonly parameterSet: string | undefined;
  /** Stored in clear and shown by the API. */
  readonly values: Record<string, string>;
  /** Sealed by the store; the API shows only their names. */
  readonly secrets: Record<string, string>;
  /** The connection signs in with OAuth 2 (`oauthSetting`): it stays unauthenticated until consent. */
  readonly oauth: boolean;
  /** Every secret value, for masking. */
  readonly secretValues: readonly string[];
}

/**
 * Checks `values` with `checkConnection` (unknown names, required values, allowed values, types of
 * the chosen parameter set) and splits them: `securestring` parameters and values the runtime masks
 * as credentials (`api_key`, `password`… whatever their declared type) become secrets.
 * Throws `CONNECTION_INVALID` (400) or `AUTH_UNSUPPORTED` (422).
 */
export function checkValues(
  connector: Connector,
  parameterSet: string | undefined,
  values: Readonly<Record<string, string>>,
): CheckedValues {
  const checked = checkConnection(connector, { values, ...(parameterSet !== undefined && { parameterSet }) });
  const auth = resolveAuth(connector, checked);
  const masked = new Set(secretValues(connector, checked));
  const { parameters } = activeParameters(connector, checked.parameterSet);
  const secretNames = new Set(
    parameters
      .map(describeConnectionParameter)
      .filter((info) => info.secret)
      .map((info) => info.name),
  );
  const clear: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(checked.values)) {
    const target = secretNames.has(name) || masked.has(value) ? secrets : clear;
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return {
    parameterSet: checked.parameterSet,
    values: clear,
    secrets,
    oauth: auth.kind === 'oauth2',
    secretValues: [...masked, ...Object.values(secrets)],
  };
}

/** The status a new connection starts with, and why. */
export function initialStatus(oauth: boolean): {
  status: ConnectionStatus;
  statusReason: string | undefined;
} {
  return oauth
    ? { status: 'unauthenticated', statusReason: 'Sign in to finish the connection (OAuth consent).' }
    : { status: 'connected', statusReason: undefined };
}

/**
 * Makes the runtime `Connection` of a stored one: clear values and unsealed secrets together, the
 * parameter set, the stored status, and for OAuth connections a token provider from `tokenProviders`.
 */
export function createConnectionResolver(
  store: Store,
  tokenProviders: TokenProviderFactory,
): ConnectionResolver {
  // One runtime Connection per stored record (the cached store hands out the same record until it
  // changes), so the runtime's per-connection checks and auth resolution are reused.
  const made = new WeakMap<ConnectionInfo, { loaded: LoadedConnector; connection: Connection }>();
  return async function resolveConnection(info, loaded) {
    const hit = made.get(info);
    if (hit && hit.loaded === loaded) return hit.connection;
    const secrets = await store.connectionSecrets(info.id);
    // The OAuth app credentials a sign-in stored are for the token endpoint, not connection values.
    const values = withoutOAuthClient(loaded.connector, info.parameterSet, { ...info.values, ...secrets });
    const base: Connection = {
      values,
      status: info.status,
      ...(info.parameterSet !== undefined && { parameterSet: info.parameterSet }),
    };
    const oauth = resolveAuth(loaded.connector, base).kind === 'oauth2';
    const connection = oauth ? { ...base, tokenProvider: tokenProviders(info, loaded) } : base;
    made.set(info, { loaded, connection });
    return connection;
  };
}
