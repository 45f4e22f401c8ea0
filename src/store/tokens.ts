import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Length of the visible token prefix (`fp_` and 5 characters). */
export const TOKEN_PREFIX_LENGTH = 8;

/** A new API token: `fp_` and 32 random bytes in base64url; only its SHA-256 is stored. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `fp_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX_LENGTH) };
}

/** SHA-256 of a token, in hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` hashes to `storedHash`, compared in constant time. */
export function tokenMatches(storedHash: string, token: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(token, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Whether a string has the shape of a flowport token (checked before any database work). */
export function looksLikeToken(token: string): boolean {
  return /^fp_[A-Za-z0-9_-]{43}$/.test(token);
}

/** A random id with a type prefix (`usr_…`), URL-safe. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
