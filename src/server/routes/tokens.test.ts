import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('API tokens', () => {
  it('shows a new token once, lists it by prefix only, and the token works', async () => {
    t = await createTestServer();
    const created = await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'ci' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { token, info } = created.json();
    expect(token).toMatch(/^fp_/);
    expect(info).toMatchObject({ name: 'ci', userId: t.maker.user.id });
    const list = await t.call(t.maker, 'GET', '/api/v1/tokens');
    expect(list.body).not.toContain(token);
    expect(
      list
        .json()
        .tokens.map((x: { name: string }) => x.name)
        .sort(),
    ).toEqual(['ci', 'test']);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().id).toBe(t.maker.user.id);
  });

  it("lets a maker revoke only their own tokens; another's is a 404", async () => {
    t = await createTestServer();
    const others = (await t.call(t.other, 'GET', '/api/v1/tokens')).json().tokens;
    const refused = await t.call(t.maker, 'DELETE', `/api/v1/tokens/${others[0].id}`);
    expect(refused.statusCode).toBe(404);
    expect((await t.call(t.other, 'GET', '/api/v1/users/me')).statusCode).toBe(200);
    const mine = (await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'temp' })).json();
    expect((await t.call(t.maker, 'DELETE', `/api/v1/tokens/${mine.info.id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${mine.token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it("refuses makers other users' tokens and lets admins manage anyone's", async () => {
    t = await createTestServer();
    const list = await t.call(t.maker, 'GET', `/api/v1/tokens?userId=${t.other.user.id}`);
    expect(list.statusCode).toBe(403);
    const create = await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'x', userId: t.other.user.id });
    expect(create.statusCode).toBe(403);
    const adminList = await t.call(t.admin, 'GET', `/api/v1/tokens?userId=${t.other.user.id}`);
    expect(adminList.json().tokens).toHaveLength(1);
    const forOther = await t.call(t.admin, 'POST', '/api/v1/tokens', {
      name: 'given',
      userId: t.other.user.id,
    });
    expect(forOther.json().info.userId).toBe(t.other.user.id);
    const otherToken = adminList.json().tokens[0].id;
    expect((await t.call(t.admin, 'DELETE', `/api/v1/tokens/${otherToken}`)).statusCode).toBe(204);
    expect((await t.call(t.other, 'GET', '/api/v1/users/me')).statusCode).toBe(401);
    expect((await t.call(t.admin, 'GET', '/api/v1/tokens?userId=nobody')).statusCode).toBe(404);
  });
});

describe('users', () => {
  it('lets admins list users and create one with a first token', async () => {
    t = await createTestServer();
    const created = await t.call(t.admin, 'POST', '/api/v1/users', { name: 'dana', role: 'maker' });
    expect(created.statusCode).toBe(201);
    const { user, token } = created.json();
    expect(user).toMatchObject({ name: 'dana', role: 'maker' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ id: user.id, role: 'maker' });
    const list = (await t.call(t.admin, 'GET', '/api/v1/users')).json().users;
    expect(list.map((u: { name: string }) => u.name)).toContain('dana');
  });

  it('refuses makers the user list and user creation with 403', async () => {
    t = await createTestServer();
    const list = await t.call(t.maker, 'GET', '/api/v1/users');
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    // Refused before the body is looked at.
    expect((await t.call(t.maker, 'POST', '/api/v1/users', { bad: true })).statusCode).toBe(403);
  });
});

describe('token expiry', () => {
  const DAY = 86_400_000;
  const bearer = (token: string) => ({
    method: 'GET' as const,
    url: '/api/v1/users/me',
    headers: { authorization: `Bearer ${token}` },
  });

  it('expires a token `expiresInDays` from now, refuses it from then on and keeps listing it', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    t = await createTestServer({ now: () => clock });
    const created = await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'ci', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json();
    expect(info.expiresAt).toBe('2026-03-31T12:00:00.000Z');
    expect((await t.app.inject(bearer(token))).statusCode).toBe(200);
    clock += 30 * DAY - 1;
    expect((await t.app.inject(bearer(token))).statusCode).toBe(200);
    clock += 1;
    const refused = await t.app.inject(bearer(token));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toContain('expired');
    const listed = (await t.call(t.maker, 'GET', '/api/v1/tokens')).json().tokens;
    expect(listed.find((x: { id: string }) => x.id === info.id)).toMatchObject({
      name: 'ci',
      expiresAt: '2026-03-31T12:00:00.000Z',
    });
    // The tokens made without an expiry still work.
    expect(listed.find((x: { name: string }) => x.name === 'test').expiresAt).toBeUndefined();
    expect((await t.call(t.maker, 'GET', '/api/v1/users/me')).statusCode).toBe(200);
  });

  it('does not reuse a cached check of a token past its expiry', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    t = await createTestServer({ now: () => clock, cache: { ttlMs: 60_000, now: () => clock } });
    const expiresAt = '2026-03-01T12:00:01.000Z';
    const created = await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'short', expiresAt });
    expect(created.json().info.expiresAt).toBe(expiresAt);
    expect((await t.app.inject(bearer(created.json().token))).statusCode).toBe(200);
    clock += 1_000;
    expect((await t.app.inject(bearer(created.json().token))).statusCode).toBe(401);
  });

  it.each([
    [
      'both `expiresInDays` and `expiresAt`',
      { expiresInDays: 1, expiresAt: '2026-04-01T00:00:00Z' },
      'VALIDATION_FAILED',
    ],
    ['0 days', { expiresInDays: 0 }, 'VALIDATION_FAILED'],
    ['more than 3650 days', { expiresInDays: 3651 }, 'VALIDATION_FAILED'],
    ['a fraction of a day', { expiresInDays: 1.5 }, 'VALIDATION_FAILED'],
    ['a date that is not a date-time', { expiresAt: '2026-04-01' }, 'VALIDATION_FAILED'],
    ['an `expiresAt` in the past', { expiresAt: '2026-02-28T00:00:00Z' }, 'TOKEN_EXPIRY_INVALID'],
  ])('refuses %s with a 400 problem and creates no token', async (_, expiry, code) => {
    t = await createTestServer({ now: () => Date.parse('2026-03-01T12:00:00Z') });
    const res = await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'x', ...expiry });
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe(code);
    expect((await t.store.listTokens(t.maker.user.id)).map((x) => x.name)).toEqual(['test']);
  });

  it("gives a new user's first token an expiry, and refuses a bad one before creating the user", async () => {
    const clock = Date.parse('2026-03-01T12:00:00Z');
    t = await createTestServer({ now: () => clock });
    const created = await t.call(t.admin, 'POST', '/api/v1/users', {
      name: 'dana',
      role: 'maker',
      tokenExpiresInDays: 7,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().tokenInfo.expiresAt).toBe('2026-03-08T12:00:00.000Z');
    const refused = await t.call(t.admin, 'POST', '/api/v1/users', {
      name: 'erin',
      role: 'maker',
      tokenExpiresAt: '2020-01-01T00:00:00Z',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('TOKEN_EXPIRY_INVALID');
    expect(refused.json().detail).toContain('`2020-01-01T00:00:00Z` is not in the future');
    const names = (await t.call(t.admin, 'GET', '/api/v1/users'))
      .json()
      .users.map((u: { name: string }) => u.name);
    expect(names).not.toContain('erin');
  });

  it('is described in the OpenAPI document', async () => {
    t = await createTestServer();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/v1/tokens'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.properties.expiresInDays).toMatchObject({ type: 'integer', minimum: 1, maximum: 3650 });
    expect(body.properties.expiresAt).toMatchObject({ type: 'string', format: 'date-time' });
    const info = post.responses['201'].content['application/json'].schema.properties.info;
    expect(info.properties.expiresAt.format).toBe('date-time');
    const users = doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(users.properties)).toEqual(
      expect.arrayContaining(['tokenExpiresInDays', 'tokenExpiresAt']),
    );
  });
});
