import { describe, expect, it, onTestFinished } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { testEngines } from './testing.ts';
import { hashToken } from './tokens.ts';
import { LAST_USED_RESOLUTION_MS, MAX_TOKEN_LIFETIME_DAYS } from './users.ts';

describe.each(testEngines)('users and tokens on $name', (engine) => {
  async function fresh(now?: () => number) {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    return { db, store: await db.open({ now }) };
  }

  it('creates, gets, lists and counts users', async () => {
    const { store } = await fresh();
    expect(await store.countUsers()).toBe(0);
    const ada = await store.createUser('ada', 'admin');
    const bob = await store.createUser('bob', 'maker');
    expect(ada).toMatchObject({ name: 'ada', role: 'admin' });
    expect(await store.getUser(bob.id)).toEqual(bob);
    expect(await store.getUser('usr_nobody')).toBeUndefined();
    expect((await store.listUsers()).map((user) => user.name).sort()).toEqual(['ada', 'bob']);
    expect(await store.countUsers()).toBe(2);
  });

  it('changes a role and refuses to demote the last admin', async () => {
    const { store } = await fresh();
    const ada = await store.createUser('ada', 'admin');
    const bob = await store.createUser('bob', 'maker');
    const error = await store.updateUser(ada.id, { role: 'maker' }).catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('CONFLICT');
    expect((await store.getUser(ada.id))?.role).toBe('admin');
    expect(await store.updateUser(bob.id, { role: 'admin' })).toMatchObject({ id: bob.id, role: 'admin' });
    expect(await store.updateUser(ada.id, { role: 'maker' })).toMatchObject({ id: ada.id, role: 'maker' });
    const { token } = await store.createToken(ada.id, 'laptop');
    expect((await store.verifyToken(token))?.user.role).toBe('maker');
    expect(await store.updateUser('usr_nobody', { role: 'admin' })).toBeUndefined();
  });

  it('disables a user, refusing their tokens until enabled again, but never the last enabled admin', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { store } = await fresh(() => clock);
    const ada = await store.createUser('ada', 'admin');
    const bob = await store.createUser('bob', 'maker');
    const { token } = await store.createToken(bob.id, 'ci');
    expect((await store.updateUser(bob.id, { disabled: true }))?.disabledAt).toBe('2026-01-01T00:00:00.000Z');
    expect(await store.verifyToken(token)).toBeUndefined();
    clock += 60_000;
    // Disabling again keeps the first time.
    expect((await store.updateUser(bob.id, { disabled: true }))?.disabledAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await store.listUsers()).find((u) => u.id === bob.id)?.disabledAt).toBeDefined();
    expect((await store.updateUser(bob.id, { disabled: false }))?.disabledAt).toBeUndefined();
    expect((await store.verifyToken(token))?.user).toMatchObject({ id: bob.id, disabledAt: undefined });

    const refused = await store.updateUser(ada.id, { disabled: true }).catch((caught: unknown) => caught);
    expect(isFlowportError(refused) && refused.code).toBe('CONFLICT');
    // A disabled admin does not count: with bob an admin but disabled, ada is still the last one.
    await store.updateUser(bob.id, { role: 'admin' });
    await store.updateUser(bob.id, { disabled: true });
    const still = await store.updateUser(ada.id, { role: 'maker' }).catch((caught: unknown) => caught);
    expect(isFlowportError(still) && still.code).toBe('CONFLICT');
    // A disabled admin can be demoted: nothing is lost.
    expect((await store.updateUser(bob.id, { role: 'maker' }))?.role).toBe('maker');
    expect((await store.getUser(ada.id))?.disabledAt).toBeUndefined();
  });

  it('refuses a second user with the same name', async () => {
    const { store } = await fresh();
    await store.createUser('ada', 'admin');
    const error = await store.createUser('ada', 'maker').catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('CONFLICT');
  });

  it('stores a token only as its hash and shows a prefix', async () => {
    const { db, store } = await fresh();
    const user = await store.createUser('ada', 'admin');
    const { token, info } = await store.createToken(user.id, 'laptop');
    expect(token).toMatch(/^fp_[A-Za-z0-9_-]{43}$/);
    expect(info.prefix).toBe(token.slice(0, 8));
    expect(info).toMatchObject({
      userId: user.id,
      name: 'laptop',
      lastUsedAt: undefined,
      revokedAt: undefined,
      expiresAt: undefined,
    });
    const rows = await db.query('select * from api_tokens');
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0]!)).not.toContain(token);
    expect(rows[0]!.hash).toBe(hashToken(token));
    expect((await db.contents()).includes(token)).toBe(false);
  });

  it('verifies a token and refuses a wrong, malformed or revoked one', async () => {
    const { store } = await fresh();
    const user = await store.createUser('ada', 'maker');
    const { token, info } = await store.createToken(user.id, 'ci');
    const verified = await store.verifyToken(token);
    expect(verified?.user).toEqual(user);
    expect(verified?.info.id).toBe(info.id);
    // Same prefix, different secret part.
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await store.verifyToken(`${token.slice(0, -1)}${last}`)).toBeUndefined();
    expect(await store.verifyToken('fp_short')).toBeUndefined();
    expect(await store.verifyToken('')).toBeUndefined();
    expect(await store.revokeToken(info.id, user.id)).toBe(true);
    expect(await store.verifyToken(token)).toBeUndefined();
    const [listed] = await store.listTokens(user.id);
    expect(listed?.revokedAt).toBeDefined();
  });

  it('tells apart tokens that share a prefix', async () => {
    const { db, store } = await fresh();
    const user = await store.createUser('ada', 'maker');
    const first = await store.createToken(user.id, 'one');
    const twin = `${first.info.prefix}${'x'.repeat(first.token.length - 8)}`;
    const p = db.engine === 'sqlite' ? ['?', '?', '?', '?'] : ['$1', '$2', '$3', '$4'];
    await db.query(
      `insert into api_tokens (id, user_id, name, prefix, hash, created_at) values (${p[0]}, ${p[1]}, 'two', ${p[2]}, ${p[3]}, '2026-01-01T00:00:00.000Z')`,
      ['tok_twin', user.id, first.info.prefix, hashToken(twin)],
    );
    expect((await store.verifyToken(first.token))?.info.name).toBe('one');
    expect((await store.verifyToken(twin))?.info.name).toBe('two');
  });

  it('records when a token was last used, at most once a minute', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { store } = await fresh(() => clock);
    const user = await store.createUser('ada', 'maker');
    const { token } = await store.createToken(user.id, 'ci');
    expect((await store.verifyToken(token))?.info.lastUsedAt).toBe('2026-01-01T00:00:00.000Z');
    clock += 1_000;
    await store.verifyToken(token);
    expect((await store.listTokens(user.id))[0]?.lastUsedAt).toBe('2026-01-01T00:00:00.000Z');
    clock += LAST_USED_RESOLUTION_MS;
    await store.verifyToken(token);
    expect((await store.listTokens(user.id))[0]?.lastUsedAt).toBe('2026-01-01T00:01:01.000Z');
  });

  it('revokes only the owner’s tokens unless no user is given', async () => {
    const { store } = await fresh();
    const ada = await store.createUser('ada', 'admin');
    const bob = await store.createUser('bob', 'maker');
    const bobs = await store.createToken(bob.id, 'bob');
    expect(await store.revokeToken(bobs.info.id, ada.id)).toBe(false);
    expect(await store.verifyToken(bobs.token)).toBeDefined();
    expect(await store.revokeToken('tok_unknown', undefined)).toBe(false);
    expect(await store.revokeToken(bobs.info.id, undefined)).toBe(true);
    expect(await store.verifyToken(bobs.token)).toBeUndefined();
    expect(await store.listTokens(ada.id)).toEqual([]);
  });

  it('refuses a token from the moment it expires, and keeps listing it', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { store } = await fresh(() => clock);
    const user = await store.createUser('ada', 'maker');
    // An offset is kept as the same instant, in UTC.
    const expiring = await store.createToken(user.id, 'ci', { expiresAt: '2026-01-01T03:00:00+02:00' });
    expect(expiring.info.expiresAt).toBe('2026-01-01T01:00:00.000Z');
    const lasting = await store.createToken(user.id, 'laptop');
    expect(lasting.info.expiresAt).toBeUndefined();
    clock = Date.parse('2026-01-01T00:59:59.999Z');
    expect((await store.verifyToken(expiring.token))?.info.expiresAt).toBe('2026-01-01T01:00:00.000Z');
    clock = Date.parse('2026-01-01T01:00:00Z');
    expect(await store.verifyToken(expiring.token)).toBeUndefined();
    clock = Date.parse('2036-01-01T00:00:00Z');
    expect((await store.verifyToken(lasting.token))?.info.name).toBe('laptop');
    const listed = (await store.listTokens(user.id)).sort((a, b) => a.name.localeCompare(b.name));
    expect(listed.map((t) => [t.name, t.expiresAt, t.revokedAt])).toEqual([
      ['ci', '2026-01-01T01:00:00.000Z', undefined],
      ['laptop', undefined, undefined],
    ]);
  });

  it.each([
    ['not a date', 'soon'],
    ['a date without a time', '2026-02-01'],
    ['a day the month does not have', '2026-02-30T00:00:00Z'],
    ['a time without an offset', '2026-02-01T00:00:00'],
    ['now', '2026-01-01T00:00:00Z'],
    ['in the past', '2025-12-31T23:59:59Z'],
    [
      'more than ten years ahead',
      new Date(Date.parse('2026-01-01T00:00:01Z') + MAX_TOKEN_LIFETIME_DAYS * 86_400_000).toISOString(),
    ],
  ])('refuses an expiry that is %s, creating no token', async (_, expiresAt) => {
    const { store } = await fresh(() => Date.parse('2026-01-01T00:00:00Z'));
    const user = await store.createUser('ada', 'maker');
    const error = await store.createToken(user.id, 'ci', { expiresAt }).catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('TOKEN_EXPIRY_INVALID');
    expect((error as Error).message).toContain(`\`${expiresAt}\``);
    expect(await store.listTokens(user.id)).toEqual([]);
  });

  it('accepts an expiry exactly ten years ahead', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const { store } = await fresh(() => now);
    const user = await store.createUser('ada', 'maker');
    const expiresAt = new Date(now + MAX_TOKEN_LIFETIME_DAYS * 86_400_000).toISOString();
    expect((await store.createToken(user.id, 'ci', { expiresAt })).info.expiresAt).toBe(expiresAt);
  });

  it('refuses a token for an unknown user', async () => {
    const { store } = await fresh();
    const error = await store.createToken('usr_nobody', 'x').catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('NOT_FOUND');
  });
});
