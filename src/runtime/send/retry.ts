/** How a transport retries; see docs/runtime/sending.md, retries. */
export interface RetryOptions {
  /** Retries after the first attempt; `0` disables retrying. Default 4, the platform's default count. */
  readonly count: number;
  /** Upper bound of the first backoff window. Default 1,000 ms. */
  readonly baseDelayMs: number;
  /** No backoff window grows beyond this. Default 30,000 ms. */
  readonly maxDelayMs: number;
  /** A longer `Retry-After` is not waited for: the 429/503 response is returned instead. Default 60,000 ms. */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = {
  count: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};

/** 408, 429 and 5xx, the statuses the platform's retry policy covers (runtime spec §12.3). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Methods RFC 9110 §9.2.2 calls idempotent: sending them twice has the effect of sending them once. */
export function isIdempotent(method: string): boolean {
  switch (method) {
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
    case 'TRACE':
    case 'PUT':
    case 'DELETE':
      return true;
    default:
      return false;
  }
}

/**
 * Backoff before retry number `retry` (1-based), "equal jitter": a random point in the upper half
 * of a window that doubles each time, so retries neither bunch at zero nor move in lock step.
 * `random` returns a number in [0, 1).
 */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number): number {
  const window = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(window / 2 + (random() * window) / 2);
}

/**
 * `Retry-After` in milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * `undefined` when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only dates that name a weekday or month, so a stray number or word is not read as a date.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retrying a retryable status, or `undefined` when the response must be
 * returned as it is because the backend asked for a longer wait than `maxRetryAfterMs`.
 */
export function statusRetryDelay(
  retry: number,
  retryAfter: string | null,
  options: RetryOptions,
  random: () => number,
  now: number,
): number | undefined {
  const backoff = backoffDelay(retry, options, random);
  const asked = parseRetryAfter(retryAfter, now);
  if (asked === undefined) return backoff;
  if (asked > options.maxRetryAfterMs) return undefined;
  return Math.max(backoff, asked);
}
