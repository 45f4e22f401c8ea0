import { ownString } from '../../../connector/json.ts';
import { FlowportError, isFlowportError } from '../../../errors.ts';
import { parameterType } from '../parameters.ts';
import { type AuthContext, type AuthScheme, definitionsOfType } from './scheme.ts';

/** The only OAuth 2 grant the service supports is the authorization code (`accessCode` in swagger 2). */
const SUPPORTED_FLOW = 'accesscode';

function hasOAuthParameter(ctx: AuthContext): boolean {
  return ctx.parameters.some((p) => parameterType(p) === 'oauthsetting');
}

/**
 * OAuth 2 bearer tokens from `connection.tokenProvider`. Applies whenever the active parameters hold
 * an `oauthSetting` (even without `securityDefinitions`, as Planner), or when a connector without sets
 * declares an `oauth2` definition.
 */
export const oauth2: AuthScheme = {
  kind: 'oauth2',
  matches(ctx) {
    if (hasOAuthParameter(ctx)) return true;
    return ctx.set === undefined && definitionsOfType(ctx.connector, 'oauth2').length > 0;
  },
  create(ctx) {
    if (!hasOAuthParameter(ctx)) {
      // Without an `oauthSetting` parameter the swagger flow is all there is to go by.
      const unsupported = definitionsOfType(ctx.connector, 'oauth2').find(
        (d) => (ownString(d.raw, 'flow') ?? '').toLowerCase() !== SUPPORTED_FLOW,
      );
      if (unsupported)
        throw new FlowportError(
          'AUTH_UNSUPPORTED',
          `Security definition \`${unsupported.name}\` uses the OAuth 2 \`${ownString(unsupported.raw, 'flow') ?? '(missing)'}\` flow, which the platform does not support; use \`accessCode\` with an \`oauthSetting\` connection parameter.`,
        );
    }
    const connection = ctx.connection;
    return {
      warnings: [],
      apply: async function applyBearer(request, operation, options) {
        const provider = connection.tokenProvider;
        if (!provider)
          throw new FlowportError(
            'CONNECTION_UNAUTHENTICATED',
            `The connection has no OAuth token for \`${operation.label}\`; sign in to create one.`,
          );
        let token: string;
        try {
          token = await provider.getToken(options.forceRefresh ? { forceRefresh: true } : undefined);
        } catch (error) {
          // A refused refresh ends the consent: later calls fail fast until the user signs in again.
          if (isFlowportError(error) && error.code === 'AUTH_REFRESH_FAILED')
            connection.status = 'unauthenticated';
          throw error;
        }
        if (typeof token !== 'string' || token === '' || /[^\x21-\x7e]/.test(token))
          throw new FlowportError(
            'CONNECTION_INVALID',
            `The token provider gave a token that cannot be sent as a bearer token for \`${operation.label}\`; it must be non-empty visible ASCII.`,
          );
        request.headers.set('Authorization', `Bearer ${token}`);
      },
    };
  },
};
