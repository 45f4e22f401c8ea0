/** Recognisers for credentials committed by mistake; tuned to stay quiet on real connectors. */

const KNOWN_FORMATS: readonly [RegExp, string][] = [
  [/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/, 'a private key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/, 'a JSON Web Token'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})/, 'a GitHub token'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bxox[abposr]-[0-9A-Za-z-]{10,}/, 'a Slack token'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\b[rs]k_live_[0-9A-Za-z]{16,}/, 'a Stripe live key'],
  [/\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/, 'an OpenAI API key'],
  [/\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/, 'a SendGrid API key'],
  [/AccountKey=[A-Za-z0-9+/]{40,}={0,2}/, 'an Azure storage account key'],
];

/** A literal each of `KNOWN_FORMATS` contains: one pass rules out nearly every value. */
const FORMAT_MARKERS = /PRIVATE KEY|eyJ|gh[pousr]_|github_pat_|AKIA|xox|AIza|k_live_|sk-|SG\.|AccountKey=/;

/** Example values published by vendors (AWS documents `AKIAIOSFODNN7EXAMPLE`). */
const DOCUMENTED_EXAMPLE = /example|sample|dummy|placeholder|x{6,}/i;

/**
 * Names a well-known credential format found in `value` (`a GitHub token`, `a private key`…).
 * @example knownSecretFormat('ghp_' + 'a'.repeat(36)) // 'a GitHub token'
 */
export function knownSecretFormat(value: string): string | undefined {
  if (value.length < 16 || !FORMAT_MARKERS.test(value) || DOCUMENTED_EXAMPLE.test(value)) return undefined;
  for (const [pattern, name] of KNOWN_FORMATS) if (pattern.test(value)) return name;
  return undefined;
}

/** Parameter or property names that hold credentials. */
export const CREDENTIAL_NAME =
  /api[-_ ]?key|apikey|secret|token|password|passwd|passphrase|access[-_ ]?key|subscription[-_ ]?key|private[-_ ]?key|credential|authorization/i;

const PLACEHOLDER =
  /^(?:\[\[.*\]\]|<.*>|\{.*\}|\$\{.*\}|%.*%|@.*|x+|\*+|\.+|-+|_+|#+|0+|null|none|n\/a|tbd|todo)$/i;
const PLACEHOLDER_WORDS =
  /dummy|placeholder|your|example|sample|change[-_ ]?me|redacted|replace|insert|enter|fake|secret|xxxx|test|demo|value/i;

/** Whether a value is obviously not a real credential: `[[DUMMY]]`, `<your secret>`, `YOUR_CLIENT_SECRET`… */
export function isPlaceholder(value: string): boolean {
  const s = value.trim();
  return s === '' || PLACEHOLDER.test(s) || PLACEHOLDER_WORDS.test(s);
}

const TOKEN_CHARS = /^[A-Za-z0-9+/=_\-.~]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUTH_SCHEME = /^(?:bearer|basic|token|apikey|sharedaccesssignature)\s+/i;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Whether a value looks like a random key or token (long, no spaces, mixed letters and digits, high
 * entropy); GUIDs, URLs, words and placeholders do not. An auth scheme prefix (`Bearer …`) is ignored.
 */
export function looksLikeRandomToken(value: string): boolean {
  const s = value.trim().replace(AUTH_SCHEME, '');
  if (s.length < 20 || s.length > 1024 || !TOKEN_CHARS.test(s) || GUID.test(s)) return false;
  if (isPlaceholder(s)) return false;
  if (!/\d/.test(s) || !/[A-Za-z]/.test(s)) return false;
  const hex = /^[0-9a-f]+$/i.test(s);
  if (!hex && !(/[a-z]/.test(s) && /[A-Z]/.test(s))) return false;
  if (hex && s.length < 32) return false;
  return entropy(s) >= (hex ? 3.3 : 3.8);
}
