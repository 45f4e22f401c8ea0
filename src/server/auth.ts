/**
 * API authentication: `Authorization: Bearer fp_…` checked by the store (hashed, constant-time), and
 * the role checks routes use. Routes opt out with `config: { public: true }`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store/types.ts';
import type { Caller } from './deps.ts';
import { ServerError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every non-public route. */
    caller: Caller | undefined;
  }
  interface FastifyContextConfig {
    /** No API token needed (`/healthz`, `/readyz`, `/api/openapi.json`, `/oauth/callback`). */
    public?: boolean;
    /** Admins only; the text completes "Only admins can …" (`import connectors`). */
    admin?: string;
  }
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
/** Longer than any token flowport issues; a bound so a huge header is not hashed. */
const MAX_TOKEN_LENGTH = 512;

/** The bearer token of an `Authorization` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const token = BEARER.exec(header)?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}

/**
 * Adds the hook that authenticates every request to a non-public route. A missing, malformed,
 * unknown or revoked token is a 401 problem with `WWW-Authenticate: Bearer`.
 */
export function registerAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('caller', undefined);
  app.addHook('onRequest', async function authenticate(request, reply) {
    // `routeOptions` is a getter that builds an object: read it once.
    const config = request.routeOptions.config;
    if (config?.public === true) return;
    const token = bearerToken(request.headers.authorization);
    const verified = token === undefined ? undefined : await store.verifyToken(token);
    if (!verified) {
      reply.header('www-authenticate', 'Bearer realm="flowport"');
      throw new ServerError(
        'UNAUTHORIZED',
        token === undefined
          ? 'This endpoint needs an API token; send `Authorization: Bearer fp_…` (create one with `flowport token create`).'
          : 'The API token is unknown or revoked; create a new one with `flowport token create`.',
      );
    }
    request.caller = { user: verified.user, tokenId: verified.info.id };
    if (config?.admin !== undefined) adminOf(request, config.admin);
  });
}

/** The authenticated caller; routes behind the auth hook always have one. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = request.caller;
  if (!caller) throw new ServerError('UNAUTHORIZED', 'This endpoint needs an API token.');
  return caller;
}

/** The caller, who must be an admin (`FORBIDDEN` otherwise: the action, not a record, is refused). */
export function adminOf(request: FastifyRequest, action: string): Caller {
  const caller = callerOf(request);
  if (caller.user.role !== 'admin') {
    throw new ServerError('FORBIDDEN', `Only admins can ${action}; ask an admin of this server.`);
  }
  return caller;
}
