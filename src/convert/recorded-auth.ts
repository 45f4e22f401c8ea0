/**
 * How recorded calls authenticate, from what they sent: an `Authorization` header (Bearer, Basic or
 * another scheme), an API key header (`X-Api-Key`, `Ocp-Apim-Subscription-Key`…) or an API key in the
 * query (`?api_key=`). The one most calls send becomes the connection's; values are never kept.
 */
import type { JsonObject } from '../connector/json.ts';
import type { Exchange } from './exchange.ts';

const KEY_HEADER =
  /^(x-)?(api[-_]?key|apikey|api[-_]?token|auth[-_]?token|access[-_]?token|app[-_]?key|client[-_]?key)$|subscription-key$/i;
const KEY_QUERY =
  /^(api[-_]?key|apikey|key|access[-_]?token|token|auth[-_]?token|app[-_]?key|subscription-key)$/i;
/** Headers that carry a browser session or a one-time value: never parameters, never kept. */
const SESSION_HEADER = /^(cookie|set-cookie|proxy-authorization|x-requested-with)$/i;
/** Words in a name that say its value is a secret or a session (`X-CSRF-Token`, `X-Session-Id`, `client_secret`). */
const SECRET_WORDS =
  /token|secret|session|signature|password|passwd|credential|cookie|csrf|xsrf|api[-_]?key/i;

/** A credential the recorded calls sent; `name` is the header or query parameter. */
export interface RecordedCredential {
  readonly kind: 'bearer' | 'basic' | 'authorization' | 'header' | 'query';
  readonly name: string;
  /** The scheme word of an `Authorization` value that is neither Bearer nor Basic (`Token`). */
  readonly prefix?: string;
}

/** The credentials one call sends (an `Authorization` header, key headers, key query parameters). */
export function credentialsOf(exchange: Exchange): RecordedCredential[] {
  const found: RecordedCredential[] = [];
  for (const h of exchange.headers) {
    if (h.name.toLowerCase() === 'authorization') {
      const [word = '', ...rest] = h.value.trim().split(/\s+/);
      const lower = word.toLowerCase();
      if (lower === 'bearer') found.push({ kind: 'bearer', name: 'Authorization' });
      else if (lower === 'basic') found.push({ kind: 'basic', name: 'Authorization' });
      else
        found.push({
          kind: 'authorization',
          name: 'Authorization',
          ...(rest.length > 0 && { prefix: word }),
        });
    } else if (KEY_HEADER.test(h.name)) found.push({ kind: 'header', name: h.name });
  }
  for (const name of exchange.url.searchParams.keys())
    if (KEY_QUERY.test(name) && !found.some((c) => c.kind === 'query' && c.name === name))
      found.push({ kind: 'query', name });
  return found;
}

/** The key two credentials share when they are the same credential (header names ignore case). */
export function credentialKey(c: RecordedCredential): string {
  return `${c.kind}:${c.kind === 'query' ? c.name : c.name.toLowerCase()}:${c.prefix ?? ''}`;
}

/** True for a header the converter never keeps as a parameter: credentials and session headers. */
export function isSecretHeader(name: string): boolean {
  return (
    name.toLowerCase() === 'authorization' ||
    KEY_HEADER.test(name) ||
    SESSION_HEADER.test(name) ||
    SECRET_WORDS.test(name)
  );
}

/** True for a name (a body field, a form field) whose value is a secret: `password`, `client_secret`, `access_token`. */
export function isSecretName(name: string): boolean {
  // `token_type`, `expires_in`, `token_url` describe a secret without being one.
  if (/(type|expires?(_?in|_?at)?|url|uri|endpoint|name)$/i.test(name) && !KEY_QUERY.test(name)) return false;
  return SECRET_WORDS.test(name) || KEY_QUERY.test(name);
}

/** True for a query parameter that is a credential. */
export function isSecretQuery(name: string): boolean {
  return KEY_QUERY.test(name);
}

/** The credential as an OpenAPI 3 security scheme, for `convertSecurity`. */
export function schemeOf(c: RecordedCredential): JsonObject {
  if (c.kind === 'bearer') return { type: 'http', scheme: 'bearer' };
  if (c.kind === 'basic') return { type: 'http', scheme: 'basic' };
  if (c.kind === 'authorization')
    return {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: `The value of the Authorization header, written as "${c.prefix ? `${c.prefix} ` : ''}<token>".`,
    };
  return { type: 'apiKey', in: c.kind, name: c.name };
}

/** How a credential reads in the report (its name and kind, never its value). */
export function describeCredential(c: RecordedCredential): string {
  if (c.kind === 'bearer') return '`Authorization: Bearer …`';
  if (c.kind === 'basic') return '`Authorization: Basic …`';
  if (c.kind === 'authorization') return `\`Authorization: ${c.prefix ? `${c.prefix} ` : ''}…\``;
  if (c.kind === 'header') return `the \`${c.name}\` header`;
  return `the \`${c.name}\` query parameter`;
}
