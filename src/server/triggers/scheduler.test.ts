import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, createTestServer, startBackend, type TestServer, uploadOf } from '../testing.ts';

const BRIGHTDESK = new URL('../../../examples/brightdesk/', import.meta.url).pathname;

let t: TestServer | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await t?.close();
  await backend?.close();
  t = backend = undefined;
});

describe('the scheduler and the per-connection throttle', () => {
  it('postpones a poll whose connection has no call left this minute, state untouched, then runs it', async () => {
    backend = await startBackend(() => ({ body: { value: [] } }));
    let clock = Date.now();
    t = await createTestServer({
      connectionRateLimit: 1,
      now: () => clock,
      backendOverrides: { brightdesk: `${backend.url}/api/v1` },
      triggers: { run: false },
    });
    await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(BRIGHTDESK) });
    const connection = (
      await t.call(t.maker, 'POST', '/api/v1/connections', {
        connectorId: 'brightdesk',
        parameterSet: 'api-key',
        values: { api_key: 'k' },
      })
    ).json();
    const made = await t.call(t.maker, 'POST', '/api/v1/subscriptions', {
      connectionId: connection.id,
      operationId: 'OnTicketChanged',
      intervalSeconds: 60,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().subscription.id as string;
    const before = await t.store.getSubscription(id, undefined);

    // The one call of the minute goes to an action.
    const invoked = await t.call(
      t.maker,
      'POST',
      `/api/v1/connections/${connection.id}/operations/ListTickets`,
      {},
    );
    expect(invoked.statusCode, invoked.body).toBe(200);
    const { scheduler } = t.app.triggers;
    expect(await scheduler.runOnce()).toMatchObject({ polls: 1 });
    expect(scheduler.stats).toMatchObject({ polls: 0, postponedPolls: 1 });
    expect(backend.requests).toHaveLength(1);
    const postponed = await t.store.getSubscription(id, undefined);
    expect(postponed).toMatchObject({ status: 'active', state: before?.state });
    // A token in 60 s, plus up to one interval so that waiting polls do not come back together.
    expect(postponed?.nextPollAt).toBeGreaterThanOrEqual(clock + 60_000);
    expect(postponed?.nextPollAt).toBeLessThanOrEqual(clock + 120_000);

    clock = postponed?.nextPollAt ?? clock;
    expect(await scheduler.runOnce()).toMatchObject({ polls: 1 });
    expect(scheduler.stats).toMatchObject({ polls: 1, postponedPolls: 1 });
    expect(backend.requests).toHaveLength(2);
    expect(backend.requests[1]?.url).toMatch(/^\/api\/v1\/ticket-changes/);
  });
});
