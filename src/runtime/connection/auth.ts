import { own } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Connection, RuntimeRequest } from '../types.ts';
import { anonymous } from './auth/anonymous.ts';
import { apiKey } from './auth/api-key.ts';
import { basic } from './auth/basic.ts';
import { oauth2 } from './auth/oauth2.ts';
import { type AuthContext, type AuthKind, type AuthScheme, definitionsOfType } from './auth/scheme.ts';
import { activeParameters } from './parameters.ts';

export type { AuthKind } from './auth/scheme.ts';

/** Authentication as the platform applies it to a connection, before the request policies run. */
export interface Auth {
  readonly kind: AuthKind;
  /** Non-fatal problems found while resolving (a definition with no parameter to read the key from…). */
  readonly warnings: readonly string[];
  /**
   * Adds the connection's credentials to `request`. Does nothing for an operation with its own
   * `"security": []`; throws `CONNECTION_UNAUTHENTICATED` when `connection.status` is `unauthenticated`
   * (read at call time), before touching the request. Returns a promise only when the scheme waits
   * for a token (OAuth 2); `await` works either way.
   */
  apply(
    request: RuntimeRequest,
    operation: Operation,
    options?: { forceRefresh?: boolean },
  ): Promise<void> | undefined;
}

/** Tried in order; the first that matches wins (decision in docs/runtime/connections.md). */
export const AUTH_SCHEMES: readonly AuthScheme[] = [oauth2, basic, apiKey, anonymous];

/** An operation's own `"security": []` opts it out (DocuSign's `WebhookResponse` relay). */
export function optsOutOfAuth(operation: Operation): boolean {
  const security = own(operation.raw, 'security');
  return Array.isArray(security) && security.length === 0;
}

function unusedDefinitionWarnings(ctx: AuthContext, kind: AuthKind): string[] {
  const warnings: string[] = [];
  if (kind === 'none' && ctx.set === undefined && definitionsOfType(ctx.connector, 'basic').length > 0)
    warnings.push(
      'The swagger declares `basic` security but the connection parameters lack `username` and `password`; no credentials are sent.',
    );
  return warnings;
}

/**
 * Decides how a connection authenticates, once: OAuth 2 bearer, basic, API key or none, from the
 * chosen parameter set and the swagger `securityDefinitions`. Throws `CONNECTION_INVALID` for an
 * unknown parameter set and `AUTH_UNSUPPORTED` for OAuth flows the platform does not run.
 *
 * @example
 * const auth = resolveAuth(connector, connection);
 * await auth.apply(request, connector.operation('ListItems')!);
 */
export function resolveAuth(connector: Connector, connection: Connection): Auth {
  const { set, parameters } = activeParameters(connector, connection.parameterSet);
  const ctx: AuthContext = { connector, connection, set, parameters };
  const scheme = AUTH_SCHEMES.find((s) => s.matches(ctx)) ?? anonymous;
  const { apply, warnings } = scheme.create(ctx);
  return {
    kind: scheme.kind,
    warnings: [...warnings, ...unusedDefinitionWarnings(ctx, scheme.kind)],
    apply(request, operation, options = {}) {
      if (connection.status === 'unauthenticated')
        throw new FlowportError(
          'CONNECTION_UNAUTHENTICATED',
          `The connection is unauthenticated, so \`${operation.label}\` was not sent; sign in again or update the connection.`,
        );
      if (optsOutOfAuth(operation)) return undefined;
      return apply(request, operation, options);
    },
  };
}
