/**
 * The asynchronous action pattern (runtime spec §12.4): an action answers `202 Accepted` with a
 * `Location` to poll and an optional `Retry-After`; the platform polls the `Location` until an answer
 * other than 202 and ends the action with it. Decided in docs/runtime.md ("Asynchronous actions").
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { FlowportError } from '../errors.ts';
import { parseRetryAfter } from './send/retry.ts';
import type { RuntimeResponse } from './types.ts';

export interface AsyncActionOptions {
  /** Longest wait for the final answer, counted from the first 202 (default 300,000 ms). */
  readonly timeoutMs?: number;
  /** Wait between polls when a 202 has no `Retry-After` (default 20,000 ms, the engine's default). */
  readonly defaultRetryAfterMs?: number;
  /** Shortest wait between polls, also for `Retry-After: 0` (default 1,000 ms). */
  readonly minIntervalMs?: number;
  /** Most polls (default 1,000), a bound for backends that keep asking for no wait at all. */
  readonly maxPolls?: number;
  /** Told before each wait, so a caller can say what it is waiting for. */
  readonly onPoll?: (info: {
    readonly location: string;
    readonly waitMs: number;
    readonly polls: number;
  }) => void;
}

export const DEFAULT_ASYNC_ACTION: Required<Omit<AsyncActionOptions, 'onPoll'>> = {
  timeoutMs: 300_000,
  defaultRetryAfterMs: 20_000,
  minIntervalMs: 1_000,
  maxPolls: 1_000,
};

/** The absolute `Location` of a 202, resolved against the URL the request went to; undefined when none. */
export function asyncLocation(response: RuntimeResponse, requestUrl: string | undefined): string | undefined {
  if (response.status !== 202) return undefined;
  const raw = response.headers.get('location')?.trim();
  if (!raw) return undefined;
  try {
    return new URL(raw, requestUrl).href;
  } catch {
    return undefined;
  }
}

/** How long to wait before the next poll: `Retry-After`, else the default, never below the floor. */
export function pollDelay(
  response: RuntimeResponse,
  options: Required<Omit<AsyncActionOptions, 'onPoll'>>,
  now: number,
): number {
  const asked = parseRetryAfter(response.headers.get('retry-after'), now);
  return Math.max(options.minIntervalMs, asked ?? options.defaultRetryAfterMs);
}

export interface AsyncActionOutcome {
  readonly response: RuntimeResponse;
  /** Requests sent to a `Location`. */
  readonly polls: number;
  /** The last `Location` polled. */
  readonly location: string;
}

/**
 * Polls `location` with `poll` (which sends a GET through the connection, §13.2) until the answer is
 * not a 202; a 202 with a new `Location` moves the polling there. Throws `ASYNC_ACTION_TIMEOUT` when
 * the next wait would end after `timeoutMs`, or after `maxPolls` polls.
 */
export async function followAsyncAction(
  operationId: string,
  first: { readonly response: RuntimeResponse; readonly location: string },
  poll: (location: string) => Promise<{ readonly response: RuntimeResponse; readonly url: string }>,
  options: AsyncActionOptions,
  signal: AbortSignal | undefined,
  trace: string[] | undefined,
): Promise<AsyncActionOutcome> {
  const settings = { ...DEFAULT_ASYNC_ACTION, ...options };
  const deadline = Date.now() + settings.timeoutMs;
  let { response, location } = first;
  let polls = 0;
  for (;;) {
    const wait = pollDelay(response, settings, Date.now());
    if (Date.now() + wait > deadline || polls >= settings.maxPolls) {
      const limit =
        polls >= settings.maxPolls
          ? `${settings.maxPolls} polls`
          : `${Math.round(settings.timeoutMs / 1000)} s`;
      throw new FlowportError(
        'ASYNC_ACTION_TIMEOUT',
        `\`${operationId}\` is still running after ${limit} (the backend keeps answering 202 at ${location}); raise the limit with \`--async-timeout\` or poll that URL later.`,
      );
    }
    trace?.push(`async: 202, polling ${location} in ${Math.round(wait / 100) / 10} s`);
    options.onPoll?.({ location, waitMs: wait, polls });
    await sleep(wait, undefined, signal ? { signal } : undefined);
    const polled = await poll(location);
    polls++;
    response = polled.response;
    if (response.status !== 202) return { response, polls, location };
    const next = asyncLocation(response, polled.url);
    if (next !== undefined) location = next;
  }
}
