import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { flowportErrorOf } from './_test-connector.ts';
import {
  type OAuthTokens,
  RefreshRefusedError,
  refreshGrant,
  refreshingTokenProvider,
  staticTokenProvider,
} from './token-provider.ts';

const ENDPOINT = 'https://login.example.com/oauth2/token';

/** A fake token endpoint: records each request body and answers with `reply`. */
function fakeEndpoint(reply: (body: URLSearchParams, n: number) => { status: number; json: unknown }) {
  const bodies: URLSearchParams[] = [];
  const fetchFake = (async (_url: string | URL | Request, init?: RequestInit) => {
    const body = new URLSearchParams(String(init?.body ?? ''));
    bodies.push(body);
    await new Promise((r) => setTimeout(r, 5));
    const { status, json } = reply(body, bodies.length);
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fetchFake, bodies };
}

const granted = (n: number) => ({
  status: 200,
  json: {
    access_token: `access-${n}`,
    token_type: 'Bearer',
    expires_in: 3600,
    refresh_token: `refresh-${n}`,
  },
});

describe('staticTokenProvider', () => {
  it('returns its token, also when a refresh is asked for', async () => {
    const provider = staticTokenProvider('abc');
    expect(await provider.getToken()).toBe('abc');
    expect(await provider.getToken({ forceRefresh: true })).toBe('abc');
  });

  it('refuses an empty token', async () => {
    expect((await flowportErrorOf(() => staticTokenProvider(''))).code).toBe('CONNECTION_INVALID');
  });
});

describe('refreshingTokenProvider', () => {
  const base = {
    tokenEndpoint: ENDPOINT,
    clientId: 'client',
    clientSecret: 'shh',
    refreshToken: 'refresh-0',
  };

  it.each([
    ['keeps a token that expires after the skew', 1_000_000 + 61_000, 0, 'current'],
    ['refreshes a token that expires within the skew', 1_000_000 + 59_000, 1, 'access-1'],
    ['refreshes an expired token', 999_000, 1, 'access-1'],
  ])('%s', async (_, expiresAt, calls, expected) => {
    const endpoint = fakeEndpoint((_, n) => granted(n));
    const provider = refreshingTokenProvider({
      ...base,
      accessToken: 'current',
      expiresAt,
      now: () => 1_000_000,
      fetch: endpoint.fetch,
    });
    expect(await provider.getToken()).toBe(expected);
    expect(endpoint.bodies).toHaveLength(calls);
  });

  it('sends a refresh grant with the client credentials in the body and reports rotated tokens', async () => {
    const endpoint = fakeEndpoint((_, n) => granted(n));
    const seen: OAuthTokens[] = [];
    const provider = refreshingTokenProvider({
      ...base,
      now: () => 5_000,
      fetch: endpoint.fetch,
      parameters: { resource: 'https://graph.microsoft.com' },
      onTokens: (t) => seen.push(t),
    });
    expect(await provider.getToken()).toBe('access-1');
    const body = endpoint.bodies[0]!;
    expect(Object.fromEntries(body)).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-0',
      client_id: 'client',
      client_secret: 'shh',
      resource: 'https://graph.microsoft.com',
    });
    expect(seen).toEqual([
      { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: 5_000 + 3_600_000 },
    ]);
    // The rotated refresh token is the one used next time.
    expect(await provider.getToken({ forceRefresh: true })).toBe('access-2');
    expect(endpoint.bodies[1]!.get('refresh_token')).toBe('refresh-1');
  });

  it('keeps the refresh token when the server does not rotate it', async () => {
    const endpoint = fakeEndpoint((_, n) => ({
      status: 200,
      json: { access_token: `a-${n}`, token_type: 'bearer' },
    }));
    const provider = refreshingTokenProvider({ ...base, fetch: endpoint.fetch });
    await provider.getToken();
    await provider.getToken({ forceRefresh: true });
    expect(endpoint.bodies.map((b) => b.get('refresh_token'))).toEqual(['refresh-0', 'refresh-0']);
  });

  it('refreshes once for concurrent callers', async () => {
    const endpoint = fakeEndpoint((_, n) => granted(n));
    const provider = refreshingTokenProvider({ ...base, fetch: endpoint.fetch });
    const tokens = await Promise.all([
      provider.getToken(),
      provider.getToken({ forceRefresh: true }),
      provider.getToken(),
    ]);
    expect(tokens).toEqual(['access-1', 'access-1', 'access-1']);
    expect(endpoint.bodies).toHaveLength(1);
  });

  it('turns a refused refresh into AUTH_REFRESH_FAILED without any token, then tries again', async () => {
    const endpoint = fakeEndpoint((_, n) =>
      n === 1
        ? { status: 400, json: { error: 'invalid_grant', error_description: 'refresh-0 expired' } }
        : granted(n),
    );
    const provider = refreshingTokenProvider({
      ...base,
      accessToken: 'old-access',
      expiresAt: 0,
      fetch: endpoint.fetch,
    });
    const error = await flowportErrorOf(() => provider.getToken());
    expect(error.code).toBe('AUTH_REFRESH_FAILED');
    expect(error.message).toBe(
      'Refreshing the OAuth token at `https://login.example.com/oauth2/token` failed (`invalid_grant`, HTTP 400); sign in again to renew the connection.',
    );
    expect(error.message).not.toMatch(/refresh-0|old-access|shh/);
    expect(error.cause).toBeUndefined();
    expect(await provider.getToken()).toBe('access-2');
  });

  it.each([
    ['a plain-HTTP endpoint on another host', 'http://login.example.com/token', 'CONNECTION_INVALID'],
    ['a relative endpoint', '/token', 'CONNECTION_INVALID'],
  ])('refuses %s', async (_, tokenEndpoint, code) => {
    expect((await flowportErrorOf(() => refreshingTokenProvider({ ...base, tokenEndpoint }))).code).toBe(
      code,
    );
  });

  it('refuses an empty refresh token as unauthenticated', async () => {
    const error = await flowportErrorOf(() => refreshingTokenProvider({ ...base, refreshToken: '' }));
    expect(error.code).toBe('CONNECTION_UNAUTHENTICATED');
  });

  it('refreshes against a loopback HTTP server with the global fetch', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'from-server', token_type: 'bearer', expires_in: 60 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const provider = refreshingTokenProvider({ ...base, tokenEndpoint: `http://127.0.0.1:${port}/token` });
      expect(await provider.getToken()).toBe('from-server');
      expect(new URLSearchParams(bodies[0]).get('grant_type')).toBe('refresh_token');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('refreshingTokenProvider with a templated refresh call', () => {
  it('posts the body the template built and reads the answer', async () => {
    const seen: { url: string; body: string; contentType: string | null }[] = [];
    const fetchFake = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({
        url: String(url),
        body: String(init?.body),
        contentType: new Headers(init?.headers).get('content-type'),
      });
      return new Response(JSON.stringify({ access_token: 'templated', token_type: 'Bearer' }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const provider = refreshingTokenProvider({
      tokenEndpoint: 'https://accounts.zoho.eu/oauth/v2/token',
      clientId: 'client',
      refreshToken: 'r/1',
      fetch: fetchFake,
      refreshRequest: (rt) => ({
        url: 'https://accounts.zoho.eu/oauth/v2/token',
        body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(rt)}`,
      }),
    });
    expect(await provider.getToken()).toBe('templated');
    expect(seen).toEqual([
      {
        url: 'https://accounts.zoho.eu/oauth/v2/token',
        body: 'grant_type=refresh_token&refresh_token=r%2F1',
        contentType: 'application/x-www-form-urlencoded',
      },
    ]);
  });

  it('refuses a templated call to a plain-HTTP host', async () => {
    const provider = refreshingTokenProvider({
      tokenEndpoint: 'https://a.example.com/token',
      clientId: 'client',
      refreshToken: 'r',
      fetch: (async () => new Response('{}')) as unknown as typeof fetch,
      refreshRequest: () => ({ url: 'http://a.example.com/token', body: '' }),
    });
    expect((await flowportErrorOf(() => provider.getToken())).code).toBe('CONNECTION_INVALID');
  });
});

describe('refreshGrant', () => {
  const base = { tokenEndpoint: ENDPOINT, clientId: 'client', clientSecret: 'shh' };

  it('returns the new tokens with type and scope, keeping the refresh token when not rotated', async () => {
    const endpoint = fakeEndpoint(() => ({
      status: 200,
      json: { access_token: 'a-1', token_type: 'Bearer', expires_in: 10, scope: 'read' },
    }));
    const grant = refreshGrant({ ...base, now: () => 1_000, fetch: endpoint.fetch });
    expect(await grant('refresh-0')).toEqual({
      accessToken: 'a-1',
      refreshToken: 'refresh-0',
      expiresAt: 11_000,
      tokenType: 'bearer',
      scope: 'read',
    });
  });

  it('ignores an ID token whose issuer is not the token endpoint origin (Entra v2)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256' })).toString('base64url');
    const claims = Buffer.from(
      JSON.stringify({ iss: 'https://login.microsoftonline.com/tid/v2.0', aud: 'client', sub: 'x' }),
    ).toString('base64url');
    const endpoint = fakeEndpoint(() => ({
      status: 200,
      json: { access_token: 'a-1', token_type: 'Bearer', id_token: `${header}.${claims}.c2ln` },
    }));
    const grant = refreshGrant({ ...base, fetch: endpoint.fetch });
    expect((await grant('r')).accessToken).toBe('a-1');
  });

  it.each([
    ['an OAuth error answer', 400, { error: 'invalid_grant' }, true],
    ['a 401 without a body error', 401, 'no', true],
    ['a server error', 503, { error: 'temporarily_unavailable' }, false],
    ['a server error without a body', 500, 'boom', false],
  ])('says whether %s is a refusal', async (_, status, json, refused) => {
    const endpoint = fakeEndpoint(() => ({ status, json }));
    const error = await flowportErrorOf(() => refreshGrant({ ...base, fetch: endpoint.fetch })('secret-rt'));
    expect(error).toBeInstanceOf(RefreshRefusedError);
    expect(error.code).toBe('AUTH_REFRESH_FAILED');
    expect((error as RefreshRefusedError).refused).toBe(refused);
    expect(error.message).not.toContain('secret-rt');
  });

  it('does not count an unreachable endpoint as a refusal', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await flowportErrorOf(() => refreshGrant({ ...base, fetch: failing })('r'));
    expect((error as RefreshRefusedError).refused).toBe(false);
  });
});
