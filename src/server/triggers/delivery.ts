/**
 * Delivering a stored event to its subscription's sink URL: one signed POST per attempt, at least
 * once (a crash between the POST and recording it means the receiver sees the event again, with the
 * same `Flowport-Idempotency-Key`). Failed attempts are retried with exponential back-off and jitter
 * (or the receiver's `Retry-After`); after `maxAttempts` the event is dead-lettered until replayed.
 */

import type { DeliveryOutcome, DueDelivery } from '../../store/trigger-types.ts';
import { retryAfterMs } from '../../triggers/polling.ts';
import { SIGNATURE_HEADER, signPayload } from '../../triggers/signature.ts';

export interface DeliveryPolicy {
  /** Attempts before an event is dead-lettered. Default 8. */
  readonly maxAttempts: number;
  /** First retry delay; doubles each attempt. Default 1,000 ms. */
  readonly baseDelayMs: number;
  /** Longest retry delay. Default 10 minutes. */
  readonly maxDelayMs: number;
  /** One attempt's time limit. Default 10,000 ms. */
  readonly timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 600_000,
  timeoutMs: 10_000,
};

/** The delay before attempt `attempt + 1` (attempt counts from 1): base·2^(attempt-1), ±50% jitter, capped. */
export function backoffMs(
  policy: DeliveryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}

/** What a sink receives: the event as stored, with where it came from. */
export function deliveryBody(due: DueDelivery): string {
  const { event, subscription } = due;
  return JSON.stringify({
    id: event.id,
    idempotencyKey: event.idempotencyKey,
    subscriptionId: subscription.id,
    connectorId: subscription.connectorId,
    operationId: subscription.operationId,
    kind: subscription.kind,
    receivedAt: event.receivedAt,
    headers: event.headers,
    body: event.body,
  });
}

/** One attempt; never throws. */
export async function deliver(
  due: DueDelivery,
  policy: DeliveryPolicy,
  options: { readonly now: () => number; readonly fetch?: typeof fetch; readonly signal?: AbortSignal },
): Promise<DeliveryOutcome> {
  const attempt = due.event.delivery.attempts + 1;
  const retry = (error: string, status?: number, after?: number): DeliveryOutcome => ({
    delivered: false,
    error,
    ...(status !== undefined && { status }),
    nextAttemptAt:
      attempt >= policy.maxAttempts
        ? undefined
        : options.now() + Math.min(policy.maxDelayMs, after ?? backoffMs(policy, attempt)),
  });
  const url = due.subscription.sinkUrl;
  if (!url) return { delivered: false, error: 'The subscription has no sink URL.', nextAttemptAt: undefined };
  const body = deliveryBody(due);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'flowport-delivery/1',
    'flowport-event-id': due.event.id,
    'flowport-idempotency-key': due.event.idempotencyKey,
    'flowport-subscription-id': due.subscription.id,
    'flowport-delivery-attempt': String(attempt),
  };
  if (due.signingSecret)
    headers[SIGNATURE_HEADER] = signPayload(due.signingSecret, body, Math.floor(options.now() / 1000));
  const signals = [AbortSignal.timeout(policy.timeoutMs), ...(options.signal ? [options.signal] : [])];
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.any(signals),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { delivered: true, status: response.status };
    // 410: the receiver says this sink is gone for good.
    if (response.status === 410)
      return {
        delivered: false,
        status: 410,
        error: 'The sink answered 410 Gone.',
        nextAttemptAt: undefined,
      };
    const after =
      response.status === 429 || response.status === 503
        ? retryAfterMs(response.headers.get('retry-after'), options.now())
        : undefined;
    return retry(`The sink answered ${response.status}.`, response.status, after);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const name =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${policy.timeoutMs} ms`
        : undefined;
    return retry(name ?? `${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}
