import { ownString } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';

/** Query parameters (and answer headers) whose values are credentials by their name alone. */
export const SECRET_NAME = /(api[-_]?key|token|secret|password|passwd|signature|^sig$|^code$|^key$|auth)/i;

/**
 * A function that hides credentials in a request's path and query before the mock logs it: the
 * query parameter an `apiKey` security definition names, and any whose name says it holds a secret.
 *
 * @example
 * urlMasker(connector)('/v1/items?api_key=s3cret&top=5'); // '/v1/items?api_key=***&top=5'
 */
export function urlMasker(connector: Connector): (pathAndQuery: string) => string {
  const named = new Set(
    connector.definition.securityDefinitions
      .filter((s) => s.type?.toLowerCase() === 'apikey' && ownString(s.raw, 'in')?.toLowerCase() === 'query')
      .map((s) => (ownString(s.raw, 'name') ?? '').toLowerCase()),
  );
  return (pathAndQuery) => {
    const q = pathAndQuery.indexOf('?');
    if (q < 0) return pathAndQuery;
    const parts = pathAndQuery
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        let name = pair.slice(0, eq);
        try {
          name = decodeURIComponent(name.replace(/\+/g, ' '));
        } catch {
          // An undecodable name is compared as it is.
        }
        return named.has(name.toLowerCase()) || SECRET_NAME.test(name) ? `${pair.slice(0, eq)}=***` : pair;
      });
    return `${pathAndQuery.slice(0, q)}?${parts.join('&')}`;
  };
}

/**
 * The credential values a request carries — the `Authorization` header (and its token alone), the
 * headers and query parameters `apiKey` definitions name, query parameters named as secrets — so that
 * a recorded answer that repeats one can have it masked.
 */
export function requestSecrets(
  connector: Connector,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  query: URLSearchParams,
): string[] {
  const out: string[] = [];
  const add = (value: string | string[] | undefined) => {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      out.push(v);
      const token = /^\S+\s+(\S.*)$/.exec(v)?.[1];
      if (token) out.push(token);
    }
  };
  add(headers.authorization);
  for (const s of connector.definition.securityDefinitions) {
    if (s.type?.toLowerCase() !== 'apikey') continue;
    const name = (ownString(s.raw, 'name') ?? '').toLowerCase();
    if (ownString(s.raw, 'in')?.toLowerCase() === 'query') add(query.get(name) ?? undefined);
    else add(headers[name]);
  }
  for (const [name, value] of query) if (SECRET_NAME.test(name)) add(value);
  // The longest first, so that a token inside a header value is not left half masked.
  return [...new Set(out)].sort((a, b) => b.length - a.length);
}
