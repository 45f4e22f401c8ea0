/**
 * API authentication: `Authorization: Bearer fp_…` checked by the store (hashed, constant-time), and
 * the role checks routes use. Routes opt out with `config: { public: true }`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Store } from '../store/types.ts';
import { peekToken } from './cached-store.ts';
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

type Verified = Awaited<ReturnType<Store['verifyToken']>>;

function unauthorized(reply: FastifyReply, hadToken: boolean): ServerError {
  reply.header('www-authenticate', 'Bearer realm="flowport"');
  return new ServerError(
    'UNAUTHORIZED',
    hadToken
      ? 'The API token is unknown, revoked or expired, or its user is disabled; create a new one with `flowport token create`.'
      : 'This endpoint needs an API token; send `Authorization: Bearer fp_…` (create one with `flowport token create`).',
  );
}

/** Sets `request.caller` from a verified token; the error to answer with otherwise. */
function accept(
  request: FastifyRequest,
  reply: FastifyReply,
  verified: Verified,
  admin: string | undefined,
): Error | undefined {
  if (!verified) return unauthorized(reply, true);
  request.caller = { user: verified.user, tokenId: verified.info.id };
  if (admin !== undefined && verified.user.role !== 'admin') return forbidden(admin);
  return undefined;
}

/**
 * The auth hook of routes with `admin` (or none). A callback hook: with the token's check in the
 * store's read cache (`peekToken`) it finishes at once, with no promise; else it waits for the store.
 */
function authenticator(store: Store, admin: string | undefined): onRequestHookHandler {
  return function authenticate(request, reply, done) {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      done(unauthorized(reply, false));
      return;
    }
    const known = peekToken(store, token);
    if (known) {
      done(accept(request, reply, known.value, admin));
      return;
    }
    store.verifyToken(token).then((verified) => done(accept(request, reply, verified, admin)), done);
  };
}

/**
 * Authenticates every request to a non-public route. A missing, malformed, unknown, revoked or
 * expired token is a 401 problem with `WWW-Authenticate: Bearer`; a non-admin on an `admin` route is
 * a 403.
 *
 * Each route gets its own hook when it is added (`onRoute`), so public routes run none and a route's
 * `config` is read once, not through `request.routeOptions` (a getter that builds an object) per
 * call. Requests to unknown routes are authenticated too, so they answer 401 before 404, as when
 * this was one hook for the whole app. The hook goes first among a route's `onRequest` hooks: the
 * rate limit keys on the caller it sets.
 */
export function registerAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('caller', undefined);
  const anyone = authenticator(store, undefined);
  app.addHook('onRoute', (route) => {
    const config = route.config;
    if (config?.public === true) return;
    const own = route.onRequest;
    const hook = config?.admin === undefined ? anyone : authenticator(store, config.admin);
    // A new array: Fastify copies a GET route's options for its HEAD route, arrays shared.
    route.onRequest = own === undefined ? [hook] : [hook, ...(Array.isArray(own) ? own : [own])];
  });
  app.addHook('onRequest', function authenticateUnknownRoute(request, reply, done) {
    if (request.is404) anyone.call(app, request, reply, done);
    else done();
  });
}

function forbidden(action: string): ServerError {
  return new ServerError('FORBIDDEN', `Only admins can ${action}; ask an admin of this server.`);
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
  if (caller.user.role !== 'admin') throw forbidden(action);
  return caller;
}
