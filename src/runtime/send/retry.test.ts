import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  defaultRetryOptions,
  isIdempotent,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
  statusRetryDelay,
} from './retry.ts';

const options: RetryOptions = { count: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('isRetryableStatus', () => {
  const cases: [number, boolean][] = [
    [200, false],
    [302, false],
    [400, false],
    [401, false],
    [404, false],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
  ];
  it.each(cases)('status %i is retried: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('isIdempotent', () => {
  it.each([
    ['GET', true],
    ['HEAD', true],
    ['PUT', true],
    ['DELETE', true],
    ['OPTIONS', true],
    ['POST', false],
    ['PATCH', false],
  ] as const)('%s is idempotent: %s', (method, expected) => {
    expect(isIdempotent(method)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('draws from the upper half of a window that doubles per retry', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 0.999999))).toEqual([100, 200, 400, 800]);
  });

  it('never grows past `maxDelayMs`', () => {
    expect(backoffDelay(10, options, () => 0.999999)).toBe(1000);
    expect(backoffDelay(60, options, () => 0)).toBe(500);
  });

  it('keeps the default first retry between half a second and a second', () => {
    expect(backoffDelay(1, defaultRetryOptions, () => 0)).toBe(500);
    expect(backoffDelay(1, defaultRetryOptions, () => 0.999999)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const cases: [string, string | null, number | undefined][] = [
    ['absent', null, undefined],
    ['delay-seconds', '3', 3000],
    ['zero seconds', '0', 0],
    ['seconds with spaces', ' 2 ', 2000],
    ['an HTTP date in the future', 'Wed, 01 Jan 2025 12:00:10 GMT', 10_000],
    ['an HTTP date in the past', 'Wed, 01 Jan 2025 11:00:00 GMT', 0],
    ['a negative number', '-5', undefined],
    ['a fraction', '1.5', undefined],
    ['garbage', 'soon', undefined],
  ];
  it.each(cases)('reads %s', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('statusRetryDelay', () => {
  it('uses the backoff when there is no `Retry-After`', () => {
    expect(statusRetryDelay(1, null, options, () => 0, NOW)).toBe(50);
  });

  it('waits for `Retry-After` when it is longer than the backoff', () => {
    expect(statusRetryDelay(1, '2', options, () => 0, NOW)).toBe(2000);
  });

  it('keeps the backoff when `Retry-After` is shorter', () => {
    expect(statusRetryDelay(4, '0', options, () => 0, NOW)).toBe(400);
  });

  it('gives up retrying when `Retry-After` is beyond `maxRetryAfterMs`', () => {
    expect(statusRetryDelay(1, '6', options, () => 0, NOW)).toBeUndefined();
    expect(statusRetryDelay(1, '5', options, () => 0, NOW)).toBe(5000);
  });
});
