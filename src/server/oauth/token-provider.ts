/**
 * Access tokens of stored OAuth connections. Tokens live sealed in the store; a refresh happens at
 * most once at a time per connection — in this process through a shared promise, across processes
 * through a {@link RefreshLock} under which the stored tokens are read again before refreshing.
 */
import { FlowportError } from '../../errors.ts';
import {
  REFRESH_SKEW_MS,
  type OAuthTokens as RefreshedTokens,
  RefreshRefusedError,
} from '../../runtime/connection/token-provider.ts';
import type { TokenProvider } from '../../runtime/types.ts';
import type { ConnectionInfo, OAuthTokens, Store } from '../../store/types.ts';
import type { LoadedConnector, ServerDeps, TokenProviderFactory } from '../deps.ts';
import { endpointsOf, refreshGrantOf } from './endpoints.ts';
import { processRefreshLock, type RefreshLock } from './refresh-lock.ts';

export interface StoredTokenProviderOptions {
  /** Cross-process lock; {@link processRefreshLock} by default (one process: the SQLite store). */
  readonly lock?: RefreshLock;
  /** Refresh this long before expiry; {@link REFRESH_SKEW_MS} (60 s) by default. */
  readonly skewMs?: number;
  /** Injected fetch for the token endpoint (tests, proxies); the global one by default. */
  readonly fetch?: typeof fetch;
  /** Called just before each refresh request leaves (metrics, tests). */
  readonly onRefresh?: (connectionId: string) => void;
}

/** Marks a connection unauthenticated with `reason` (a flowport sentence, no secret in it). */
export async function markUnauthenticated(store: Store, connectionId: string, reason: string): Promise<void> {
  await store.updateConnection(connectionId, undefined, { status: 'unauthenticated', statusReason: reason });
}

function noTokens(): FlowportError {
  return new FlowportError(
    'CONNECTION_UNAUTHENTICATED',
    'The connection has no OAuth tokens; sign in (`POST /api/v1/connections/{id}/oauth/start`) to create them.',
  );
}

/**
 * The server's {@link TokenProviderFactory}: each provider reads the connection's tokens from the
 * store and refreshes them when they expire within `skewMs` or on `forceRefresh` (after a 401).
 * Concurrent callers of a connection share one refresh; under the lock the stored tokens are read
 * again, and when another process already replaced the token that was judged stale, that one is used.
 * The new tokens are stored (sealed); a refresh the provider refuses marks the connection
 * `unauthenticated` and throws `AUTH_REFRESH_FAILED`. An unreachable provider throws the same code
 * but leaves the status alone.
 *
 * @example
 * const tokenProviders = storedTokenProviders(deps, { lock: postgresRefreshLock(pool) });
 */
export function storedTokenProviders(
  deps: Omit<ServerDeps, 'tokenProviders'>,
  options: StoredTokenProviderOptions = {},
): TokenProviderFactory {
  const { store } = deps;
  const lock = options.lock ?? processRefreshLock();
  const skew = options.skewMs ?? REFRESH_SKEW_MS;
  const inFlight = new Map<string, Promise<string>>();
  const fresh = (tokens: OAuthTokens) =>
    tokens.expiresAt === undefined || deps.now() < tokens.expiresAt - skew;

  async function stored(connectionId: string): Promise<OAuthTokens> {
    const tokens = await store.getTokens(connectionId);
    if (!tokens) throw noTokens();
    return tokens;
  }

  async function refresh(info: ConnectionInfo, loaded: LoadedConnector, seen: string): Promise<string> {
    return lock.run(info.id, async () => {
      const current = await stored(info.id);
      // Someone (here or in another process) refreshed while this caller waited for the lock.
      if (current.accessToken !== seen && fresh(current)) return current.accessToken;
      const endpoints = await endpointsOf(store, deps.publicUrl, info, loaded);
      const grant = refreshGrantOf(endpoints, {
        now: deps.now,
        ...(options.fetch && { fetch: options.fetch }),
      });
      options.onRefresh?.(info.id);
      // Without a refresh token the platform sends the access token itself (runtime spec §6.3.4).
      const sent = current.refreshToken ?? current.accessToken;
      let next: RefreshedTokens;
      try {
        next = await grant(sent);
      } catch (error) {
        if (error instanceof RefreshRefusedError && error.refused)
          await markUnauthenticated(store, info.id, error.message);
        throw error;
      }
      await store.setTokens(info.id, {
        accessToken: next.accessToken,
        refreshToken: next.refreshToken === sent ? current.refreshToken : next.refreshToken,
        expiresAt: next.expiresAt,
        tokenType: next.tokenType ?? current.tokenType,
        scope: next.scope ?? current.scope,
      });
      return next.accessToken;
    });
  }

  return function storedTokenProvider(info, loaded): TokenProvider {
    return {
      getToken: async function getStoredToken(request) {
        const joined = inFlight.get(info.id);
        if (joined) return joined;
        const tokens = await stored(info.id);
        if (!request?.forceRefresh && fresh(tokens)) return tokens.accessToken;
        // Checked again after the read: a caller that read at the same time may have started one.
        let pending = inFlight.get(info.id);
        if (!pending) {
          pending = refresh(info, loaded, tokens.accessToken).finally(() => inFlight.delete(info.id));
          inFlight.set(info.id, pending);
        }
        return pending;
      },
    };
  };
}
