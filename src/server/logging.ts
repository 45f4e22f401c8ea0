/**
 * Request logs (pino, through Fastify) that never hold a secret: credentials headers are redacted,
 * query values are replaced (the OAuth callback's `code` and `state` arrive there), and fields that
 * carry tokens or secrets are censored wherever they appear in a log object.
 */
import type { FastifyBaseLogger, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

/** Paths pino censors (`[redacted]`) in every log line. */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'token',
  'secrets',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'password',
  'code',
  'codeVerifier',
  '*.token',
  '*.secrets',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.password',
  '*.codeVerifier',
  '*.values',
];

/** Webhook callback URLs carry their credential in the path: `/hooks/<id>/<secret>`. */
const HOOK_SECRET = /^(\/hooks\/[^/?#]+\/)[^/?#]+/;

/**
 * A URL with every query value replaced by `***` (`/oauth/callback?code=***&state=***`) and the
 * secret of a webhook callback path by `***` (`/hooks/sub_1/***`).
 */
export function maskUrl(url: string): string {
  if (url.startsWith('/hooks/')) url = url.replace(HOOK_SECRET, '$1***');
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq)}=***`;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

/** What a censored value is written as. */
const CENSOR = '[redacted]';

/**
 * `REDACT_PATHS` read into the three shapes it uses: top-level names (`token`), names one level down
 * in any top-level value (`*.token`), and header names under `req.headers` / `res.headers`.
 */
function redactionShape(paths: readonly string[]) {
  const top = new Set<string>();
  const nested: string[] = [];
  const headers = new Map<string, string[]>();
  for (const path of paths) {
    const header = /^(\w+)\.headers(?:\.(\w+)|\["([^"]+)"\])$/.exec(path);
    if (header) {
      const list = headers.get(header[1]!) ?? [];
      list.push((header[2] ?? header[3])!);
      headers.set(header[1]!, list);
    } else if (path.startsWith('*.')) nested.push(path.slice(2));
    else if (/^\w+$/.test(path)) top.add(path);
    else throw new Error(`Redaction path \`${path}\` has a shape loggerOptions does not read.`);
  }
  return { top, nested, headers };
}

const SHAPE = redactionShape(REDACT_PATHS);

/** A shallow copy keeping the prototype, as pino's redaction copies what it censors. */
function copyOf(value: object): Record<string, unknown> {
  return Object.assign(Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>, value);
}

/**
 * The value logged under `key` with `REDACT_PATHS` applied, copied only when something is censored
 * (the logged object itself is never changed). Names are looked up with `in`, as pino does.
 */
function censorField(key: string, value: unknown): unknown {
  if (SHAPE.top.has(key)) return value === undefined ? value : CENSOR;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const name of SHAPE.nested) {
    if (name in value) {
      copy ??= copyOf(value);
      copy[name] = CENSOR;
    }
  }
  const headerNames = SHAPE.headers.get(key);
  const headers = headerNames && (value as { headers?: unknown }).headers;
  if (headerNames && headers !== null && typeof headers === 'object') {
    let censored: Record<string, unknown> | undefined;
    for (const name of headerNames) {
      if (name in headers) {
        censored ??= copyOf(headers);
        censored[name] = CENSOR;
      }
    }
    if (censored) {
      copy ??= copyOf(value);
      copy.headers = censored;
    }
  }
  return copy ?? value;
}

/** Every field of a log object (or a child logger's bindings) censored; the object itself when none is. */
function censorFields(object: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    if (skip.has(key)) continue;
    const value = object[key];
    const censored = censorField(key, value);
    if (censored !== value) {
      out ??= { ...object };
      out[key] = censored;
    }
  }
  return out ?? object;
}

// A child logger's bindings are serialised when it is made and skip `formatters.bindings` (pino
// applies that to the root's only): they are censored after the fact, in `onChild`, when their text
// names a censored field. Flowport binds none; Fastify binds `reqId`, which passes the test.
const CHINDINGS = 'pino.chindings';
const NAMED = new RegExp(`"(?:${[...new Set([...SHAPE.top, ...SHAPE.nested])].join('|')})":`);
let chindings: symbol | undefined;

function censorChildBindings(child: object): void {
  chindings ??= Object.getOwnPropertySymbols(child).find((s) => s.description === CHINDINGS);
  if (chindings === undefined) return;
  const record = child as Record<symbol, unknown>;
  const text = record[chindings];
  if (typeof text !== 'string' || !NAMED.test(text)) return;
  const bindings = JSON.parse(`{${text.slice(1)}}`) as Record<string, unknown>;
  const censored = censorFields(bindings, new Set());
  if (censored !== bindings) record[chindings] = `,${JSON.stringify(censored).slice(1, -1)}`;
}

type Serializer = (value: unknown) => unknown;
type Formatter = (object: Record<string, unknown>) => Record<string, unknown>;

/** Fastify logger options: flowport's redaction and serializers merged over the caller's options. */
export type LoggerOption = boolean | (Exclude<FastifyServerOptions['logger'], boolean | undefined> & object);

/**
 * Pino options for Fastify with `REDACT_PATHS` applied to every log line and child binding.
 *
 * The censoring is flowport's own (`censorField`): pino's `redact` parses each path again for every
 * value it redacts, and with `*.` paths it runs on every field of every line — about 50 µs of the
 * 70–130 µs two request lines cost at `info`. Serialised fields are censored after their serializer
 * (wrapped here), the others in `formatters.log`, child bindings in `onChild`; `err`, serialised by
 * Fastify's own serializer, is left to pino's `redact` (errors are rare), as are any `redact` paths
 * the caller adds.
 */
export function loggerOptions(option: LoggerOption | undefined): FastifyServerOptions['logger'] {
  if (option === false || option === undefined) return false;
  const base = option === true ? {} : (option as Record<string, unknown>);
  const redact = base.redact;
  const extra = Array.isArray(redact) ? (redact as string[]) : [];
  const serializers: Record<string, Serializer> = {
    req: (req) => {
      const r = req as FastifyRequest;
      return { method: r.method, url: maskUrl(r.url), remoteAddress: r.ip };
    },
    res: (res) => ({ statusCode: (res as FastifyReply).statusCode }),
    ...((base.serializers as Record<string, Serializer> | undefined) ?? {}),
  };
  const wrapped: Record<string, Serializer> = {};
  for (const [key, serialize] of Object.entries(serializers)) {
    wrapped[key] = (value) => censorField(key, serialize(value));
  }
  // Fields pino serialises: censored by their wrapper, or (`err`) by pino's redact.
  const serialised = new Set([...Object.keys(wrapped), 'err']);
  const formatters = (base.formatters as Record<string, Formatter | undefined> | undefined) ?? {};
  const noFields = new Set<string>();
  return {
    level: 'info',
    ...base,
    redact: { paths: [...SHAPE.nested.map((name) => `err.${name}`), ...extra], censor: CENSOR },
    serializers: wrapped,
    formatters: {
      ...formatters,
      log: (object: Record<string, unknown>) =>
        censorFields(formatters.log ? formatters.log(object) : object, serialised),
      bindings: (bindings: Record<string, unknown>) =>
        censorFields(formatters.bindings ? formatters.bindings(bindings) : bindings, noFields),
    },
    onChild: (child: object) => {
      censorChildBindings(child);
      (base.onChild as ((child: object) => void) | undefined)?.(child);
    },
  } as FastifyServerOptions['logger'];
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];

/**
 * A request's logger, made into a child of the app's logger (its `reqId` binding serialised and
 * censored) on the first line logged at an enabled level. Fastify makes a child per request and
 * calls `info` on it twice; at `warn` no request writes a line, and the child cost about 8 µs of
 * every call. The lines written are the child's, so they are those an eager child writes.
 */
class RequestLogger {
  readonly #parent: FastifyBaseLogger & { isLevelEnabled(level: string): boolean };
  readonly #bindings: Bindings;
  #child: FastifyBaseLogger | undefined;

  constructor(parent: FastifyBaseLogger, bindings: Bindings) {
    this.#parent = parent as FastifyBaseLogger & { isLevelEnabled(level: string): boolean };
    this.#bindings = bindings;
  }

  #write(level: Level, args: unknown[]): void {
    if (this.#child === undefined && !this.#parent.isLevelEnabled(level)) return;
    this.#child ??= this.#parent.child(this.#bindings);
    (this.#child[level] as (...a: unknown[]) => void)(...args);
  }

  get level(): string {
    return this.#child?.level ?? this.#parent.level;
  }

  set level(level: string) {
    this.#child ??= this.#parent.child(this.#bindings);
    this.#child.level = level;
  }

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    this.#child ??= this.#parent.child(this.#bindings);
    return this.#child.child(bindings, options);
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#write('error', args);
  }
  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }
  info(...args: unknown[]): void {
    this.#write('info', args);
  }
  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }
  silent(): void {}
}

/**
 * Fastify's `childLoggerFactory` for a pino logger: a `RequestLogger` per request, or the child at
 * once when the route sets its own level or serializers (the lazy logger checks the app's level).
 */
export const requestLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = function requestLogger(
  logger,
  bindings,
  options,
) {
  if (options.level !== undefined || options.serializers !== undefined)
    return logger.child(bindings, options);
  return new RequestLogger(logger, bindings) as unknown as FastifyBaseLogger;
};
