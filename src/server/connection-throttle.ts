/**
 * The per-connection throttle of runtime spec §12.3: the platform allows a custom connector 500
 * requests a minute per connection. One token bucket per connection id, holding `perMinute` tokens
 * and refilled continuously (`perMinute` / 60 000 tokens a millisecond), in this process's memory.
 *
 * A bucket is kept as the one instant it will be full again (the generic cell rate algorithm): a
 * take moves that instant one interval (60 000 / `perMinute` ms) later, and is refused while it
 * lies more than a minute minus one interval ahead. A bucket whose instant has passed is full,
 * the same as one never used, so it is dropped: memory follows the connections used in the last
 * minute.
 */
import { ServerError } from './errors.ts';

/** The default of `perMinute`: the platform's limit for custom connectors (§12.3). */
export const DEFAULT_CONNECTION_CALLS_PER_MINUTE = 500;

const MINUTE_MS = 60_000;
/** Below this many buckets no sweep runs; above it a sweep runs when their number has doubled. */
const SWEEP_FLOOR = 1024;
/** Float slack when comparing instants built from fractional intervals (60 000 / 7 ms…). */
const EPSILON_MS = 1e-6;

export interface ConnectionThrottleOptions {
  /** Calls a minute per connection: the bucket's size and its refill. Default 500; 0 turns it off. */
  readonly perMinute?: number;
  /** Clock in milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

export interface ConnectionThrottle {
  /** Calls a minute per connection; 0 when the throttle is off. */
  readonly perMinute: number;
  /**
   * Takes a token from the bucket of `connectionId`: 0 when taken, else the milliseconds until one
   * is available (nothing is taken then).
   */
  take(connectionId: string): number;
  /** Buckets held in memory (tests, metrics). */
  readonly size: number;
}

/**
 * A token bucket per connection id.
 * @example
 * const throttle = createConnectionThrottle({ perMinute: 500 });
 * const waitMs = throttle.take(connection.id);
 * if (waitMs > 0) throw connectionThrottled(connection.id, throttle.perMinute, waitMs);
 */
export function createConnectionThrottle(options: ConnectionThrottleOptions = {}): ConnectionThrottle {
  const perMinute = options.perMinute ?? DEFAULT_CONNECTION_CALLS_PER_MINUTE;
  if (!Number.isInteger(perMinute) || perMinute < 0)
    throw new RangeError(`The connection throttle needs a whole number of calls a minute, not ${perMinute}.`);
  const now = options.now ?? Date.now;
  if (perMinute === 0) return { perMinute, take: () => 0, size: 0 };

  const interval = MINUTE_MS / perMinute;
  // A take is allowed while the bucket is full again no later than this far ahead.
  const horizon = MINUTE_MS - interval + EPSILON_MS;
  const fullAt = new Map<string, number>();
  let sweepAt = SWEEP_FLOOR;

  function sweep(at: number): void {
    for (const [id, full] of fullAt) if (full <= at) fullAt.delete(id);
    sweepAt = Math.max(SWEEP_FLOOR, 2 * fullAt.size);
  }

  return {
    perMinute,
    get size() {
      return fullAt.size;
    },
    take(connectionId) {
      const at = now();
      const full = fullAt.get(connectionId);
      const start = full === undefined || full < at ? at : full;
      const ahead = start - at;
      if (ahead > horizon) return Math.max(1, Math.ceil(ahead - horizon));
      if (full === undefined && fullAt.size >= sweepAt) sweep(at);
      fullAt.set(connectionId, start + interval);
      return 0;
    },
  };
}

/** `429 CONNECTION_THROTTLED` with `Retry-After` in whole seconds, rounded up. */
export function connectionThrottled(connectionId: string, perMinute: number, waitMs: number): ServerError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ServerError(
    'CONNECTION_THROTTLED',
    `Connection \`${connectionId}\` made its ${perMinute} calls of the last minute (the platform's limit per connection); retry in ${seconds} s, or start \`flowport serve\` with a higher \`--connection-rate-limit\` (0 turns the limit off).`,
    { headers: { 'retry-after': String(seconds) } },
  );
}
