import { describe, expect, it } from 'vitest';
import { connectionThrottled, createConnectionThrottle } from './connection-throttle.ts';
import { STATUS_OF } from './errors.ts';

function clocked(perMinute?: number) {
  let clock = 1_700_000_000_000;
  const throttle = createConnectionThrottle({
    now: () => clock,
    ...(perMinute !== undefined && { perMinute }),
  });
  return {
    throttle,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

/** Takes until refused; the number taken. */
function drain(take: () => number): number {
  let n = 0;
  while (take() === 0) n++;
  return n;
}

describe('createConnectionThrottle', () => {
  it('allows a burst of the whole minute, 500 by default, then refuses', () => {
    const { throttle } = clocked();
    expect(throttle.perMinute).toBe(500);
    expect(drain(() => throttle.take('con_a'))).toBe(500);
  });

  it('refills continuously, one call every 60 000 / limit ms', () => {
    const { throttle, advance } = clocked(3);
    expect(drain(() => throttle.take('con_a'))).toBe(3);
    // One token comes back every 20 s.
    expect(throttle.take('con_a')).toBe(20_000);
    advance(19_999);
    expect(throttle.take('con_a')).toBe(1);
    advance(1);
    expect(throttle.take('con_a')).toBe(0);
    expect(throttle.take('con_a')).toBe(20_000);
    // A full minute later the whole burst is back, and no more.
    advance(60_000);
    expect(drain(() => throttle.take('con_a'))).toBe(3);
  });

  it('counts a steady rate at the limit without refusing, and one more call a minute is refused', () => {
    const { throttle, advance } = clocked(500);
    for (let i = 0; i < 5_000; i++) {
      expect(throttle.take('con_a'), `call ${i}`).toBe(0);
      advance(120);
    }
    expect(drain(() => throttle.take('con_a'))).toBe(500);
  });

  it('keeps fractional intervals exact enough: 7 a minute allows 7, never 8', () => {
    const { throttle, advance } = clocked(7);
    expect(drain(() => throttle.take('con_a'))).toBe(7);
    advance(60_000);
    expect(drain(() => throttle.take('con_a'))).toBe(7);
    expect(throttle.take('con_a')).toBe(Math.ceil(60_000 / 7));
  });

  it('keeps a bucket per connection', () => {
    const { throttle } = clocked(2);
    expect(drain(() => throttle.take('con_a'))).toBe(2);
    expect(throttle.take('con_b')).toBe(0);
    expect(throttle.take('con_a')).toBeGreaterThan(0);
  });

  it('drops buckets that are full again, so memory follows the connections of the last minute', () => {
    const { throttle, advance } = clocked(10);
    for (let i = 0; i < 5_000; i++) {
      throttle.take(`con_${i}`);
      // Each bucket, one token short, is full again 6 s after its call.
      advance(10);
    }
    // At any time only the last 600 (6 s / 10 ms) are not full; a sweep leaves at most twice that.
    expect(throttle.size).toBeLessThanOrEqual(2 * 1024);
    advance(60_000);
    for (let i = 0; i < 2_000; i++) throttle.take(`late_${i}`);
    expect(throttle.size).toBeLessThanOrEqual(2_000 + 1024);
    // A dropped bucket is a fresh one: the whole burst.
    expect(drain(() => throttle.take('con_0'))).toBe(10);
  });

  it('is off with 0: every call allowed, nothing kept', () => {
    const { throttle } = clocked(0);
    for (let i = 0; i < 10_000; i++) expect(throttle.take('con_a')).toBe(0);
    expect(throttle.size).toBe(0);
  });

  it('refuses a limit that is not a whole number of calls', () => {
    expect(() => createConnectionThrottle({ perMinute: -1 })).toThrow(/whole number/);
    expect(() => createConnectionThrottle({ perMinute: 2.5 })).toThrow(/whole number/);
  });
});

describe('connectionThrottled', () => {
  it('is a 429 with Retry-After in whole seconds, rounded up, naming the limit and the option', () => {
    const error = connectionThrottled('con_a', 500, 120);
    expect(error.code).toBe('CONNECTION_THROTTLED');
    expect(STATUS_OF[error.code]).toBe(429);
    expect(error.headers).toEqual({ 'retry-after': '1' });
    expect(error.message).toContain('500 calls');
    expect(error.message).toContain('--connection-rate-limit');
    expect(connectionThrottled('con_a', 3, 20_000).headers).toEqual({ 'retry-after': '20' });
    expect(connectionThrottled('con_a', 7, 8_572).headers).toEqual({ 'retry-after': '9' });
  });
});
