/**
 * What `flowport record` keeps of a secret: its name and form, never its value. `Authorization:
 * Bearer eyJ…` is written `Bearer ***` (the scheme is what `flowport init` reads), an API key header,
 * a cookie's values, a credential in the query, and body fields named like secrets (`password`,
 * `client_secret`, `access_token`) become `***`. `--keep-secrets` writes them as sent.
 */
import type { JsonValue } from '../connector/json.ts';
import { isSecretHeader, isSecretName, isSecretQuery } from '../convert/recorded-auth.ts';

export const MASK = '***';

/** A header's value as recorded. */
export function maskHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie')
    return value
      .split(';')
      .map((c) => `${c.split('=')[0]?.trim()}=${MASK}`)
      .join('; ');
  if (lower === 'set-cookie') return value.replace(/^([^=;]+)=[^;]*/, `$1=${MASK}`);
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const [scheme, ...rest] = value.trim().split(/\s+/);
    return rest.length > 0 ? `${scheme} ${MASK}` : MASK;
  }
  return isSecretHeader(name) ? MASK : value;
}

/** A URL with the values of credential query parameters masked. */
export function maskUrl(url: URL): string {
  if (![...url.searchParams.keys()].some(isSecretQuery)) return url.href;
  const masked = new URL(url.href);
  for (const name of new Set(masked.searchParams.keys()))
    if (isSecretQuery(name)) masked.searchParams.set(name, MASK);
  return masked.href;
}

function maskValue(value: JsonValue, depth = 0): JsonValue {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, depth + 1));
  const out: { [key: string]: JsonValue } = {};
  for (const [key, v] of Object.entries(value))
    out[key] =
      isSecretName(key) && (typeof v === 'string' || typeof v === 'number') ? MASK : maskValue(v, depth + 1);
  return out;
}

/** A body's text with secret fields masked: JSON objects by key, URL-encoded forms by name; other text as it is. */
export function maskBody(text: string, mimeType: string): string {
  const type = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (/[/+]json$/.test(type)) {
    try {
      return JSON.stringify(maskValue(JSON.parse(text) as JsonValue));
    } catch {
      return text;
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    if (![...form.keys()].some(isSecretName)) return text;
    for (const name of new Set(form.keys())) if (isSecretName(name)) form.set(name, MASK);
    return form.toString();
  }
  return text;
}
