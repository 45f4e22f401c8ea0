/** What a trigger fires: plain, JSON-serialisable events with a stable idempotency key. */
import { createHash } from 'node:crypto';
import type { JsonValue } from '../connector/json.ts';

/** One event: one flow run in the Power Platform (`triggerBody()`, `triggerOutputs()['headers']`). */
export interface TriggerEvent {
  /**
   * The same for the same event delivered again (a webhook retry, a poll repeated from the same
   * state after a crash); receivers deduplicate on it.
   */
  readonly idempotencyKey: string;
  /** When flowport received the callback or the poll's response, ISO 8601. */
  readonly receivedAt: string;
  /** Callback request headers, or the poll response's headers; names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The event's body: a split item, or the whole body of a `single` trigger. */
  readonly body: JsonValue;
}

/** Hex SHA-256 of the parts joined by NUL, cut to 32 characters (128 bits). */
export function eventKey(...parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Headers as a plain record with lower-case names (the first value of a repeated header wins). */
export function headerRecord(
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (headers instanceof Headers) {
    for (const [name, value] of headers) out[name] = value;
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (key in out) continue;
    out[key] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}
