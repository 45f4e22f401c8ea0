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
