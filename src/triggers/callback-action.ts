/**
 * Callback actions: operations with an `x-ms-notification-url` property that are not triggers. The
 * call completes when the backend calls back (or the wait times out). The listener is the caller's
 * (`flowport trigger`'s loopback server, later the server's hook route), passed in as a function.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonValue } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import type { InvokeResult, Runtime } from '../runtime/runtime.ts';
import type { Arguments, Connection } from '../runtime/types.ts';
import { headerRecord } from './event.ts';
import { type CallbackRequest, decodeCallbackBody, withCallbackUrl } from './webhook.ts';

/** Default wait for the callback: 10 minutes (DECIDE; the platform allows far longer runs). */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 600_000;

export interface CallbackActionOptions {
  readonly connection?: Connection;
  /** The URL written into the notification-URL property. */
  readonly callbackUrl: string;
  /**
   * Resolves with the first request that arrives at `callbackUrl`; called before the operation is
   * invoked, so a backend that calls back at once is not missed. Must stop when `signal` aborts.
   */
  readonly waitForCallback: (signal: AbortSignal) => Promise<CallbackRequest>;
  /** How long to wait for the callback after the operation answered (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Waits `ms` unless `signal` aborts (default `timers/promises` setTimeout); tests inject it. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<unknown>;
  readonly signal?: AbortSignal;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

export interface CallbackActionResult {
  /** The operation's own answer (usually 202). */
  readonly result: InvokeResult;
  /** The callback; undefined when the operation did not answer 2xx (nothing is then waited for). */
  readonly callback?: {
    readonly receivedAt: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: JsonValue | undefined;
  };
}

/**
 * Invokes a callback action with `callbackUrl` in its notification-URL property and resolves when
 * the callback arrives. Throws `TRIGGER_NOT_A_TRIGGER` for an operation without a notification URL
 * and `TRIGGER_CALLBACK_TIMEOUT` when no callback comes in time.
 *
 * @example
 * const { callback } = await invokeWithCallback(runtime, 'StartExport', args, { callbackUrl, waitForCallback });
 */
export async function invokeWithCallback(
  runtime: Runtime,
  operationId: string,
  args: Arguments,
  options: CallbackActionOptions,
): Promise<CallbackActionResult> {
  const operation = runtime.connector.operation(operationId);
  if (operation && operation.kind !== 'callback-action')
    throw new FlowportError(
      'TRIGGER_NOT_A_TRIGGER',
      `Operation \`${operationId}\` is not a callback action (it has no \`x-ms-notification-url\` property, or it is a trigger).`,
    );
  const controller = new AbortController();
  const outer = options.signal;
  const stop = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', stop, { once: true });
  const waiting = options.waitForCallback(controller.signal);
  // Settled here too, so a listener that fails while the operation is still running is no unhandled rejection.
  waiting.catch(() => undefined);
  try {
    const filled = operation ? withCallbackUrl(operation, args, options.callbackUrl) : { args };
    const result = await runtime.invoke(operationId, filled.args, {
      ...(options.connection && { connection: options.connection }),
      signal: controller.signal,
    });
    if (!result.ok) return { result };
    const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
    const wait = options.sleep ?? ((ms: number, signal: AbortSignal) => sleep(ms, undefined, { signal }));
    const timedOut = Symbol('timeout');
    const winner = await Promise.race([waiting, wait(timeoutMs, controller.signal).then(() => timedOut)]);
    if (winner === timedOut)
      throw new FlowportError(
        'TRIGGER_CALLBACK_TIMEOUT',
        `No callback arrived for \`${operationId}\` within ${Math.round(timeoutMs / 1000)} s.`,
      );
    const request = winner as CallbackRequest;
    const headers = headerRecord(request.headers);
    return {
      result,
      callback: {
        receivedAt: new Date((options.now ?? Date.now)()).toISOString(),
        headers,
        body: decodeCallbackBody(headers['content-type'], request.bytes),
      },
    };
  } finally {
    outer?.removeEventListener('abort', stop);
    controller.abort();
  }
}
