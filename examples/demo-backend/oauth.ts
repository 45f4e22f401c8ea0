/**
 * A minimal OAuth 2 authorization server for the demo (RFC 6749 authorization code grant with
 * PKCE, RFC 7636, S256 only; refresh tokens rotate on use; RFC 7009 revocation; RFC 8414 metadata).
 * The demo user consents automatically: `/oauth/authorize` redirects straight back with a code.
 * Tokens are random opaque strings kept in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from './http.ts';
import { safeEqual } from './safe-equal.ts';

/** Documented demo values, not secrets: anyone may use them against a local demo backend. */
export const DEMO_CLIENT_ID = 'brightdesk-demo';
export const DEMO_CLIENT_SECRET = 'brightdesk-demo-secret';
export const SCOPES = ['tickets.read', 'tickets.write', 'offline_access'] as const;
const DEFAULT_SCOPE = 'tickets.read tickets.write';
const CODE_LIFETIME_MS = 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export interface OAuthOptions {
  readonly now: () => number;
  /** Access token lifetime in seconds. */
  readonly tokenLifetime: number;
  /** Redirect URIs allowed besides any loopback `http(s)` address. */
  readonly redirectUris: readonly string[];
}

interface Code {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly scope: string;
  readonly expiresAt: number;
}

interface Grant {
  /** The consent the token descends from; revoking a refresh token ends the whole grant. */
  readonly grantId: string;
  readonly scope: string;
  readonly expiresAt: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly scope: readonly string[] }
  | { readonly ok: false; readonly reason: 'expired' | 'unknown' };

export interface OAuthServer {
  /** Whether a bearer token is valid now, and its scopes. */
  verify(token: string): TokenCheck;
  /** Counts for tests and the console: live codes, access and refresh tokens. */
  stats(): { codes: number; accessTokens: number; refreshTokens: number };
}

function random(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function tokenError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .headers({ 'cache-control': 'no-store', pragma: 'no-cache' })
    .send({ error, error_description: description });
}

function redirectAllowed(uri: string, extra: readonly string[]): boolean {
  if (extra.includes(uri)) return true;
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/** `client_id` and `client_secret` from HTTP Basic (RFC 6749 §2.3.1) or the form body. */
function clientOf(request: FastifyRequest, form: Record<string, string>) {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString();
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return {
        id: decodeURIComponent(decoded.slice(0, colon)),
        secret: decodeURIComponent(decoded.slice(colon + 1)),
      };
  }
  return { id: form.client_id, secret: form.client_secret };
}

function formOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** Adds `/oauth/authorize`, `/oauth/token`, `/oauth/revoke` and the metadata document to `app`. */
export function registerOAuth(app: FastifyInstance, options: OAuthOptions): OAuthServer {
  const { now } = options;
  const codes = new Map<string, Code>();
  const accessTokens = new Map<string, Grant>();
  const refreshTokens = new Map<string, Grant>();

  function issue(reply: FastifyReply, grantId: string, scope: string) {
    const access = random('bd_at_');
    const refresh = random('bd_rt_');
    const lifetime = options.tokenLifetime;
    accessTokens.set(access, { grantId, scope, expiresAt: now() + lifetime * 1000 });
    refreshTokens.set(refresh, { grantId, scope, expiresAt: Number.POSITIVE_INFINITY });
    return reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send({
      access_token: access,
      token_type: 'Bearer',
      expires_in: lifetime,
      refresh_token: refresh,
      scope,
    });
  }

  function endGrant(grantId: string) {
    for (const map of [accessTokens, refreshTokens])
      for (const [token, grant] of map) if (grant.grantId === grantId) map.delete(token);
  }

  app.get('/.well-known/oauth-authorization-server', async (request) => {
    const origin = originOf(request);
    return {
      issuer: origin,
      authorization_endpoint: `${origin}/oauth/authorize`,
      token_endpoint: `${origin}/oauth/token`,
      revocation_endpoint: `${origin}/oauth/revoke`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      scopes_supported: SCOPES,
    };
  });

  app.get('/oauth/authorize', async (request, reply) => {
    const q = formOf(request.query);
    // Without a known client and an allowed redirect URI there is nowhere safe to send an error.
    if (q.client_id !== DEMO_CLIENT_ID)
      return tokenError(
        reply,
        400,
        'invalid_client',
        `Unknown client_id; the demo client is ${DEMO_CLIENT_ID}.`,
      );
    const redirectUri = q.redirect_uri;
    if (!redirectUri || !redirectAllowed(redirectUri, options.redirectUris))
      return tokenError(
        reply,
        400,
        'invalid_request',
        '`redirect_uri` must be a loopback http(s) address or one given with --redirect-uri.',
      );
    const back = new URL(redirectUri);
    if (q.state !== undefined) back.searchParams.set('state', q.state);
    const fail = (error: string, description: string) => {
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', description);
      return reply.redirect(back.toString(), 302);
    };
    if (q.response_type !== 'code')
      return fail('unsupported_response_type', 'Only `response_type=code` is supported.');
    if (!q.code_challenge || q.code_challenge_method !== 'S256')
      return fail(
        'invalid_request',
        'PKCE is required: send `code_challenge` with `code_challenge_method=S256`.',
      );
    const scope = (q.scope ?? '').split(' ').filter(Boolean);
    const unknown = scope.find((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown) return fail('invalid_scope', `Unknown scope ${unknown}; known: ${SCOPES.join(' ')}.`);
    const code = random('bd_code_');
    codes.set(code, {
      redirectUri,
      challenge: q.code_challenge,
      scope: scope.length > 0 ? scope.join(' ') : DEFAULT_SCOPE,
      expiresAt: now() + CODE_LIFETIME_MS,
    });
    back.searchParams.set('code', code);
    return reply.redirect(back.toString(), 302);
  });

  app.post('/oauth/token', async (request, reply) => {
    const form = formOf(request.body);
    const client = clientOf(request, form);
    if (client.id !== DEMO_CLIENT_ID)
      return tokenError(
        reply,
        401,
        'invalid_client',
        `Unknown client; the demo client is ${DEMO_CLIENT_ID}.`,
      );
    // The demo client is public (PKCE); a secret, when sent, must still be the right one.
    if (client.secret !== undefined && !safeEqual(client.secret, DEMO_CLIENT_SECRET))
      return tokenError(reply, 401, 'invalid_client', 'The client secret is wrong.');
    if (form.grant_type === 'authorization_code') {
      const code = form.code === undefined ? undefined : codes.get(form.code);
      if (form.code !== undefined) codes.delete(form.code);
      if (!code || code.expiresAt <= now())
        return tokenError(reply, 400, 'invalid_grant', 'The code is unknown, used or expired.');
      if (form.redirect_uri !== code.redirectUri)
        return tokenError(
          reply,
          400,
          'invalid_grant',
          '`redirect_uri` differs from the authorization request.',
        );
      const verifier = form.code_verifier ?? '';
      if (!VERIFIER.test(verifier) || !safeEqual(s256(verifier), code.challenge))
        return tokenError(
          reply,
          400,
          'invalid_grant',
          'The PKCE `code_verifier` does not match the challenge.',
        );
      return issue(reply, random('grant_'), code.scope);
    }
    if (form.grant_type === 'refresh_token') {
      const token = form.refresh_token ?? '';
      const grant = refreshTokens.get(token);
      if (!grant) return tokenError(reply, 400, 'invalid_grant', 'The refresh token is unknown or was used.');
      refreshTokens.delete(token);
      return issue(reply, grant.grantId, grant.scope);
    }
    return tokenError(
      reply,
      400,
      'unsupported_grant_type',
      'Use `grant_type=authorization_code` or `grant_type=refresh_token`.',
    );
  });

  app.post('/oauth/revoke', async (request, reply) => {
    const token = formOf(request.body).token ?? '';
    const grant = refreshTokens.get(token) ?? accessTokens.get(token);
    if (grant && refreshTokens.has(token)) endGrant(grant.grantId);
    else accessTokens.delete(token);
    return reply.code(200).send();
  });

  return {
    verify(token) {
      const grant = accessTokens.get(token);
      if (!grant) return { ok: false, reason: 'unknown' };
      if (grant.expiresAt <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, scope: grant.scope.split(' ') };
    },
    stats: () => ({ codes: codes.size, accessTokens: accessTokens.size, refreshTokens: refreshTokens.size }),
  };
}
