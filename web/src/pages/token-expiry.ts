/**
 * Token expiry in the console: the new-token form's choices and the words the lists use. The form
 * proposes 30 days, as GitHub's and GitLab's token forms do; "No expiry" stays a choice (docs/console.md).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Choices of the expiry select: days, or `never`. */
export const EXPIRY_CHOICES: readonly { readonly value: string; readonly label: string }[] = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'never', label: 'No expiry' },
];

export const DEFAULT_EXPIRY = '30';

/** A choice as the API's `expiresInDays`; undefined for `never`. */
export function expiresInDays(choice: string): number | undefined {
  return choice === 'never' ? undefined : Number(choice);
}

/** Whether a token with this `expiresAt` has expired at `now` (epoch ms). */
export function isExpired(expiresAt: string | undefined, now: number): boolean {
  return expiresAt !== undefined && Date.parse(expiresAt) <= now;
}

/**
 * "no expiry", "expired", "expires in 3 hours" (under a day) or "expires in 30 days" (whole days
 * rounded up, so a token made for 30 days says 30 until a day has gone by).
 */
export function expiryText(expiresAt: string | undefined, now: number): string {
  if (expiresAt === undefined) return 'no expiry';
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return 'expired';
  const [count, unit] =
    left < DAY_MS ? [Math.ceil(left / HOUR_MS), 'hour'] : [Math.ceil(left / DAY_MS), 'day'];
  return `expires in ${count} ${unit}${count === 1 ? '' : 's'}`;
}
