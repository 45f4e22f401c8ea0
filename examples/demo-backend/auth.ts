/**
 * Every API route takes either the API key (`X-Api-Key`) or an OAuth access token from the demo
 * authorization server (`Authorization: Bearer …`). Writes need the `tickets.write` scope.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './http.ts';
import type { OAuthServer } from './oauth.ts';
import { safeEqual } from './safe-equal.ts';

/** How a request authenticated, for `GET /me`. */
export interface Principal {
  readonly method: 'apiKey' | 'oauth2';
  readonly scopes: readonly string[];
}

const principals = new WeakMap<FastifyRequest, Principal>();

export function principalOf(request: FastifyRequest): Principal | undefined {
  return principals.get(request);
}

function unauthorized(reply: FastifyReply, message: string, bearerError?: string): FastifyReply {
  reply.header(
    'www-authenticate',
    bearerError
      ? `Bearer realm="brightdesk", error="${bearerError}", error_description="${message}"`
      : 'Bearer realm="brightdesk"',
  );
  return sendError(reply, 401, 'unauthorized', message);
}

/** Builds the `onRequest` hook that authenticates API requests. */
export function authenticate(apiKey: string, oauth: OAuthServer) {
  return async function authenticateRequest(request: FastifyRequest, reply: FastifyReply) {
    const key = request.headers['x-api-key'];
    if (typeof key === 'string') {
      if (!safeEqual(key, apiKey)) return unauthorized(reply, 'The API key is not valid.');
      principals.set(request, { method: 'apiKey', scopes: ['tickets.read', 'tickets.write'] });
      return;
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      return unauthorized(
        reply,
        'Send the API key in `X-Api-Key` or an OAuth access token in `Authorization: Bearer …`.',
      );
    const check = oauth.verify(match[1]!);
    if (!check.ok)
      return unauthorized(
        reply,
        check.reason === 'expired' ? 'The access token expired.' : 'The access token is not valid.',
        'invalid_token',
      );
    const write = request.method !== 'GET' && request.method !== 'HEAD';
    if (write && !check.scope.includes('tickets.write'))
      return sendError(reply, 403, 'insufficient_scope', 'This call needs the `tickets.write` scope.');
    principals.set(request, { method: 'oauth2', scopes: check.scope });
  };
}
