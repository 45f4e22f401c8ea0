import type {
  ConnectionParameter,
  Connector,
  Operation,
  SecurityDefinition,
} from '../../../connector/model.ts';
import type { Connection, RuntimeRequest } from '../../types.ts';

export type AuthKind = 'none' | 'api-key' | 'basic' | 'oauth2';

export interface ApplyOptions {
  /** Ask the token provider for a new token (after the backend answered 401). */
  readonly forceRefresh?: boolean;
}

/** What a scheme decides from: the connector, the connection and its active parameters. */
export interface AuthContext {
  readonly connector: Connector;
  readonly connection: Connection;
  /** The chosen `connectionParameterSets` value; undefined for connectors without sets. */
  readonly set: string | undefined;
  readonly parameters: readonly ConnectionParameter[];
}

/**
 * Adds credentials to a request. Returns a promise only when it has to wait (for a token); schemes
 * whose credentials are known return undefined, so a call does not wait a turn for nothing.
 */
export type ApplyAuth = (
  request: RuntimeRequest,
  operation: Operation,
  options: ApplyOptions,
) => Promise<void> | undefined;

/** One authentication scheme: declarative `kind`, a test, and a factory that validates once. */
export interface AuthScheme {
  readonly kind: AuthKind;
  /** Whether this scheme authenticates the connection (schemes are tried in precedence order). */
  matches(ctx: AuthContext): boolean;
  /** Checks the connector and connection once; throws `FlowportError` when they cannot work. */
  create(ctx: AuthContext): { readonly apply: ApplyAuth; readonly warnings: readonly string[] };
}

/** Security definitions of the given swagger `type` (`apiKey`, `basic`, `oauth2`), case-insensitively. */
export function definitionsOfType(connector: Connector, type: string): SecurityDefinition[] {
  const lower = type.toLowerCase();
  return connector.definition.securityDefinitions.filter((d) => d.type?.toLowerCase() === lower);
}

/** The active parameter with this name, compared case-insensitively. */
export function parameterNamed(ctx: AuthContext, name: string): ConnectionParameter | undefined {
  const lower = name.toLowerCase();
  return (
    ctx.parameters.find((p) => p.name === name) ?? ctx.parameters.find((p) => p.name.toLowerCase() === lower)
  );
}

/** The connection's value for a parameter; undefined when unset or empty. */
export function connectionValue(ctx: AuthContext, p: ConnectionParameter | undefined): string | undefined {
  if (!p || !Object.hasOwn(ctx.connection.values, p.name)) return undefined;
  const value = ctx.connection.values[p.name];
  return value === '' ? undefined : value;
}
