import { describe, expect, it } from 'vitest';
import { FlowportError } from '../errors.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { json, type Responder, recordingTransport } from '../runtime/testing.ts';
import type { RuntimeResponse } from '../runtime/types.ts';
import { connection, eventsConnector } from './_test-connector.ts';
import { initialPollState, type PollState, poll, retryAfterMs } from './polling.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const clock = () => T0;
const empty = (status: number, headers: Record<string, string> = {}): RuntimeResponse => ({
  status,
  headers: new Headers(headers),
  body: { kind: 'none' },
});

function setup(responder: Responder) {
  const transport = recordingTransport(responder);
  const runtime = createRuntime(eventsConnector(), { transport });
  return { transport, runtime };
}
const base = 'https://api.events.test/v1';

describe('poll: backend-native protocol', () => {
  it('walks 202 → 200 → 202 with Location as the next URL and Retry-After as the delay', async () => {
    const answers = [
      empty(202, { location: `${base}/changes?state=1`, 'retry-after': '15' }),
      json(
        200,
        { value: [{ id: 'a' }, { id: 'b' }] },
        { location: `${base}/changes?state=3`, 'retry-after': '0' },
      ),
      empty(202, { location: `${base}/changes?state=3`, 'retry-after': '120' }),
    ];
    const { transport, runtime } = setup((_, i) => answers[i] ?? empty(500));
    const opts = { connection, now: clock, intervalSeconds: 60 };
    const first = await poll(runtime, 'OnChanges', { team: 't1' }, undefined, opts);
    expect(transport.sent[0]?.url).toBe(`${base}/changes?team=t1`);
    expect(first).toMatchObject({ fired: false, status: 202, delayMs: 60_000 });
    expect(first.state).toMatchObject({
      kind: 'native',
      location: `${base}/changes?state=1`,
      baselined: true,
    });
    expect(first.nextPollAt).toBe('2026-01-01T00:01:00.000Z');

    const second = await poll(runtime, 'OnChanges', { team: 't1' }, first.state, opts);
    expect(transport.sent[1]?.url).toBe(`${base}/changes?state=1`);
    expect(transport.sent[1]?.headers.get('x-key')).toBe('k-1');
    expect(second.events.map((e) => e.body)).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(second).toMatchObject({ fired: true, delayMs: 0 });
    expect(second.state.location).toBe(`${base}/changes?state=3`);

    const third = await poll(runtime, 'OnChanges', { team: 't1' }, second.state, opts);
    expect(third).toMatchObject({ fired: false, delayMs: 120_000 });
    expect(JSON.parse(JSON.stringify(third.state))).toEqual(third.state);
  });

  it('does not fire on a first 200 unless backfill is asked', async () => {
    const { runtime } = setup(() => json(200, { value: [{ id: 'old' }] }));
    const plain = await poll(runtime, 'OnChanges', {}, undefined, { connection, now: clock });
    expect(plain.fired).toBe(false);
    expect(plain.state.baselined).toBe(true);
    const backfill = await poll(runtime, 'OnChanges', {}, undefined, {
      connection,
      now: clock,
      backfill: true,
    });
    expect(backfill.events.map((e) => e.body)).toEqual([{ id: 'old' }]);
    expect((await poll(runtime, 'OnChanges', {}, plain.state, { connection, now: clock })).fired).toBe(true);
  });

  it('keeps the cursor on errors and retries at the interval, counting failures', async () => {
    let fail = true;
    const { runtime } = setup(() => {
      if (fail) throw new FlowportError('UPSTREAM_UNREACHABLE', 'Connection refused.');
      return json(500, { e: 1 });
    });
    const start: PollState = {
      ...initialPollState(runtime, 'OnChanges'),
      location: `${base}/changes?state=9`,
      baselined: true,
    };
    const down = await poll(runtime, 'OnChanges', {}, start, { connection, now: clock, intervalSeconds: 30 });
    expect(down).toMatchObject({ fired: false, status: undefined, delayMs: 30_000 });
    expect(down.state).toMatchObject({
      location: `${base}/changes?state=9`,
      failures: 1,
      lastError: { code: 'UPSTREAM_UNREACHABLE' },
    });
    fail = false;
    const error = await poll(runtime, 'OnChanges', {}, down.state, {
      connection,
      now: clock,
      intervalSeconds: 30,
    });
    expect(error.state).toMatchObject({ failures: 2, lastStatus: 500, location: `${base}/changes?state=9` });
  });

  it('reads Retry-After as seconds or an HTTP date; a shorter one after 202 is ignored', () => {
    expect(retryAfterMs('7', T0)).toBe(7000);
    expect(retryAfterMs(new Date(T0 + 90_000).toUTCString(), T0)).toBe(90_000);
    expect(retryAfterMs('soon', T0)).toBeUndefined();
    expect(retryAfterMs(null, T0)).toBeUndefined();
  });

  it('gives the same idempotency keys when a poll is repeated from the same state', async () => {
    const { runtime } = setup(() => json(200, { value: [{ id: 'a' }, { id: 'a' }] }));
    const start: PollState = {
      ...initialPollState(runtime, 'OnChanges'),
      location: `${base}/changes?state=2`,
      baselined: true,
    };
    const a = await poll(runtime, 'OnChanges', {}, start, { connection, now: clock });
    const b = await poll(runtime, 'OnChanges', {}, start, { connection, now: clock });
    expect(a.events.map((e) => e.idempotencyKey)).toEqual(b.events.map((e) => e.idempotencyKey));
    expect(new Set(a.events.map((e) => e.idempotencyKey)).size).toBe(2);
    const other = await poll(runtime, 'OnChanges', {}, start, {
      connection,
      now: clock,
      subscriptionId: 's2',
    });
    expect(other.events[0]?.idempotencyKey).not.toBe(a.events[0]?.idempotencyKey);
  });

  it('feeds x-ms-trigger-value into the next poll when the backend sends no Location', async () => {
    const { transport, runtime } = setup(() => json(200, { value: [{ seq: 41 }, { seq: 40 }] }));
    const first = await poll(runtime, 'OnLatest', {}, undefined, { connection, now: clock });
    expect(first.state.values).toEqual({ after: '41' });
    const second = await poll(runtime, 'OnLatest', {}, first.state, { connection, now: clock });
    expect(transport.sent[1]?.url).toBe(`${base}/latest?after=41`);
    expect(second.events).toHaveLength(1);
    expect(second.events[0]?.body).toEqual({ value: [{ seq: 41 }, { seq: 40 }] });
  });

  it('refuses operations that are not polling triggers', async () => {
    const { runtime } = setup(() => json(200, {}));
    await expect(poll(runtime, 'OnItems', {}, undefined, { connection })).rejects.toMatchObject({
      code: 'TRIGGER_NOT_A_TRIGGER',
    });
  });
});

describe('poll: pollingtrigger policy', () => {
  it('sets a baseline first, then sends the state and fires one event per new item', async () => {
    const pages = [
      json(200, {
        value: [
          { id: 'b', created: 'T2' },
          { id: 'a', created: 'T1' },
        ],
      }),
      json(200, { value: [] }),
      json(200, { value: [{ id: 'c', created: 'T3' }] }),
    ];
    const { transport, runtime } = setup((_, i) => pages[i] ?? empty(500));
    const opts = { connection, now: clock };
    const first = await poll(runtime, 'OnNewItems', {}, undefined, opts);
    expect(first.fired).toBe(false);
    expect(first.state).toMatchObject({ kind: 'policy', policyState: { since: 'T2' }, baselined: true });
    expect(first.delayMs).toBe(60_000);
    expect(transport.sent[0]?.url).toBe(`${base}/items?%24orderby=created%20desc`);

    const quiet = await poll(runtime, 'OnNewItems', {}, first.state, opts);
    expect(transport.sent[1]?.url).toContain('since=T2');
    expect(quiet.fired).toBe(false);
    expect(quiet.state.policyState).toEqual({ since: 'T2' });

    const fired = await poll(runtime, 'OnNewItems', {}, quiet.state, opts);
    expect(fired.events.map((e) => e.body)).toEqual([{ id: 'c', created: 'T3' }]);
    expect(fired.state.policyState).toEqual({ since: 'T3' });
  });

  it('drains next pages at once, keeping the state computed from the first page', async () => {
    const pages = [
      json(200, { value: [{ id: 'x', created: 'T5' }], '@odata.nextLink': `${base}/items?page=2` }),
      json(200, { value: [{ id: 'y', created: 'T4' }] }),
    ];
    const { transport, runtime } = setup((_, i) => pages[i] ?? empty(500));
    const start: PollState = {
      ...initialPollState(runtime, 'OnNewItems'),
      policyState: { since: 'T3' },
      baselined: true,
    };
    const first = await poll(runtime, 'OnNewItems', {}, start, { connection, now: clock });
    expect(first).toMatchObject({
      delayMs: 0,
      state: { location: `${base}/items?page=2`, policyState: { since: 'T5' } },
    });
    const second = await poll(runtime, 'OnNewItems', {}, first.state, { connection, now: clock });
    expect(transport.sent[1]?.url).toBe(`${base}/items?page=2`);
    expect(second.events.map((e) => e.body)).toEqual([{ id: 'y', created: 'T4' }]);
    expect(second.state.location).toBeUndefined();
    expect(second.state.policyState).toEqual({ since: 'T5' });
    expect(second.delayMs).toBe(60_000);
  });

  it('fires the first poll with backfill', async () => {
    const { runtime } = setup(() => json(200, { value: [{ id: 'a', created: 'T1' }] }));
    const result = await poll(runtime, 'OnNewItems', {}, undefined, {
      connection,
      now: clock,
      backfill: true,
    });
    expect(result.events).toHaveLength(1);
  });
});
