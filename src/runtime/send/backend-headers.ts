import type { IncomingHttpHeaders } from 'node:http';
import { inspect } from 'node:util';

/**
 * The headers of a backend response, copied from undici's header object into the `Headers` on first
 * use. Most callers read the status and the body only, and filling a `Headers` costs a validated
 * append per header; every method (iteration, `forEach` and `inspect` included) fills it first, so
 * it behaves as a `Headers` made at once. A value `Headers` will not hold is dropped, not fatal.
 */
export class BackendHeaders extends Headers {
  #raw: IncomingHttpHeaders | undefined;
  readonly #drop: readonly string[];

  /** `drop`: lower-case names left out (`content-encoding` once the body is decompressed). */
  constructor(raw: IncomingHttpHeaders, drop: readonly string[] = []) {
    super();
    this.#raw = raw;
    this.#drop = drop;
  }

  /** Copies the header object in, once. */
  static fill(headers: BackendHeaders): void {
    const raw = headers.#raw;
    if (raw === undefined) return;
    headers.#raw = undefined;
    for (const name in raw) {
      const value = raw[name];
      if (value === undefined || headers.#drop.includes(name)) continue;
      try {
        if (typeof value === 'string') append.call(headers, name, value);
        else for (const item of value) append.call(headers, name, item);
      } catch {
        // A backend header Fetch rejects (a NUL byte, a malformed name) must not lose the whole response.
      }
    }
  }

  [inspect.custom](...args: unknown[]): unknown {
    BackendHeaders.fill(this);
    return showHeaders?.apply(this, args) ?? inspect(new Headers(this));
  }
}

const append = Headers.prototype.append;
const showHeaders = (Headers.prototype as unknown as Record<symbol, unknown>)[inspect.custom] as
  | ((this: Headers, ...args: unknown[]) => unknown)
  | undefined;

// The types declare `Headers` methods as properties, so the overrides are installed here: each fills
// the headers, then runs the inherited method.
const methods = [
  'append',
  'delete',
  'get',
  'getSetCookie',
  'has',
  'set',
  'forEach',
  'keys',
  'values',
  'entries',
] as const;
for (const name of methods) {
  const inherited = Headers.prototype[name] as (this: Headers, ...args: unknown[]) => unknown;
  Object.defineProperty(BackendHeaders.prototype, name, {
    value: function filled(this: BackendHeaders, ...args: unknown[]) {
      BackendHeaders.fill(this);
      return inherited.apply(this, args);
    },
    writable: true,
    configurable: true,
  });
}
Object.defineProperty(BackendHeaders.prototype, Symbol.iterator, {
  value: BackendHeaders.prototype.entries,
  writable: true,
  configurable: true,
});
