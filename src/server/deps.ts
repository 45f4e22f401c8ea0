/**
 * What the server's parts share. `createApp` (app.ts) builds one `ServerDeps` and hands it to every
 * route plugin, the OAuth plugin (oauth/plugin.ts) and the connector registry (registry.ts).
 */
import type { Connector } from '../connector/model.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { Connection, TokenProvider } from '../runtime/types.ts';
import type { ConnectionInfo, Store, User } from '../store/types.ts';

/** A loaded connector version with its runtime (policies compiled once, one transport). */
export interface LoadedConnector {
  readonly id: string;
  readonly version: number;
  readonly connector: Connector;
  readonly runtime: Runtime;
}

/** Loads connectors from the store on demand and keeps one runtime per version. */
export interface ConnectorRegistry {
  get(connectorId: string, version?: number): Promise<LoadedConnector | undefined>;
  /** Drops cached runtimes of a connector (after a new version or a delete). */
  invalidate(connectorId: string): Promise<void>;
  close(): Promise<void>;
}

/** Makes the runtime `Connection` of a stored connection: values, secrets, token provider, status. */
export type ConnectionResolver = (info: ConnectionInfo, loaded: LoadedConnector) => Promise<Connection>;

/** Gives a stored OAuth connection its access tokens, refreshing them once for concurrent callers. */
export type TokenProviderFactory = (info: ConnectionInfo, loaded: LoadedConnector) => TokenProvider;

export interface ServerDeps {
  readonly store: Store;
  readonly registry: ConnectorRegistry;
  /** The URL users and providers reach this server at (`http://127.0.0.1:4321`), no trailing slash. */
  readonly publicUrl: string;
  readonly tokenProviders: TokenProviderFactory;
  /** Epoch milliseconds; injected so tests control expiry. */
  now(): number;
}

/** The authenticated caller of an API request (set by the auth hook in auth.ts). */
export interface Caller {
  readonly user: User;
  readonly tokenId: string;
}
