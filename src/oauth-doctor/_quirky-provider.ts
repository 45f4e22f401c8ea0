/**
 * Test helper: an OAuth 2 provider and API on loopback whose quirks are set per test (the ways real
 * providers trip connectors: no refresh token without `offline_access`, refresh needing `scope` or
 * `client_secret_basic`, narrower grants, rotation, JWT audiences). The authorization endpoint consents
 * at once and redirects back, so a test plays the browser with one fetch.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Quirks {
  /** When a refresh token is issued: always (default), only for the `offline_access` scope, never. */
  readonly refreshToken?: 'always' | 'offline_access' | 'never';
  /** `expires_in` of access tokens; null leaves it out. Default 3600. */
  readonly expiresIn?: number | null;
  /** `token_type`; null leaves it out. Default `Bearer`. */
  readonly tokenType?: string | null;
  /** The granted `scope` for the asked ones; default: what was asked. */
  readonly grant?: (asked: readonly string[]) => string | undefined;
  /** How the client must authenticate on refresh: `post`, `basic` or either (default). */
  readonly refreshClientAuth?: 'post' | 'basic' | 'any';
  /** Refresh requests must carry `scope`. */
  readonly refreshNeedsScope?: boolean;
  /** A new refresh token with each refresh (the old one stops working). */
  readonly rotate?: boolean;
  /** Access tokens are JWTs with this `aud`. */
  readonly aud?: string;
  /** The API refuses every token with this status. */
  readonly apiStatus?: number;
}

export const CLIENT_ID = 'doctor-app';
export const CLIENT_SECRET = 'doctor-secret-value';

export interface QuirkyProvider {
  readonly origin: string;
  /** Every request to the token endpoint: its grant type and how the client authenticated. */
  readonly tokenCalls: { grant: string; auth: 'post' | 'basic' | 'none'; body: URLSearchParams }[];
  close(): Promise<void>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

function send(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}

export async function quirkyProvider(quirks: Quirks = {}): Promise<QuirkyProvider> {
  const codes = new Map<string, { challenge: string; redirect: string; scopes: string[] }>();
  const refreshTokens = new Map<string, string[]>();
  const accessTokens = new Set<string>();
  const tokenCalls: QuirkyProvider['tokenCalls'] = [];
  let origin = '';

  function issue(scopes: string[], withRefresh: boolean): Record<string, unknown> {
    const id = randomBytes(12).toString('base64url');
    const access = quirks.aud
      ? [
          Buffer.from('{"alg":"none"}').toString('base64url'),
          Buffer.from(JSON.stringify({ aud: quirks.aud, jti: id })).toString('base64url'),
          'sig',
        ].join('.')
      : `at-${id}`;
    accessTokens.add(access);
    const answer: Record<string, unknown> = { access_token: access };
    if (quirks.tokenType !== null) answer.token_type = quirks.tokenType ?? 'Bearer';
    if (quirks.expiresIn !== null) answer.expires_in = quirks.expiresIn ?? 3600;
    const granted = quirks.grant ? quirks.grant(scopes) : scopes.join(' ');
    if (granted !== undefined) answer.scope = granted;
    if (withRefresh) {
      const refresh = `rt-${randomBytes(12).toString('base64url')}`;
      refreshTokens.set(refresh, scopes);
      answer.refresh_token = refresh;
    }
    return answer;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    // Any path ending so: Entra-style URLs (`/common/oauth2/authorize`) reach it too.
    if (req.method === 'GET' && url.pathname.endsWith('/authorize')) {
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      const back = new URL(redirect);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (url.searchParams.get('client_id') !== CLIENT_ID)
        back.searchParams.set('error', 'unauthorized_client');
      else {
        const code = randomBytes(12).toString('base64url');
        codes.set(code, {
          challenge: url.searchParams.get('code_challenge') ?? '',
          redirect,
          scopes: (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean),
        });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname.endsWith('/token')) {
      const body = new URLSearchParams(await bodyOf(req));
      const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
      let auth: 'post' | 'basic' | 'none' = 'none';
      let clientOk = false;
      if (basic) {
        const [id, secret] = Buffer.from(basic[1] as string, 'base64')
          .toString()
          .split(':')
          .map(decodeURIComponent);
        auth = 'basic';
        clientOk = id === CLIENT_ID && secret === CLIENT_SECRET;
      } else if (body.has('client_secret')) {
        auth = 'post';
        clientOk = body.get('client_id') === CLIENT_ID && body.get('client_secret') === CLIENT_SECRET;
      }
      const grant = body.get('grant_type') ?? '';
      tokenCalls.push({ grant, auth, body });
      if (!clientOk) return send(res, 401, { error: 'invalid_client' });
      if (grant === 'authorization_code') {
        const found = codes.get(body.get('code') ?? '');
        codes.delete(body.get('code') ?? '');
        if (
          !found ||
          found.redirect !== body.get('redirect_uri') ||
          found.challenge !== sha256(body.get('code_verifier') ?? '')
        )
          return send(res, 400, { error: 'invalid_grant' });
        const mode = quirks.refreshToken ?? 'always';
        const withRefresh =
          mode === 'always' || (mode === 'offline_access' && found.scopes.includes('offline_access'));
        return send(res, 200, issue(found.scopes, withRefresh));
      }
      if (grant === 'refresh_token') {
        const wanted = quirks.refreshClientAuth ?? 'any';
        if (wanted !== 'any' && wanted !== auth)
          return send(res, 401, {
            error: 'invalid_client',
            error_description: `client authentication must be ${wanted}`,
          });
        if (quirks.refreshNeedsScope && !body.get('scope'))
          return send(res, 400, { error: 'invalid_request', error_description: 'scope is required' });
        const token = body.get('refresh_token') ?? '';
        const scopes = refreshTokens.get(token);
        if (!scopes) return send(res, 400, { error: 'invalid_grant' });
        const answer = issue(scopes, quirks.rotate === true);
        if (quirks.rotate) refreshTokens.delete(token);
        return send(res, 200, answer);
      }
      return send(res, 400, { error: 'unsupported_grant_type' });
    }
    if (req.method === 'GET' && url.pathname === '/api/me') {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (quirks.apiStatus) return send(res, quirks.apiStatus, { error: 'refused' });
      if (!token || !accessTokens.has(token)) return send(res, 401, { error: 'invalid_token' });
      return send(res, 200, { name: 'Ada' });
    }
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    tokenCalls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A connector whose `token` parameter signs in at `provider`, with a test connection on `/api/me`. */
export function doctorConnectorFiles(
  origin: string,
  options: { scopes?: string[]; settings?: Record<string, unknown>; testConnection?: boolean } = {},
): { name: string; bytes: Uint8Array }[] {
  const host = new URL(origin).host;
  const swagger = {
    swagger: '2.0',
    info: { title: 'Doctor Demo', description: 'A connector for the OAuth doctor tests.', version: '1.0' },
    host,
    basePath: '/api',
    schemes: ['http'],
    paths: {
      '/me': {
        get: {
          operationId: 'GetMe',
          summary: 'Get me',
          responses: { '200': { description: 'OK', schema: { type: 'object' } } },
        },
      },
    },
    securityDefinitions: {
      oauth2_auth: {
        type: 'oauth2',
        flow: 'accessCode',
        authorizationUrl: `${origin}/authorize`,
        tokenUrl: `${origin}/token`,
        scopes: {},
      },
    },
    ...(options.testConnection !== false && {
      'x-ms-capabilities': { testConnection: { operationId: 'GetMe', parameters: {} } },
    }),
  };
  const apiProperties = {
    properties: {
      connectionParameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'oauth2',
            clientId: CLIENT_ID,
            scopes: options.scopes ?? ['tasks.read'],
            redirectMode: 'Global',
            redirectUrl: 'https://global.consent.azure-apim.net/redirect',
            properties: { IsFirstParty: 'False' },
            customParameters: {
              authorizationUrl: { value: `${origin}/authorize` },
              tokenUrl: { value: `${origin}/token` },
              refreshUrl: { value: `${origin}/token` },
            },
            ...options.settings,
          },
        },
      },
    },
  };
  const text = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 2));
  return [
    { name: 'apiDefinition.swagger.json', bytes: text(swagger) },
    { name: 'apiProperties.json', bytes: text(apiProperties) },
  ];
}

/** Plays the browser: opens the authorization URL and returns the query it redirects back with. */
export async function consent(url: string): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: 'manual' });
  return new URL(response.headers.get('location') ?? '').searchParams;
}
