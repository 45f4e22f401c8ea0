import { isObject, type JsonObject, type JsonValue, ownArray, ownString } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Losses } from './loss.ts';

/** Postman auth → an OpenAPI 3 security scheme, so one mapping serves both. */
export function collectionScheme(auth: JsonObject | undefined): JsonObject | undefined {
  if (!auth) return undefined;
  const type = ownString(auth, 'type');
  const values = new Map<string, string>();
  for (const entry of ownArray(auth, type ?? '') ?? [])
    if (isObject(entry)) values.set(ownString(entry, 'key') ?? '', String(entry.value ?? ''));
  if (type === 'apikey')
    return {
      type: 'apiKey',
      in: values.get('in') === 'query' ? 'query' : 'header',
      name: values.get('key') || 'api_key',
    };
  if (type === 'bearer') return { type: 'http', scheme: 'bearer' };
  if (type === 'basic') return { type: 'http', scheme: 'basic' };
  if (type === 'oauth2') {
    const grant = values.get('grant_type') ?? 'authorization_code';
    const flow =
      grant === 'authorization_code'
        ? 'authorizationCode'
        : grant === 'client_credentials'
          ? 'clientCredentials'
          : grant;
    const scopes: JsonObject = {};
    for (const s of (values.get('scope') ?? '').split(/\s+/)) if (s) scopes[s] = s;
    return {
      type: 'oauth2',
      flows: {
        [flow]: {
          authorizationUrl: values.get('authUrl') ?? '',
          tokenUrl: values.get('accessTokenUrl') ?? '',
          scopes,
        },
      },
    };
  }
  return { type: type ?? 'none' };
}

/** A request's enabled headers, where they are in the collection. */
export interface RequestHeaders {
  readonly pointer: string;
  readonly headers: readonly JsonValue[];
}

/** The `Authorization` headers requests write by hand, as one API key on `Authorization`. */
export interface HeaderAuth {
  readonly scheme: JsonObject;
  /** Pointers of the requests that send it; the others send no credential. */
  readonly requests: ReadonlySet<string>;
}

function authorizationValue(headers: readonly JsonValue[]): { value: string; index: number } | undefined {
  for (const [index, h] of headers.entries()) {
    if (!isObject(h) || h.disabled === true || ownString(h, 'key')?.toLowerCase() !== 'authorization')
      continue;
    return { value: ownString(h, 'value') ?? '', index };
  }
  return undefined;
}

/** `Token {{token}}` → `Token`; a value without a variable is a credential, whose first word is kept. */
function prefixOf(value: string): string {
  if (value.includes('{{')) return value.slice(0, value.indexOf('{{')).trim();
  const words = value.trim().split(/\s+/);
  return words.length > 1 ? (words[0] ?? '') : '';
}

/**
 * A collection without auth whose requests write an `Authorization` header themselves
 * (`Authorization: Token {{token}}`): the header becomes an API key on `Authorization`, the form the
 * most requests use; requests whose header differs are reported. Undefined when no request writes one.
 */
export function authorizationHeader(
  requests: readonly RequestHeaders[],
  losses: Losses,
): HeaderAuth | undefined {
  const found = requests.flatMap((r) => {
    const a = authorizationValue(r.headers);
    if (!a) return [];
    const prefix = prefixOf(a.value);
    // A value without variables is a real credential: the report shows its form only.
    const shown = a.value.includes('{{') ? a.value : `${prefix ? `${prefix} ` : ''}…`;
    return [{ ...a, pointer: r.pointer, prefix, shown }];
  });
  if (found.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.prefix, (counts.get(f.prefix) ?? 0) + 1);
  const prefix = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const written = prefix ? `${prefix} <token>` : '<token>';
  const first = found.find((f) => f.prefix === prefix) ?? found[0]!;
  losses.add(
    join(first.pointer, 'request', 'header', first.index, 'value'),
    'Authorization header',
    `\`${first.shown}\`, written by hand in ${found.length} request(s), became an API key on \`Authorization\`: users enter \`${written}\`; requests without the header send no credential`,
  );
  for (const f of found)
    if (f.prefix !== prefix)
      losses.add(
        join(f.pointer, 'request', 'header', f.index, 'value'),
        'Authorization header',
        `\`${f.shown}\` differs from the connection's \`${written}\`, which is sent instead`,
      );
  return {
    scheme: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: `The value of the Authorization header, written as "${written}".`,
    },
    requests: new Set(found.map((f) => f.pointer)),
  };
}
