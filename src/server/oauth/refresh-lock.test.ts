import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_TEST_URL } from '../../store/testing.ts';
import { postgresRefreshLock, processRefreshLock, type RefreshLock } from './refresh-lock.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs three holders of one key at once and returns the order of their enter/leave events. */
async function interleaving(lock: RefreshLock, key: string): Promise<string[]> {
  const events: string[] = [];
  await Promise.all(
    ['a', 'b', 'c'].map((name) =>
      lock.run(key, async () => {
        events.push(`${name}+`);
        await sleep(20);
        events.push(`${name}-`);
      }),
    ),
  );
  return events;
}

function serial(events: readonly string[]): boolean {
  for (let i = 0; i < events.length; i += 2) {
    const enter = events[i]!;
    if (!enter.endsWith('+') || events[i + 1] !== `${enter.slice(0, -1)}-`) return false;
  }
  return true;
}

describe('processRefreshLock', () => {
  it('runs holders of one key one after the other, and other keys alongside', async () => {
    const lock = processRefreshLock();
    expect(serial(await interleaving(lock, 'k'))).toBe(true);
    const events: string[] = [];
    await Promise.all(
      ['x', 'y'].map((key) =>
        lock.run(key, async () => {
          events.push(`${key}+`);
          await sleep(20);
          events.push(`${key}-`);
        }),
      ),
    );
    expect(serial(events)).toBe(false);
  });

  it('lets the next holder run after one fails', async () => {
    const lock = processRefreshLock();
    const first = lock.run('k', async () => {
      throw new Error('refused');
    });
    const second = lock.run('k', async () => 'ran');
    await expect(first).rejects.toThrow('refused');
    expect(await second).toBe('ran');
  });
});

describe('postgresRefreshLock', () => {
  const pools = [new pg.Pool({ connectionString: POSTGRES_TEST_URL, max: 3 })];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
  });
  const newPool = () => {
    const pool = new pg.Pool({ connectionString: POSTGRES_TEST_URL, max: 3 });
    pools.push(pool);
    return pool;
  };

  it('serialises holders on different pools (different processes)', async () => {
    const key = `t-${Math.random()}`;
    const events: string[] = [];
    const locks = [
      postgresRefreshLock(newPool()),
      postgresRefreshLock(newPool()),
      postgresRefreshLock(newPool()),
    ];
    await Promise.all(
      locks.map((lock, i) =>
        lock.run(key, async () => {
          events.push(`${i}+`);
          await sleep(30);
          events.push(`${i}-`);
        }),
      ),
    );
    expect(events).toHaveLength(6);
    expect(serial(events)).toBe(true);
  });

  it('gives up after the timeout without marking anything refused', async () => {
    const key = `t-${Math.random()}`;
    const holder = postgresRefreshLock(newPool());
    const waiter = postgresRefreshLock(newPool(), { timeoutMs: 100 });
    const held = holder.run(key, () => sleep(600));
    await sleep(50);
    const error = await waiter.run(key, async () => 'never').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_REFRESH_FAILED', refused: false });
    await held;
    // Released at commit: the waiter gets it now.
    expect(await waiter.run(key, async () => 'now')).toBe('now');
  });

  it('releases the lock when the holder throws', async () => {
    const key = `t-${Math.random()}`;
    const lock = postgresRefreshLock(newPool());
    await expect(
      lock.run(key, async () => {
        throw new Error('refresh refused');
      }),
    ).rejects.toThrow('refresh refused');
    const other = postgresRefreshLock(newPool(), { timeoutMs: 200 });
    expect(await other.run(key, async () => 'free')).toBe('free');
  });
});
