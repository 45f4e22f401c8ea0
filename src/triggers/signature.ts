/**
 * Signatures of the events flowport delivers to a subscription's sink URL, so that receivers can
 * check an event came from flowport and was not replayed later: header
 * `Flowport-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the
 * subscription's signing secret (`whsec_…`, shown once when the subscription is created). The
 * scheme is Stripe's, so receivers know it; `verifySignature` is the receiving side.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'flowport-signature';

/** The header value for `body` signed at `timestampSeconds`. */
export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export interface VerifyOptions {
  /** Epoch milliseconds; default now. */
  readonly now?: number;
  /** How old a signature may be; default 300 s. */
  readonly toleranceSeconds?: number;
}

/**
 * Whether `header` signs `body` with `secret` within the tolerance. Any `v1` entry may match (several
 * appear while a secret is rotated); compared in constant time.
 *
 * @example
 * if (!verifySignature(process.env.FLOWPORT_SIGNING_SECRET, rawBody, req.headers['flowport-signature'])) reject();
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  options: VerifyOptions = {},
): boolean {
  if (!header) return false;
  let t: number | undefined;
  const macs: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d+$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) macs.push(v);
  }
  if (t === undefined || macs.length === 0) return false;
  const now = (options.now ?? Date.now()) / 1000;
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex'));
  return macs.some((m) => timingSafeEqual(Buffer.from(m), expected));
}
