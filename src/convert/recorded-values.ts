/**
 * Parameters from the values recorded calls sent: query parameters, headers, form fields. Types come
 * from every value seen (all whole numbers → `integer`, all `true`/`false` → `boolean`); a name every
 * call of an operation sends is required; the values themselves are never written (they may be
 * personal), except a header every call of the API sends with one value, which becomes an internal
 * constant (`X-Api-Version: 2`).
 */
import type { JsonObject } from '../connector/json.ts';
import { isSecretHeader, isSecretQuery } from './recorded-auth.ts';
import { titleCase } from './text.ts';

/** Headers browsers, clients and proxies add by themselves: not part of an API's contract. */
const TRANSPORT_HEADER =
  /^(:.*|accept|accept-encoding|accept-language|accept-charset|user-agent|host|connection|keep-alive|content-length|content-type|origin|referer|cache-control|pragma|dnt|upgrade-insecure-requests|te|trailer|priority|purpose|expect|range|if-none-match|if-modified-since|if-unmodified-since|if-range|sec-.*|x-forwarded-.*|forwarded|via|x-client-data|traceparent|tracestate|baggage|sentry-trace|x-amzn-trace-id|x-datadog-.*|x-b3-.*|b3|newrelic|x-real-ip|proxy-.*|postman-token)$/i;

/** The type a list of text values has in common. */
export function typeOfValues(values: readonly string[]): JsonObject {
  if (values.length > 0 && values.every((v) => /^-?\d{1,15}$/.test(v))) return { type: 'integer' };
  if (values.length > 0 && values.every((v) => /^-?\d+(\.\d+)?$/.test(v))) return { type: 'number' };
  if (values.length > 0 && values.every((v) => v === 'true' || v === 'false')) return { type: 'boolean' };
  if (values.length > 0 && values.every((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)))
    return { type: 'string', format: 'date-time' };
  if (values.length > 0 && values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)))
    return { type: 'string', format: 'date' };
  return { type: 'string' };
}

/** Values by name across the samples of one operation. */
export class ValueTable {
  private readonly names = new Map<
    string,
    { values: string[]; samples: number; repeated: boolean; file: boolean }
  >();
  private samples = 0;

  /** One call's name–value pairs (a name given twice is an array). */
  addSample(pairs: readonly (readonly [string, string, boolean?])[]): void {
    this.samples++;
    const counted = new Map<string, number>();
    for (const [name, value, file] of pairs) {
      let entry = this.names.get(name);
      if (!entry) {
        entry = { values: [], samples: 0, repeated: false, file: false };
        this.names.set(name, entry);
      }
      entry.values.push(value);
      if (file) entry.file = true;
      counted.set(name, (counted.get(name) ?? 0) + 1);
    }
    for (const [name, n] of counted) {
      const entry = this.names.get(name);
      if (!entry) continue;
      entry.samples++;
      if (n > 1) entry.repeated = true;
    }
  }

  /** Swagger 2.0 parameters `in` the given place, in first-seen order. */
  parameters(location: 'query' | 'formData'): JsonObject[] {
    return [...this.names].map(([name, e]) => {
      const type = e.file ? { type: 'file' } : typeOfValues(e.values);
      return {
        name,
        in: location,
        // One call says little about what is optional; every one of several calls sending it, more.
        required: this.samples > 1 && e.samples === this.samples,
        ...(e.repeated && !e.file ? { type: 'array', items: type, collectionFormat: 'multi' } : type),
        'x-ms-summary': titleCase(name) || name,
      };
    });
  }
}

/** Query pairs of a URL without the credentials among them. */
export function queryPairs(url: URL): [string, string][] {
  return [...url.searchParams].filter(([name]) => !isSecretQuery(name));
}

/** Why a header is not a parameter (`transport`, `secret`), or undefined when it may be one. */
export function headerRole(name: string): 'transport' | 'secret' | undefined {
  if (TRANSPORT_HEADER.test(name)) return 'transport';
  if (isSecretHeader(name)) return 'secret';
  return undefined;
}

/**
 * Header parameters of one operation. A header every call of the whole API sends with one value is
 * an internal constant (`constants`); others are optional parameters without a default.
 */
export function headerParameters(
  samples: readonly (readonly { name: string; value: string }[])[],
  constants: ReadonlyMap<string, string>,
): JsonObject[] {
  const seen = new Map<string, { name: string; count: number }>();
  for (const headers of samples)
    for (const h of headers) {
      const key = h.name.toLowerCase();
      if (headerRole(h.name) !== undefined) continue;
      const entry = seen.get(key);
      if (entry) entry.count++;
      else seen.set(key, { name: h.name, count: 1 });
    }
  return [...seen].map(([key, { name }]) => {
    const constant = constants.get(key);
    return {
      name,
      in: 'header',
      required: constant !== undefined,
      type: 'string',
      'x-ms-summary': titleCase(name) || name,
      ...(constant !== undefined && { default: constant, 'x-ms-visibility': 'internal' }),
    };
  });
}

/** Headers (lower-case names) every call sends with one and the same value. */
export function constantHeaders(
  samples: readonly (readonly { name: string; value: string }[])[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (samples.length < 2) return out;
  const [first = [], ...rest] = samples;
  for (const h of first) {
    const key = h.name.toLowerCase();
    if (headerRole(h.name) !== undefined || h.value === '' || h.value.length > 200) continue;
    if (rest.every((hs) => hs.some((o) => o.name.toLowerCase() === key && o.value === h.value)))
      out.set(key, h.value);
  }
  return out;
}
