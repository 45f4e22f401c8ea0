/**
 * The per-token rate limit: a fixed window per API token (per client address on public routes),
 * counted in memory by this process, with the `x-ratelimit-*` headers and the 429 `Retry-After` of
 * @fastify/rate-limit, which this replaces: its hook is async and builds a promise and a result
 * object per call, about a tenth of what flowport's own code costs per invoke.
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { ServerError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: not counted (health checks, the console, webhook callbacks). */
    rateLimit?: false;
  }
}

export interface RateLimitOptions {
  /** Requests per token (per client address without a token) in `timeWindow`. Default 600. */
  readonly max?: number;
  /** Milliseconds or a duration (`'1 minute'`, `'30 s'`). Default one minute. */
  readonly timeWindow?: number | string;
  /** Keys remembered at most; the one whose window started first is dropped beyond it. Default 5,000. */
  readonly maxKeys?: number;
  readonly now?: () => number;
}

const UNIT_MS = new Map<string, number>([
  ['ms', 1],
  ['millisecond', 1],
  ['s', 1000],
  ['sec', 1000],
  ['second', 1000],
  ['m', 60_000],
  ['min', 60_000],
  ['minute', 60_000],
  ['h', 3_600_000],
  ['hr', 3_600_000],
  ['hour', 3_600_000],
  ['d', 86_400_000],
  ['day', 86_400_000],
]);

/** `'1 minute'`, `'90s'`, `'2 hours'` in milliseconds; a bare number is milliseconds. */
export function durationMs(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const word = (m?.[2] ?? '').toLowerCase();
  const factor = word === '' ? 1 : (UNIT_MS.get(word) ?? UNIT_MS.get(word.replace(/s$/, '')));
  if (!m || factor === undefined) {
    throw new Error(`Rate limit window \`${text}\` is not a duration; give milliseconds or \`1 minute\`.`);
  }
  return Math.round(Number(m[1]) * factor);
}

/** `45 seconds`, `1 minute`: how @fastify/rate-limit worded the wait. */
function wait(seconds: number): string {
  const [n, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.round(seconds / 60), 'minute']
        : seconds < 86_400
          ? [Math.round(seconds / 3600), 'hour']
          : [Math.round(seconds / 86_400), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

interface Window {
  count: number;
  start: number;
}

/**
 * Counts every request to a route without `config: { rateLimit: false }`, keyed by `request.caller`
 * (set by the auth hook, which runs first) or the client address. Within the limit it sets
 * `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds); past it, answers a
 * `RATE_LIMITED` problem (429) with `Retry-After`. A sync hook per route, added when the route is.
 *
 * @example
 * registerAuth(app, store);
 * registerRateLimit(app, { max: 600, timeWindow: '1 minute' });
 */
export function registerRateLimit(app: FastifyInstance, options: RateLimitOptions = {}): void {
  const max = options.max ?? 600;
  const windowMs =
    typeof options.timeWindow === 'string' ? durationMs(options.timeWindow) : (options.timeWindow ?? 60_000);
  if (!Number.isInteger(max) || max < 0 || !(windowMs > 0)) {
    throw new Error('Rate limit `max` must be a whole number ≥ 0 and `timeWindow` a positive duration.');
  }
  const maxKeys = options.maxKeys ?? 5000;
  const now = options.now ?? Date.now;
  // Two maps, so that a key needs no prefix (and no string built per call).
  const byToken = new Map<string, Window>();
  const byAddress = new Map<string, Window>();

  const count = (windows: Map<string, Window>, key: string, at: number): Window => {
    let w = windows.get(key);
    if (w === undefined || w.start + windowMs <= at) {
      // A new window goes to the end, so the first key is the one whose window started first.
      windows.delete(key);
      w = { count: 0, start: at };
      windows.set(key, w);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value as string);
    }
    w.count++;
    return w;
  };

  const limit: onRequestHookHandler = function rateLimit(request, reply, done) {
    const at = now();
    const caller = request.caller;
    const w = caller ? count(byToken, caller.tokenId, at) : count(byAddress, request.ip, at);
    const reset = Math.ceil((w.start + windowMs - at) / 1000);
    reply.header('x-ratelimit-limit', max);
    reply.header('x-ratelimit-remaining', Math.max(0, max - w.count));
    reply.header('x-ratelimit-reset', reset);
    if (w.count <= max) {
      done();
      return;
    }
    reply.header('retry-after', reset);
    done(
      new ServerError(
        'RATE_LIMITED',
        `Too many requests for this API token (at most ${max} per window); retry in ${wait(reset)}.`,
      ),
    );
  };

  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit === false) return;
    const own = route.onRequest;
    // After the route's own hooks (the auth hook is one); a new array, as in registerAuth.
    route.onRequest = own === undefined ? [limit] : [...(Array.isArray(own) ? own : [own]), limit];
  });
}
