/**
 * Test helpers: a real OAuth 2 / OpenID provider (`oidc-provider`) on loopback, a browser-like client
 * that signs in and consents through its pages, a resource server that checks bearer tokens by
 * introspection, and a connector whose `oAuthSettings` point at the provider.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { request } from 'undici';
import type { Connector } from '../../connector/model.ts';
import { testConnector } from '../../runtime/connection/_test-connector.ts';

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Token endpoint calls that reached the provider, by `grant_type`. */
  readonly grants: { authorization_code: number; refresh_token: number };
  /**
   * Follows `authorizationUrl` like a browser: signs in as `login`, then consents (or aborts when
   * `deny`), and returns the URL the provider finally redirects to (the client's redirect URI).
   */
  consent(authorizationUrl: string, options?: { login?: string; deny?: boolean }): Promise<URL>;
  /** RFC 7662 introspection with the client's credentials: is the token active? */
  introspect(token: string): Promise<boolean>;
  /** RFC 7009 revocation; revoking a refresh token ends its whole grant. */
  revoke(token: string): Promise<void>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Starts `oidc-provider` with one confidential client that must use PKCE and gets refresh tokens. */
export async function startTestProvider(options: {
  readonly redirectUri: string;
  /** Access token lifetime in seconds. */
  readonly accessTokenTtl: number;
  /**
   * Lifetime of access tokens issued by a refresh, when it should differ: a test that expires the
   * first token quickly but checks the refreshed one afterwards must not race its expiry on a
   * loaded machine.
   */
  readonly refreshedAccessTokenTtl?: number;
}): Promise<TestProvider> {
  const server = createServer();
  const issuer = await listen(server);
  const accessTokenTtl = (ctx: { oidc?: { params?: { grant_type?: unknown } } } | undefined) =>
    ctx?.oidc?.params?.grant_type === 'refresh_token'
      ? (options.refreshedAccessTokenTtl ?? options.accessTokenTtl)
      : options.accessTokenTtl;
  const clientId = 'flowport-test';
  const clientSecret = `secret-${randomBytes(12).toString('hex')}`;
  const grants = { authorization_code: 0, refresh_token: 0 };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      RefreshToken: 3600,
      Grant: 3600,
    },
    // Refresh tokens without `offline_access`, rotated on every use: a second refresh with a used
    // token is detected by the provider, which then revokes the grant.
    issueRefreshToken: async () => true,
    rotateRefreshToken: true,
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: {
      devInteractions: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const grant = ctx.oidc?.params?.grant_type;
    if (
      ctx.method === 'POST' &&
      ctx.path === '/token' &&
      (grant === 'refresh_token' || grant === 'authorization_code')
    )
      grants[grant]++;
  });
  server.on('request', provider.callback());

  async function post(
    path: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; json: unknown }> {
    const response = await request(`${issuer}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const text = await response.body.text();
    return { status: response.statusCode, json: text ? JSON.parse(text) : undefined };
  }

  return {
    issuer,
    clientId,
    clientSecret,
    grants,
    async consent(authorizationUrl, { login = 'alice', deny = false } = {}) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      let method: 'GET' | 'POST' = 'GET';
      let body: string | undefined;
      for (let step = 0; step < 20; step++) {
        if (url.href.startsWith(options.redirectUri)) return url;
        const response = await request(url, {
          method,
          headers: {
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(body !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }),
          },
          ...(body !== undefined && { body }),
        });
        const setCookie = response.headers['set-cookie'];
        for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
          const [pair] = line.split(';');
          const eq = pair!.indexOf('=');
          jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
        }
        const text = await response.body.text();
        const location = response.headers.location;
        if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
          url = new URL(location, url);
          method = 'GET';
          body = undefined;
          continue;
        }
        if (response.statusCode !== 200)
          throw new Error(`The provider answered ${response.statusCode} at ${url.pathname}.`);
        const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1];
        const prompt = /name="prompt" value="([a-z]+)"/.exec(text)?.[1];
        if (!action || !prompt) throw new Error(`No sign-in or consent form at ${url.pathname}.`);
        if (prompt === 'consent' && deny) {
          url = new URL(`${action}/abort`, url);
          method = 'GET';
          body = undefined;
          continue;
        }
        url = new URL(action, url);
        method = 'POST';
        body = new URLSearchParams(
          prompt === 'login' ? { prompt, login, password: 'any' } : { prompt },
        ).toString();
      }
      throw new Error('The sign-in did not reach the redirect URI within 20 steps.');
    },
    async introspect(token) {
      const { json } = await post('/token/introspection', {
        token,
        client_id: clientId,
        client_secret: clientSecret,
      });
      return (json as { active?: boolean } | undefined)?.active === true;
    },
    async revoke(token) {
      const { status } = await post('/token/revocation', {
        token,
        client_id: clientId,
        client_secret: clientSecret,
      });
      if (status !== 200) throw new Error(`Revocation answered ${status}.`);
    },
    close: () => closeServer(server),
  };
}

export interface ResourceServer {
  readonly url: string;
  /** Bearer tokens received, in order. */
  readonly tokens: string[];
  close(): Promise<void>;
}

/** `GET /me`: 200 `{ active: true }` when the bearer token is active at the provider, else 401. */
export async function startResourceServer(provider: TestProvider): Promise<ResourceServer> {
  const tokens: string[] = [];
  const server = createServer(async (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (token) tokens.push(token);
    const active = token !== undefined && (await provider.introspect(token));
    res.writeHead(active ? 200 : 401, {
      'content-type': 'application/json',
      ...(!active && { 'www-authenticate': 'Bearer error="invalid_token"' }),
    });
    res.end(JSON.stringify({ active }));
  });
  const url = await listen(server);
  return { url, tokens, close: () => closeServer(server) };
}

/** A connector with one `GetMe` operation and an `oauth2` `token` parameter pointing at `provider`. */
export function providerConnector(provider: TestProvider, extra: Record<string, unknown> = {}): Connector {
  return testConnector(
    {
      swagger: '2.0',
      info: { title: 'Loopback OAuth', version: '1.0' },
      host: 'api.example.com',
      schemes: ['https'],
      paths: {
        '/me': { get: { operationId: 'GetMe', responses: { '200': { description: 'OK' } } } },
      },
      securityDefinitions: {
        oauth2_auth: {
          type: 'oauth2',
          flow: 'accessCode',
          authorizationUrl: `${provider.issuer}/auth`,
          tokenUrl: `${provider.issuer}/token`,
          scopes: {},
        },
      },
      security: [{ oauth2_auth: [] }],
    },
    {
      connectionParameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'oauth2',
            clientId: provider.clientId,
            scopes: ['openid'],
            redirectMode: 'Global',
            customParameters: {
              authorizationUrl: { value: `${provider.issuer}/auth` },
              tokenUrl: { value: `${provider.issuer}/token` },
              refreshUrl: { value: `${provider.issuer}/token` },
              revocationUrl: { value: `${provider.issuer}/token/revocation` },
              ...extra,
            },
          },
        },
      },
    },
  );
}
