import { FlowportError } from '../../../errors.ts';
import {
  type AuthContext,
  type AuthScheme,
  connectionValue,
  definitionsOfType,
  parameterNamed,
} from './scheme.ts';

/** `Authorization: Basic …` for `username:password`, UTF-8 encoded (RFC 7617 `charset=UTF-8`). */
export function basicCredentials(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function hasUserAndPassword(ctx: AuthContext): boolean {
  return parameterNamed(ctx, 'username') !== undefined && parameterNamed(ctx, 'password') !== undefined;
}

/**
 * HTTP basic authentication from the `username` and `password` connection parameters (either may be
 * `string` or `securestring` in real connectors). Applies to a swagger `basic` definition, or to a
 * multi-auth set holding both parameters.
 */
export const basic: AuthScheme = {
  kind: 'basic',
  matches(ctx) {
    if (ctx.set !== undefined) return hasUserAndPassword(ctx);
    return definitionsOfType(ctx.connector, 'basic').length > 0 && hasUserAndPassword(ctx);
  },
  create(ctx) {
    const username = connectionValue(ctx, parameterNamed(ctx, 'username')) ?? '';
    const password = connectionValue(ctx, parameterNamed(ctx, 'password')) ?? '';
    if (username.includes(':'))
      throw new FlowportError(
        'CONNECTION_INVALID',
        'Connection parameter `username` contains `:`, which basic authentication cannot carry; correct the user name.',
      );
    const header = basicCredentials(username, password);
    return {
      warnings: [],
      apply: function applyBasic(request) {
        request.headers.set('Authorization', header);
        return undefined;
      },
    };
  },
};
