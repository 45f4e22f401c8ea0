import { describe, expect, it, onTestFinished } from 'vitest';
import { testEngines } from './testing.ts';
import type { NewSubscription, NewTriggerEvent } from './trigger-types.ts';

describe.each(testEngines)('trigger subscriptions and events on $name', (engine) => {
  async function fresh() {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    const store = await db.open();
    const ada = await store.createUser('ada', 'maker');
    const bob = await store.createUser('bob', 'maker');
    await store.putConnector({
      id: 'brightdesk',
      title: 'Brightdesk',
      files: [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode('{}') }],
      validation: { preset: 'recommended', errors: 0, warnings: 0, infos: 0 },
    });
    const connection = await store.createConnection({
      ownerId: ada.id,
      connectorId: 'brightdesk',
      name: 'work',
      parameterSet: undefined,
      values: {},
      secrets: { api_key: 'k-123' },
      status: 'connected',
    });
    let n = 0;
    const sub = (more: Partial<NewSubscription> = {}): NewSubscription => ({
      id: `sub_${++n}`,
      ownerId: ada.id,
      connectionId: connection.id,
      connectorId: 'brightdesk',
      operationId: 'OnTicketChanged',
      kind: 'polling',
      arguments: { parameters: { teamId: 'support' } },
      intervalSeconds: 60,
      backfill: false,
      status: 'active',
      nextPollAt: 1_000,
      ...more,
    });
    return { db, store, ada, bob, connection, sub };
  }
  const event = (key: string, body: unknown = { key }): NewTriggerEvent => ({
    idempotencyKey: key,
    receivedAt: '2026-11-27T00:00:00.000Z',
    headers: { 'content-type': 'application/json' },
    body: body as NewTriggerEvent['body'],
  });

  it('keeps subscriptions per owner and never shows the signing secret in a record', async () => {
    const { db, store, ada, bob, sub } = await fresh();
    const created = await store.createSubscription(
      sub({ sinkUrl: 'http://127.0.0.1:9/sink', signingSecret: 'whsec_abc' }),
    );
    expect(created).toMatchObject({
      kind: 'polling',
      status: 'active',
      sinkUrl: 'http://127.0.0.1:9/sink',
      nextPollAt: 1_000,
    });
    expect(JSON.stringify(created)).not.toContain('whsec_abc');
    expect(await store.getSubscription(created.id, ada.id)).toEqual(created);
    expect(await store.getSubscription(created.id, bob.id)).toBeUndefined();
    expect(await store.listSubscriptions(bob.id)).toEqual([]);
    expect((await store.listSubscriptions(ada.id)).map((s) => s.id)).toEqual([created.id]);
    expect(await store.subscriptionSigningSecret(created.id)).toBe('whsec_abc');
    const sealed = await db.query('select signing_secret from trigger_subscriptions');
    expect(JSON.stringify(sealed)).not.toContain('whsec_abc');
    const stopped = await store.updateSubscription(created.id, { status: 'error', statusReason: 'gone' });
    expect(stopped).toMatchObject({ status: 'error', statusReason: 'gone' });
    expect(await store.deleteSubscription(created.id, bob.id)).toBe(false);
    expect(await store.deleteSubscription(created.id, ada.id)).toBe(true);
  });

  it('leases a due poll to one owner until it finishes or the lease runs out', async () => {
    const { store, sub } = await fresh();
    await store.createSubscription(sub());
    await store.createSubscription(sub({ nextPollAt: 5_000 }));
    await store.createSubscription(sub({ status: 'stopped' }));
    const first = await store.claimPolls('node-a', 2_000, 30_000, 10);
    expect(first.map((s) => s.id)).toEqual(['sub_1']);
    expect(await store.claimPolls('node-b', 2_000, 30_000, 10)).toEqual([]);
    // The lease ran out: another node takes it, and the first can no longer finish.
    expect((await store.claimPolls('node-b', 40_000, 30_000, 10)).map((s) => s.id)).toEqual([
      'sub_1',
      'sub_2',
    ]);
    expect(
      await store.finishPoll('sub_1', 'node-a', {
        state: { n: 1 },
        nextPollAt: 100_000,
        events: [event('a')],
        now: 40_001,
      }),
    ).toBeUndefined();
    const stored = await store.finishPoll('sub_1', 'node-b', {
      state: { n: 2 },
      nextPollAt: 100_000,
      events: [event('a'), event('b')],
      now: 40_002,
    });
    expect(stored?.map((e) => e.idempotencyKey)).toEqual(['a', 'b']);
    expect((await store.getSubscription('sub_1', undefined))?.state).toEqual({ n: 2 });
    expect(await store.claimPolls('node-a', 50_000, 30_000, 10)).toEqual([]);
    expect(await store.releaseLeases('node-b')).toBe(1);
    expect((await store.claimPolls('node-a', 50_000, 30_000, 10)).map((s) => s.id)).toEqual(['sub_2']);
  });

  it("holds a disabled owner's polls and deliveries, losing nothing, until the owner is enabled", async () => {
    const { store, ada, sub } = await fresh();
    await store.createSubscription(sub());
    await store.createSubscription(
      sub({ kind: 'webhook', nextPollAt: undefined, sinkUrl: 'http://127.0.0.1:9/sink', signingSecret: 's' }),
    );
    await store.updateUser(ada.id, { disabled: true });
    expect(await store.claimPolls('node-a', 2_000, 30_000, 10)).toEqual([]);
    // A webhook's events still arrive and are stored while the owner is disabled…
    expect(await store.addEvents('sub_2', [event('a')], 2_000)).toHaveLength(1);
    expect(await store.claimDeliveries('node-a', 3_000, 5_000, 10)).toEqual([]);
    // …and go out, with the waiting poll, once the owner is enabled again.
    await store.updateUser(ada.id, { disabled: false });
    expect((await store.claimPolls('node-a', 4_000, 30_000, 10)).map((s) => s.id)).toEqual(['sub_1']);
    expect(
      (await store.claimDeliveries('node-a', 4_000, 5_000, 10)).map((d) => d.event.idempotencyKey),
    ).toEqual(['a']);
  });

  it('stores each idempotency key once and pages the event log by sequence', async () => {
    const { store, sub } = await fresh();
    await store.createSubscription(sub({ kind: 'webhook' }));
    const first = await store.addEvents('sub_1', [event('a'), event('b')], 1);
    const again = await store.addEvents('sub_1', [event('b'), event('c')], 2);
    expect(first.map((e) => e.idempotencyKey)).toEqual(['a', 'b']);
    expect(again.map((e) => e.idempotencyKey)).toEqual(['c']);
    expect(first[0]?.delivery.status).toBe('none');
    const all = await store.listEvents('sub_1');
    expect(all.map((e) => e.idempotencyKey)).toEqual(['a', 'b', 'c']);
    expect(all[0]?.body).toEqual({ key: 'a' });
    const after = await store.listEvents('sub_1', { after: all[0]?.seq ?? 0, limit: 1 });
    expect(after.map((e) => e.idempotencyKey)).toEqual(['b']);
    expect(await store.getEvent('sub_1', all[2]?.id ?? '')).toEqual(all[2]);
  });

  it('delivers with leases, retries, dead-letters and replays', async () => {
    const { store, sub } = await fresh();
    await store.createSubscription(
      sub({ kind: 'webhook', sinkUrl: 'http://127.0.0.1:9/sink', signingSecret: 's' }),
    );
    await store.addEvents('sub_1', [event('a'), event('b')], 10);
    const due = await store.claimDeliveries('node-a', 10, 5_000, 10);
    expect(due.map((d) => d.event.idempotencyKey)).toEqual(['a', 'b']);
    expect(due[0]).toMatchObject({
      signingSecret: 's',
      subscription: { sinkUrl: 'http://127.0.0.1:9/sink' },
    });
    expect(await store.claimDeliveries('node-b', 11, 5_000, 10)).toEqual([]);
    const [a, b] = due;
    expect(
      await store.finishDelivery(a?.event.id ?? '', 'node-a', { delivered: true, status: 204 }, 20),
    ).toBe(true);
    expect(
      await store.finishDelivery(
        b?.event.id ?? '',
        'node-a',
        { delivered: false, status: 500, error: 'HTTP 500', nextAttemptAt: 1_000 },
        20,
      ),
    ).toBe(true);
    expect(await store.claimDeliveries('node-a', 500, 5_000, 10)).toEqual([]);
    const retry = await store.claimDeliveries('node-a', 1_000, 5_000, 10);
    expect(retry.map((d) => d.event.delivery.attempts)).toEqual([1]);
    await store.finishDelivery(
      b?.event.id ?? '',
      'node-a',
      { delivered: false, error: 'refused', nextAttemptAt: undefined },
      1_001,
    );
    const counts = (await store.deliveryCounts(['sub_1'])).get('sub_1');
    expect(counts).toEqual({ none: 0, pending: 0, delivered: 1, dead: 1, events: 2 });
    expect((await store.listEvents('sub_1', { delivery: 'dead' })).map((e) => e.delivery)).toEqual([
      expect.objectContaining({ status: 'dead', attempts: 2, lastError: 'refused' }),
    ]);
    expect(await store.replayEvents('sub_1', 2_000)).toBe(1);
    expect(
      (await store.claimDeliveries('node-b', 2_000, 5_000, 10)).map((d) => d.event.idempotencyKey),
    ).toEqual(['b']);
    // One event replayed by id, even when delivered.
    expect(await store.replayEvents('sub_1', 3_000, a?.event.id)).toBe(1);
  });

  it('prunes old events, except those still waiting for a delivery', async () => {
    const { store, sub } = await fresh();
    await store.createSubscription(sub({ kind: 'webhook', sinkUrl: 'http://127.0.0.1:9/sink' }));
    await store.addEvents('sub_1', [event('old-pending')], 1);
    await store.addEvents('sub_1', [{ ...event('new'), receivedAt: '2026-12-01T00:00:00.000Z' }], 1);
    const [due] = await store.claimDeliveries('n', 1, 1_000, 1);
    await store.addEvents('sub_1', [event('old-delivered')], 1);
    const delivered = (await store.listEvents('sub_1')).find((e) => e.idempotencyKey === 'old-delivered');
    await store.claimDeliveries('n', 2, 1_000, 10);
    await store.finishDelivery(delivered?.id ?? '', 'n', { delivered: true, status: 200 }, 3);
    expect(due?.event.idempotencyKey).toBe('old-pending');
    expect(await store.pruneEvents('2026-11-28T00:00:00.000Z')).toBe(1);
    expect((await store.listEvents('sub_1')).map((e) => e.idempotencyKey).sort()).toEqual([
      'new',
      'old-pending',
    ]);
  });

  it('drops the subscription and its events with the connection', async () => {
    const { store, ada, connection, sub } = await fresh();
    await store.createSubscription(sub({ kind: 'webhook' }));
    await store.addEvents('sub_1', [event('a')], 1);
    expect((await store.subscriptionsOfConnection(connection.id)).length).toBe(1);
    await store.deleteConnection(connection.id, ada.id);
    expect(await store.getSubscription('sub_1', undefined)).toBeUndefined();
    expect(await store.listEvents('sub_1')).toEqual([]);
  });
});
