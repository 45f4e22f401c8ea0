/**
 * OAuth 2 sign-in of stored connections: `POST /api/v1/connections/{id}/oauth/start` (the caller's
 * connection), `GET /oauth/callback` (public: the provider sends the browser back here) and
 * `POST /api/v1/connections/{id}/oauth/revoke`. Authorization code with PKCE (S256) and a one-use
 * state kept in the store for 10 minutes.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FlowportError, isFlowportError } from '../../errors.ts';
import { RefreshRefusedError } from '../../runtime/connection/token-provider.ts';
import type { ConnectionInfo, OAuthState } from '../../store/types.ts';
import { callerOf } from '../auth.ts';
import type { LoadedConnector, ServerDeps } from '../deps.ts';
import { notFound, ServerError } from '../errors.ts';
import { connectionSchema, idParams } from '../schemas.ts';
import {
  CALLBACK_PATH,
  CLIENT_ID_VALUE,
  CLIENT_SECRET_VALUE,
  endpointsOf,
  redirectUriOf,
} from './endpoints.ts';
import { authorizationRequest, exchangeCode } from './exchange.ts';
import { connectedPage, failedPage } from './pages.ts';
import { allowedReturnTo, withOutcome } from './return-to.ts';
import { signOut } from './revoke.ts';
import { markUnauthenticated } from './token-provider.ts';

/** How long a started sign-in may take before its state is refused. */
export const STATE_TTL_MS = 10 * 60_000;

export interface OAuthPluginOptions {
  /** Injected fetch for token and revocation endpoints (tests, proxies); the global one by default. */
  readonly fetch?: typeof fetch;
}

const tags = ['oauth'];

const startBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    returnTo: {
      type: 'string',
      maxLength: 2048,
      description:
        'Where the browser goes after the callback: a path or URL of this server, or a loopback URL.',
    },
    clientId: {
      type: 'string',
      minLength: 1,
      maxLength: 1024,
      description: "The OAuth app's client id, when not the connector's; kept with the connection.",
    },
    clientSecret: {
      type: 'string',
      minLength: 1,
      maxLength: 4096,
      description: "The OAuth app's client secret; sealed with the connection, never returned.",
    },
  },
} as const;

interface StartBody {
  readonly returnTo?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
}

const startReply = {
  type: 'object',
  required: ['authorizationUrl', 'redirectUri', 'expiresAt'],
  properties: {
    authorizationUrl: { type: 'string', description: 'Open this URL in a browser to sign in.' },
    redirectUri: { type: 'string', description: 'Register this redirect URI with the OAuth app.' },
    expiresAt: { type: 'string', description: 'ISO 8601; start again after this time.' },
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Provider error codes are shown only when they look like one (RFC 6749 §4.1.2.1 uses ASCII names). */
function providerErrorCode(value: string): string {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : 'unknown_error';
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/**
 * Registers the OAuth routes. The app registers it after its auth hook (`registerAuth`), which
 * sets `request.caller`; the callback is public (`config.public`) and logs below `warn` are off for
 * it, because its URL carries the authorization code.
 *
 * @example
 * await app.register(oauthPlugin, deps);
 */
export async function oauthPlugin(
  app: FastifyInstance,
  deps: ServerDeps & OAuthPluginOptions,
): Promise<void> {
  const { store } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const redirectUri = redirectUriOf(publicUrl);

  async function connectorOf(info: ConnectionInfo): Promise<LoadedConnector> {
    const loaded = await deps.registry.get(info.connectorId);
    if (!loaded) throw notFound('connector', info.connectorId);
    return loaded;
  }

  app.post<{ Params: { id: string }; Body: StartBody | null }>(
    '/api/v1/connections/:id/oauth/start',
    {
      schema: {
        tags,
        summary: 'Start the OAuth sign-in of a connection',
        description: `Answers the provider's authorization URL (with \`state\` and a PKCE challenge). The provider sends the browser back to \`${CALLBACK_PATH}\`, which stores the tokens and marks the connection \`connected\`.`,
        params: idParams,
        body: startBody,
        response: { 200: startReply },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const body = request.body ?? {};
      let info = await store.getConnection(request.params.id, caller.user.id);
      if (!info) throw notFound('connection', request.params.id);
      const returnTo = body.returnTo === undefined ? undefined : allowedReturnTo(body.returnTo, publicUrl);
      if (body.returnTo !== undefined && returnTo === undefined)
        throw new ServerError(
          'BAD_REQUEST',
          '`returnTo` must be a path or URL of this server, or a loopback URL (`http://127.0.0.1:…`).',
        );
      const loaded = await connectorOf(info);
      let endpoints = await endpointsOf(store, publicUrl, info, loaded);
      if (body.clientId !== undefined || body.clientSecret !== undefined) {
        const name = endpoints.parameter;
        info =
          (await store.updateConnection(info.id, caller.user.id, {
            ...(body.clientId !== undefined && {
              values: { ...info.values, [`${name}:${CLIENT_ID_VALUE}`]: body.clientId },
            }),
            ...(body.clientSecret !== undefined && {
              secrets: { [`${name}:${CLIENT_SECRET_VALUE}`]: body.clientSecret },
            }),
          })) ?? info;
        endpoints = await endpointsOf(store, publicUrl, info, loaded);
      }
      if (!endpoints.clientId)
        throw new FlowportError(
          'CONNECTION_INVALID',
          `The connector sets no OAuth client id; give \`clientId\` (and \`clientSecret\`) of the app you registered with redirect URI ${redirectUri}.`,
        );
      const authorization = await authorizationRequest(endpoints);
      const pending: OAuthState = {
        state: authorization.state,
        connectionId: info.id,
        userId: caller.user.id,
        codeVerifier: authorization.codeVerifier,
        redirectUri,
        returnTo,
        expiresAt: deps.now() + STATE_TTL_MS,
      };
      await store.putOAuthState(pending);
      return {
        authorizationUrl: authorization.url,
        redirectUri,
        expiresAt: new Date(pending.expiresAt).toISOString(),
        // The redirect URL warning is answered by `redirectUri` itself.
        warnings: endpoints.warnings.filter((w) => !w.startsWith('The redirect URL')),
      };
    },
  );

  function page(reply: FastifyReply, status: number, html: string): FastifyReply {
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(html);
  }

  async function fail(
    reply: FastifyReply,
    pending: OAuthState,
    status: number,
    reason: string,
    code: string,
  ): Promise<FastifyReply> {
    await markUnauthenticated(store, pending.connectionId, reason);
    if (pending.returnTo)
      return reply.header('referrer-policy', 'no-referrer').redirect(
        withOutcome(pending.returnTo, {
          connection: pending.connectionId,
          status: 'unauthenticated',
          error: code,
        }),
        303,
      );
    return page(reply, status, failedPage(reason));
  }

  app.get(
    CALLBACK_PATH,
    {
      config: { public: true },
      // The URL holds the authorization code: no request log lines for this route.
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Finish an OAuth sign-in (the provider redirects here)',
        description:
          'Takes `code` and `state` (or `error`) from the identity provider, exchanges the code with the PKCE verifier, stores the tokens and redirects to `returnTo` or shows a page.',
      },
    },
    async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const state = firstString(query.state);
      const pending = state ? await store.takeOAuthState(state) : undefined;
      if (!pending || pending.expiresAt <= deps.now())
        return page(
          reply,
          400,
          failedPage(
            'This sign-in link is unknown, expired or already used; start the sign-in again from flowport.',
          ),
        );
      const info = await store.getConnection(pending.connectionId, pending.userId);
      if (!info) return page(reply, 404, failedPage('The connection of this sign-in no longer exists.'));
      const error = firstString(query.error);
      if (error !== undefined) {
        const code = providerErrorCode(error);
        return fail(
          reply,
          pending,
          400,
          `The identity provider did not grant access (\`${code}\`); sign in again to connect.`,
          code,
        );
      }
      const code = firstString(query.code);
      if (!code)
        return fail(
          reply,
          pending,
          400,
          'The identity provider sent no authorization code; sign in again.',
          'missing_code',
        );
      try {
        const loaded = await connectorOf(info);
        const endpoints = await endpointsOf(store, publicUrl, info, loaded);
        const tokens = await exchangeCode(endpoints, code, pending.codeVerifier, {
          now: deps.now,
          ...(deps.fetch && { fetch: deps.fetch }),
        });
        await store.setTokens(info.id, tokens);
        await store.updateConnection(info.id, undefined, {
          status: 'connected',
          statusReason: tokens.refreshToken ? null : withoutRefreshToken(tokens.expiresAt, deps.now()),
        });
      } catch (failure) {
        const reason = isFlowportError(failure)
          ? failure.message
          : 'The sign-in could not be finished; see the server log.';
        if (!isFlowportError(failure)) request.log.error({ err: failure }, 'OAuth callback failed');
        const refused = failure instanceof RefreshRefusedError && failure.refused;
        return fail(reply, pending, refused ? 400 : 502, reason, 'token_exchange_failed');
      }
      if (pending.returnTo)
        return reply
          .header('referrer-policy', 'no-referrer')
          .redirect(withOutcome(pending.returnTo, { connection: info.id, status: 'connected' }), 303);
      return page(reply, 200, connectedPage(info.name));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/connections/:id/oauth/revoke',
    {
      schema: {
        tags,
        summary: 'Sign a connection out',
        description:
          'Drops the stored tokens and marks the connection `unauthenticated`; revokes the grant at the provider when the connector names a `revocationUrl`.',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: { connection: connectionSchema, revokedAtProvider: { type: 'boolean' } },
          },
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const info = await store.getConnection(request.params.id, caller.user.id);
      if (!info) throw notFound('connection', request.params.id);
      const revokedAtProvider = await signOut({ ...deps, publicUrl }, info);
      const updated = await store.updateConnection(info.id, caller.user.id, {
        status: 'unauthenticated',
        statusReason: 'Signed out; sign in again to use the connection.',
      });
      return { connection: updated ?? info, revokedAtProvider };
    },
  );
}

/**
 * The reason a connection signed in without a refresh token carries: it works until the access token
 * expires, then needs a new sign-in (the platform behaves the same), so its owner hears it now.
 */
export function withoutRefreshToken(expiresAt: number | undefined, now: number): string {
  const when =
    expiresAt === undefined
      ? 'when its access token expires'
      : `when its access token expires, in ${Math.max(1, Math.round((expiresAt - now) / 60_000))} minutes`;
  return `Connected without a refresh token: the identity provider gave none, so the connection needs a new sign-in ${when}. Ask for offline access (\`flowport oauth-doctor\` says how for this provider).`;
}
