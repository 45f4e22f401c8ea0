/**
 * The expiry of a token a route creates: `expiresInDays` or `expiresAt` in the body (not both), as
 * the JSON schema properties the routes share and the `expiresAt` the store takes.
 */
import { checkTokenExpiry, MAX_TOKEN_LIFETIME_DAYS } from '../store/users.ts';
import { ServerError } from './errors.ts';

const DAY_MS = 86_400_000;

/** Body properties `expiresInDays` and `expiresAt` (named `tokenExpiresInDays`… with `prefix: 'token'`). */
export function expiryProperties(prefix?: 'token') {
  const [days, at] = names(prefix);
  return {
    [days]: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_TOKEN_LIFETIME_DAYS,
      description: `The token expires this many days from now (1–${MAX_TOKEN_LIFETIME_DAYS}). Not with \`${at}\`; with neither, it never expires.`,
    },
    [at]: {
      type: 'string',
      format: 'date-time',
      description: `When the token expires (RFC 3339 date-time with an offset), after now and at most ${MAX_TOKEN_LIFETIME_DAYS} days ahead; \`TOKEN_EXPIRY_INVALID\` otherwise. Not with \`${days}\`.`,
    },
  } as const;
}

/**
 * The `expiresAt` for the store from a body's `expiresInDays` or `expiresAt`, checked as the store
 * checks it (so a route can refuse it before it creates anything); undefined when neither is given.
 * Both is a `VALIDATION_FAILED`.
 */
export function expiryOf(
  body: Readonly<Record<string, unknown>>,
  now: () => number,
  prefix?: 'token',
): string | undefined {
  const [daysName, atName] = names(prefix);
  const days = body[daysName];
  const at = body[atName];
  if (days !== undefined && at !== undefined) {
    throw new ServerError(
      'VALIDATION_FAILED',
      `Give \`${daysName}\` or \`${atName}\`, not both; with neither, the token never expires.`,
    );
  }
  if (typeof days === 'number') return new Date(now() + days * DAY_MS).toISOString();
  return typeof at === 'string' ? checkTokenExpiry(at, now()) : undefined;
}

function names(prefix: 'token' | undefined): [days: string, at: string] {
  return prefix ? ['tokenExpiresInDays', 'tokenExpiresAt'] : ['expiresInDays', 'expiresAt'];
}
