/**
 * The store's contract: what `flowport serve` keeps. One interface, two engines (`sqlite/`, `postgres/`)
 * over Kysely. Secrets (securestring connection values, OAuth tokens and client secrets, PKCE
 * verifiers) are sealed with AES-256-GCM inside the store and never leave it in clear except through
 * the explicit `secrets…` methods the runtime uses.
 */

import type { TriggerStore } from './trigger-types.ts';

export type Role = 'admin' | 'maker';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** ISO 8601. */
  readonly createdAt: string;
  /** When an admin disabled the user (ISO 8601): their tokens are refused until enabled again. */
  readonly disabledAt: string | undefined;
}

/** What an admin can change of a user. */
export interface UserPatch {
  readonly role?: Role;
  readonly disabled?: boolean;
}

export interface ApiTokenInfo {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** The first characters of the token (`fp_3kf9…`), to recognise it in lists; never the whole token. */
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | undefined;
  readonly revokedAt: string | undefined;
  /** When the token stops working (ISO 8601); undefined: never. An expired token stays listed. */
  readonly expiresAt: string | undefined;
}

/** Options of `createToken`. */
export interface NewTokenOptions {
  /**
   * When the token stops working: an ISO 8601 date-time after now and at most
   * `MAX_TOKEN_LIFETIME_DAYS` ahead; none (the default) never expires.
   */
  readonly expiresAt?: string;
}

/** Counts of a validation run, stored with each connector version. */
export interface ValidationSummary {
  readonly preset: string;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** A connector file as stored: its name in the folder and its bytes. */
export interface StoredFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ConnectorInfo {
  /** URL-safe id, unique (`tasklane`). */
  readonly id: string;
  readonly title: string;
  readonly latestVersion: number;
  /** Folder it is loaded from by `flowport serve ./dir`, when it came from disk. */
  readonly sourcePath: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ConnectorVersion {
  readonly connectorId: string;
  readonly version: number;
  readonly files: readonly StoredFile[];
  readonly validation: ValidationSummary;
  /** SHA-256 of the files, so reloading unchanged files does not make a new version. */
  readonly digest: string;
  readonly createdBy: string | undefined;
  readonly createdAt: string;
}

export type ConnectionStatus = 'connected' | 'unauthenticated' | 'error';

/** A connection as the API shows it: secret values are never included, only their names. */
export interface ConnectionInfo {
  readonly id: string;
  readonly ownerId: string;
  readonly connectorId: string;
  readonly name: string;
  readonly parameterSet: string | undefined;
  /** Values of non-secret connection parameters. */
  readonly values: Readonly<Record<string, string>>;
  /** Names of the secret parameters that have a value (shown as "set"). */
  readonly secretsSet: readonly string[];
  readonly status: ConnectionStatus;
  /** Why the status is not `connected` (no secret in it). */
  readonly statusReason: string | undefined;
  /** True when OAuth tokens are stored. */
  readonly hasTokens: boolean;
  /** When the stored access token expires (ISO 8601), for OAuth connections. */
  readonly tokenExpiresAt: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface OAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  /** Epoch milliseconds; undefined when the provider did not say. */
  readonly expiresAt: number | undefined;
  readonly tokenType: string | undefined;
  readonly scope: string | undefined;
}

/** A pending OAuth consent: what the callback needs to finish it. */
export interface OAuthState {
  readonly state: string;
  readonly connectionId: string;
  readonly userId: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  /** Where the browser goes after the callback (the console, or the CLI's loopback page). */
  readonly returnTo: string | undefined;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export interface NewConnection {
  readonly ownerId: string;
  readonly connectorId: string;
  readonly name: string;
  readonly parameterSet: string | undefined;
  /** Non-secret values, stored in clear. */
  readonly values: Readonly<Record<string, string>>;
  /** Secret values, sealed. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly status: ConnectionStatus;
}

export interface ConnectionPatch {
  readonly name?: string;
  readonly values?: Readonly<Record<string, string>>;
  /** Replaces the secrets given (a value of `null` removes one). */
  readonly secrets?: Readonly<Record<string, string | null>>;
  readonly status?: ConnectionStatus;
  readonly statusReason?: string | null;
}

/**
 * The store. Every method is scoped by the caller: the server passes the acting user's id where a
 * record belongs to a user, and a record of another user is `undefined` (the API answers 404).
 */
export interface Store extends TriggerStore {
  readonly engine: 'sqlite' | 'postgres';

  createUser(name: string, role: Role): Promise<User>;
  getUser(id: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  /**
   * Changes a user's role or disables / enables them (undefined: no such user). A change that would
   * leave no enabled admin is a `CONFLICT`.
   */
  updateUser(id: string, patch: UserPatch): Promise<User | undefined>;

  /**
   * Creates a token; the returned `token` is shown once and stored only as a hash. An `expiresAt` that
   * is not a date-time, not after now or too far ahead is a `TOKEN_EXPIRY_INVALID`.
   */
  createToken(
    userId: string,
    name: string,
    options?: NewTokenOptions,
  ): Promise<{ token: string; info: ApiTokenInfo }>;
  /**
   * The user and token for a presented token (constant-time hash comparison), or undefined: unknown,
   * revoked, expired (by the store's clock) or its user disabled. Updates `lastUsedAt`.
   */
  verifyToken(token: string): Promise<{ user: User; info: ApiTokenInfo } | undefined>;
  listTokens(userId: string): Promise<ApiTokenInfo[]>;
  /** Revokes one of `userId`'s tokens (any token when `userId` is undefined: admins). */
  revokeToken(tokenId: string, userId: string | undefined): Promise<boolean>;

  /** Stores a new version unless the digest equals the latest one; returns the latest version. */
  putConnector(input: {
    readonly id: string;
    readonly title: string;
    readonly files: readonly StoredFile[];
    readonly validation: ValidationSummary;
    readonly sourcePath?: string;
    readonly createdBy?: string;
  }): Promise<{ info: ConnectorInfo; version: ConnectorVersion; created: boolean }>;
  getConnector(id: string): Promise<ConnectorInfo | undefined>;
  listConnectors(): Promise<ConnectorInfo[]>;
  /** The latest version when `version` is undefined. */
  getConnectorVersion(id: string, version?: number): Promise<ConnectorVersion | undefined>;
  listConnectorVersions(id: string): Promise<Omit<ConnectorVersion, 'files'>[]>;
  deleteConnector(id: string): Promise<boolean>;

  createConnection(input: NewConnection): Promise<ConnectionInfo>;
  /** `ownerId` undefined: any owner (internal use: trigger engine, OAuth callback). */
  getConnection(id: string, ownerId: string | undefined): Promise<ConnectionInfo | undefined>;
  listConnections(ownerId: string, connectorId?: string): Promise<ConnectionInfo[]>;
  updateConnection(
    id: string,
    ownerId: string | undefined,
    patch: ConnectionPatch,
  ): Promise<ConnectionInfo | undefined>;
  deleteConnection(id: string, ownerId: string | undefined): Promise<boolean>;
  /** The connection's secret values in clear, for the runtime only. */
  connectionSecrets(id: string): Promise<Readonly<Record<string, string>>>;
  /** Stores (sealed) or clears OAuth tokens. */
  setTokens(connectionId: string, tokens: OAuthTokens | undefined): Promise<void>;
  getTokens(connectionId: string): Promise<OAuthTokens | undefined>;

  putOAuthState(state: OAuthState): Promise<void>;
  /** Returns and deletes the state (one use); undefined when unknown or expired. */
  takeOAuthState(state: string): Promise<OAuthState | undefined>;

  /** Re-seals every secret with `newKey` (32 bytes) and makes it the store's key; returns how many values. */
  rotateKey(newKey: Uint8Array): Promise<number>;

  close(): Promise<void>;
}
