import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe.each(['sqlite', 'postgres'] as const)('changing a user on %s', (engine) => {
  it("lets an admin promote and demote a user, with effect on the user's next call", async () => {
    t = await createTestServer({ engine });
    expect((await t.call(t.maker, 'GET', '/api/v1/users')).statusCode).toBe(403);
    const promoted = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ id: t.maker.user.id, name: 'maker', role: 'admin' });
    // The token's check is cached with its user's role: the change must not wait for the cache.
    expect((await t.call(t.maker, 'GET', '/api/v1/users')).statusCode).toBe(200);
    expect((await t.call(t.maker, 'GET', '/api/v1/users/me')).json().role).toBe('admin');
    const demoted = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, { role: 'maker' });
    expect(demoted.json().role).toBe('maker');
    expect((await t.call(t.maker, 'GET', '/api/v1/users')).statusCode).toBe(403);
  });

  it('refuses to demote the last admin with 409 and leaves the role', async () => {
    t = await createTestServer({ engine });
    const refused = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.admin.user.id}`, { role: 'maker' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CONFLICT');
    expect(refused.json().detail).toContain('last enabled admin');
    expect((await t.call(t.admin, 'GET', '/api/v1/users/me')).json().role).toBe('admin');
  });
  it('disables a user, whose tokens are refused at once, and enables them again', async () => {
    t = await createTestServer({ engine });
    const disabled = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const refused = await t.call(t.maker, 'GET', '/api/v1/users/me');
    expect(refused.statusCode).toBe(401);
    const listed = (await t.call(t.admin, 'GET', '/api/v1/users')).json().users;
    expect(listed.find((u: { id: string }) => u.id === t?.maker.user.id).disabledAt).toBeDefined();
    // Their tokens are kept, and an admin still sees them.
    expect(
      (await t.call(t.admin, 'GET', `/api/v1/tokens?userId=${t.maker.user.id}`)).json().tokens,
    ).toHaveLength(1);
    const enabled = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, { disabled: false });
    expect(enabled.json().disabledAt).toBeUndefined();
    expect((await t.call(t.maker, 'GET', '/api/v1/users/me')).statusCode).toBe(200);
  });

  it('refuses an admin disabling themselves', async () => {
    t = await createTestServer({ engine });
    await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, { role: 'admin' });
    const refused = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.admin.user.id}`, { disabled: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('cannot disable yourself');
    expect((await t.call(t.admin, 'GET', '/api/v1/users/me')).statusCode).toBe(200);
  });
});

describe('changing a user', () => {
  it('refuses makers, unknown users, unknown roles and empty changes', async () => {
    t = await createTestServer();
    const byMaker = await t.call(t.maker, 'PATCH', `/api/v1/users/${t.maker.user.id}`, { role: 'admin' });
    expect(byMaker.statusCode).toBe(403);
    expect(byMaker.json().code).toBe('FORBIDDEN');
    expect((await t.call(t.maker, 'GET', '/api/v1/users/me')).json().role).toBe('maker');
    const unknown = await t.call(t.admin, 'PATCH', '/api/v1/users/usr_nobody', { role: 'admin' });
    expect(unknown.statusCode).toBe(404);
    const badRole = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, { role: 'owner' });
    expect(badRole.statusCode).toBe(400);
    const extra = await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, {
      role: 'admin',
      name: 'x',
    });
    expect(extra.statusCode).toBe(400);
    expect((await t.call(t.admin, 'PATCH', `/api/v1/users/${t.maker.user.id}`, {})).statusCode).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    t = await createTestServer();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const patch = doc.paths['/api/v1/users/{id}'].patch;
    expect(patch.tags).toEqual(['users']);
    const body = patch.requestBody.content['application/json'].schema;
    expect(body.properties.role.enum).toEqual(['admin', 'maker']);
    expect(body.properties.disabled.type).toBe('boolean');
    expect(patch.responses['200'].content['application/json'].schema.properties.role).toBeDefined();
    expect(patch.description).toContain('409 CONFLICT');
    expect(patch.description).toContain('Admins only.');
  });
});
