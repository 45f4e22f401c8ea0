import { ownString } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';

/** Query parameters whose values are credentials by their name alone. */
const SECRET_NAME = /(api[-_]?key|token|secret|password|passwd|signature|^sig$|^code$|^key$|auth)/i;

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
