import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { FlowportError } from '../../errors.ts';
import { lazy } from '../../lazy.ts';
import type { RuntimeResponse, Transport, WireRequest } from '../types.ts';
import { BackendHeaders } from './backend-headers.ts';
import { type DecodeSubject, decodeBody } from './decode.ts';
import { abandon, type BodyBytes, discard, type ReadBodyOptions, readBody, tooLarge } from './read-body.ts';
import { followRedirect, isRedirectStatus, type RedirectHop, type RedirectMode } from './redirect.ts';
import {
  backoffDelay,
  defaultRetryOptions,
  isIdempotent,
  isRetryableStatus,
  type RetryOptions,
  statusRetryDelay,
} from './retry.ts';
import {
  createOriginCheck,
  createTargetParser,
  describeTarget,
  type OriginCheck,
  type Target,
} from './target.ts';
import { type TimeoutSettings, toUpstreamFailure } from './upstream-error.ts';

const undici = lazy<typeof import('undici')>('undici');

/** What happened in one attempt, for progress output (`flowport run --verbose`). */
export interface AttemptInfo {
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The backend's status, when it answered. */
  readonly status?: number;
  /** The failure, when it did not. */
  readonly error?: FlowportError;
  /** Set when another attempt follows after this wait. */
  readonly delayMs?: number;
}

/** Options of {@link createTransport}; every field is optional. */
export interface TransportOptions {
  /** Time to open the TCP/TLS connection. Default 10,000 ms. Applies to the transport's own agent. */
  readonly connectTimeoutMs?: number;
  /** Time from sending to the complete response headers. Default 120,000 ms, the platform's limit. */
  readonly headersTimeoutMs?: number;
  /** Time for the whole body after the headers, and the longest silence within it. Default 120,000 ms. */
  readonly bodyTimeoutMs?: number;
  /** Largest body kept, after decompression. Default 104,857,600 (100 MB, the platform's message limit). */
  readonly maxResponseBytes?: number;
  /** Retry policy; fields left out keep their defaults (4 retries, 1 s base, 30 s cap, 60 s `Retry-After` cap). */
  readonly retry?: Partial<RetryOptions>;
  /** Default `manual`: a 3xx is the response. */
  readonly redirect?: RedirectMode;
  /** Origins requests may go to (`https://api.example.com`), or a check; default: any. */
  readonly allowedOrigins?: readonly string[] | OriginCheck;
  /** An undici dispatcher to send through; default: one keep-alive `Agent` owned by the transport. */
  readonly dispatcher?: Dispatcher;
  /** Waits between attempts; injected by tests. Rejects with `signal.reason` when aborted. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Jitter source in [0, 1); default `Math.random`. */
  readonly random?: () => number;
  /** Clock for `Retry-After` dates; default `Date.now`. */
  readonly now?: () => number;
  /** Called after every attempt. */
  readonly onAttempt?: (info: AttemptInfo) => void;
}

const MB = 1024 * 1024;

/** An undici response and the request that produced it, after redirects. */
interface Exchange {
  readonly data: Dispatcher.ResponseData;
  readonly method: string;
  readonly target: Target;
}

/**
 * Creates the transport that sends wire requests with undici: keep-alive pools, connect/headers/body
 * timeouts, bounded retries of 408/429/5xx and connectivity failures honouring `Retry-After`, a
 * response size limit and deliberate redirects. See docs/runtime/sending.md.
 *
 * @example
 * const transport = createTransport({ headersTimeoutMs: 30_000, retry: { count: 2 } });
 * const response = await transport.send({ method: 'GET', url: 'https://api.example.com/items', headers: new Headers(), body: undefined });
 * await transport.close();
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const timeouts: TimeoutSettings = {
    connectTimeoutMs: duration(options.connectTimeoutMs, 10_000, 'connectTimeoutMs'),
    headersTimeoutMs: duration(options.headersTimeoutMs, 120_000, 'headersTimeoutMs'),
    bodyTimeoutMs: duration(options.bodyTimeoutMs, 120_000, 'bodyTimeoutMs'),
  };
  const maxResponseBytes = count(options.maxResponseBytes, 100 * MB, 'maxResponseBytes');
  const retry: RetryOptions = {
    count: count(options.retry?.count, defaultRetryOptions.count, 'retry.count'),
    baseDelayMs: count(options.retry?.baseDelayMs, defaultRetryOptions.baseDelayMs, 'retry.baseDelayMs'),
    maxDelayMs: count(options.retry?.maxDelayMs, defaultRetryOptions.maxDelayMs, 'retry.maxDelayMs'),
    maxRetryAfterMs: count(
      options.retry?.maxRetryAfterMs,
      defaultRetryOptions.maxRetryAfterMs,
      'retry.maxRetryAfterMs',
    ),
  };
  const redirect = options.redirect ?? 'manual';
  if (redirect !== 'manual' && redirect !== 'follow-same-origin')
    throw invalid(`\`redirect\` is \`${String(redirect)}\`; use \`manual\` or \`follow-same-origin\`.`);
  const allowed =
    options.allowedOrigins === undefined ? undefined : createOriginCheck(options.allowedOrigins);
  const ownDispatcher = options.dispatcher === undefined;
  const dispatcher: Dispatcher =
    options.dispatcher ??
    new (undici().Agent)({
      connect: { timeout: timeouts.connectTimeoutMs },
      headersTimeout: timeouts.headersTimeoutMs,
      bodyTimeout: timeouts.bodyTimeoutMs,
    });
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const onAttempt = options.onAttempt;
  const parseTarget = createTargetParser();

  function resolveTarget(url: string, method: string): Target {
    const target = parseTarget(url);
    if (allowed !== undefined && !allowed(target.origin))
      throw new FlowportError(
        'UPSTREAM_HOST_REFUSED',
        `\`${describeTarget(method, target)}\` was not sent: \`${target.origin}\` is neither the connector's host nor one a policy set; check \`host\`, \`dynamichosturl\` and absolute links.`,
      );
    return target;
  }

  function dispatch(
    hop: RedirectHop,
    target: Target,
    signal: AbortSignal | undefined,
  ): Promise<Dispatcher.ResponseData> {
    return dispatcher.request({
      origin: target.origin,
      path: target.path,
      method: hop.method as Dispatcher.HttpMethod,
      headers: hop.headers,
      body: hop.body ?? null,
      signal: signal ?? null,
      headersTimeout: timeouts.headersTimeoutMs,
      bodyTimeout: timeouts.bodyTimeoutMs,
    });
  }

  /** One request, redirects followed (`follow-same-origin`). */
  async function exchange(wire: WireRequest, signal: AbortSignal | undefined): Promise<Exchange> {
    let hop: RedirectHop = wire;
    for (let hops = 0; ; hops++) {
      const target = resolveTarget(hop.url, hop.method);
      const data = await dispatch(hop, target, signal);
      if (!isRedirectStatus(data.statusCode)) return { data, method: hop.method, target };
      const location = firstValue(data.headers.location);
      let next: RedirectHop | undefined;
      try {
        next = followRedirect(
          hop,
          target,
          data.statusCode,
          location,
          hops,
          describeTarget(hop.method, target),
        );
      } catch (error) {
        abandon(data.body);
        throw error;
      }
      if (next === undefined) return { data, method: hop.method, target };
      discard(data.body, timeouts.bodyTimeoutMs);
      hop = next;
    }
  }

  /** The response of an exchange; sync for bodiless ones, else once the body is read. */
  function toResponse({ data, method, target }: Exchange): RuntimeResponse | Promise<RuntimeResponse> {
    const raw = data.headers;
    const status = data.statusCode;
    if (method === 'HEAD' || status === 204 || status === 304) {
      discard(data.body);
      return { status, headers: new BackendHeaders(raw), body: { kind: 'none' } };
    }
    const encoding = headerValue(raw, 'content-encoding');
    const declared = headerValue(raw, 'content-length');
    if (declared !== null && encoding === null && Number(declared) > maxResponseBytes) {
      abandon(data.body);
      throw tooLarge({ target: describeTarget(method, target), maxBytes: maxResponseBytes });
    }
    const reading = new BodyReading(
      method,
      target,
      status,
      raw,
      encoding,
      maxResponseBytes,
      timeouts.bodyTimeoutMs,
    );
    return readBody(data.body, reading).then((read) => reading.response(read));
  }

  async function send(
    wire: WireRequest,
    sendOptions?: { readonly signal?: AbortSignal },
  ): Promise<RuntimeResponse> {
    const signal = sendOptions?.signal;
    for (let attempt = 1; ; attempt++) {
      let exchanged: Exchange | undefined;
      try {
        if (redirect === 'manual') {
          // A 3xx is the response: one request, without the redirect loop's own promise.
          const target = resolveTarget(wire.url, wire.method);
          exchanged = { data: await dispatch(wire, target, signal), method: wire.method, target };
        } else exchanged = await exchange(wire, signal);
        const status = exchanged.data.statusCode;
        if (attempt <= retry.count && isRetryableStatus(status)) {
          const delayMs = statusRetryDelay(
            attempt,
            firstValue(exchanged.data.headers['retry-after']) ?? null,
            retry,
            random,
            now(),
          );
          if (delayMs !== undefined) {
            discard(exchanged.data.body, timeouts.bodyTimeoutMs);
            onAttempt?.({ attempt, status, delayMs });
            await sleep(delayMs, signal);
            continue;
          }
        }
        const response = await toResponse(exchanged);
        onAttempt?.({ attempt, status });
        return response;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        // Errors already mapped (too large, invalid JSON, redirect and host refusals) pass through.
        const target = exchanged?.target ?? safeTarget(wire.url);
        const failure = toUpstreamFailure(
          error,
          target === undefined ? wire.method : describeTarget(exchanged?.method ?? wire.method, target),
          timeouts,
        );
        const retryable =
          failure.transient && attempt <= retry.count && (!failure.sent || isIdempotent(wire.method));
        if (!retryable) {
          onAttempt?.({ attempt, error: failure.error });
          throw failure.error;
        }
        const delayMs = backoffDelay(attempt, retry, random);
        onAttempt?.({ attempt, error: failure.error, delayMs });
        await sleep(delayMs, signal);
      }
    }
  }

  return {
    send,
    async close() {
      if (ownDispatcher) await dispatcher.destroy();
    },
  };
}

function safeTarget(url: string): Target | undefined {
  try {
    return createTargetParser()(url);
  } catch {
    return undefined;
  }
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A header of undici's header object as `Headers.get` reads it: repeated values joined by `, `. */
function headerValue(raw: IncomingHttpHeaders, name: string): string | null {
  const value = raw[name];
  if (value === undefined) return null;
  return typeof value === 'string' ? value : value.join(', ');
}

const NO_BODY = { kind: 'none' } as const;

/** Headers that no longer describe a body flowport decompressed. */
const DECODED = ['content-encoding', 'content-length'];

/**
 * What reading and decoding one body needs; the target (`GET api.example.com/v1/items`) is worded
 * only when a message names it, which most responses never need.
 */
class BodyReading implements ReadBodyOptions, DecodeSubject {
  readonly method: string;
  readonly at: Target;
  readonly status: number;
  readonly raw: IncomingHttpHeaders;
  readonly contentEncoding: string | null;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  #label: string | undefined;

  constructor(
    method: string,
    at: Target,
    status: number,
    raw: IncomingHttpHeaders,
    contentEncoding: string | null,
    maxBytes: number,
    timeoutMs: number,
  ) {
    this.method = method;
    this.at = at;
    this.status = status;
    this.raw = raw;
    this.contentEncoding = contentEncoding;
    this.maxBytes = maxBytes;
    this.timeoutMs = timeoutMs;
  }

  get target(): string {
    this.#label ??= describeTarget(this.method, this.at);
    return this.#label;
  }

  /** The response once the body is in: decoded by its `Content-Type`. */
  response(read: BodyBytes): RuntimeResponse {
    const { status, raw, contentEncoding: encoding } = this;
    if (status === 206) {
      // A part of the content: decoded only once whole (chunked download, runtime/chunked.ts).
      const headers = read.decoded ? new BackendHeaders(raw, DECODED) : new BackendHeaders(raw);
      const body = read.bytes.byteLength === 0 ? NO_BODY : { kind: 'binary' as const, bytes: read.bytes };
      return { status, headers, body };
    }
    const contentType = headerValue(raw, 'content-type');
    if (read.decoded)
      return {
        status,
        headers: new BackendHeaders(raw, DECODED),
        body: decodeBody(read.bytes, contentType, this),
      };
    const headers = new BackendHeaders(raw);
    if (encoding !== null && encoding.trim().toLowerCase() !== 'identity' && read.bytes.byteLength > 0) {
      // Stacked or unknown encodings (`gzip, br`, `zstd`) stay as they came: bytes, not garbled text.
      return { status, headers, body: { kind: 'binary', bytes: read.bytes } };
    }
    return { status, headers, body: decodeBody(read.bytes, contentType, this) };
  }
}

function defaultSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function duration(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw invalid(`\`${name}\` is ${value}; use a positive number of milliseconds.`);
  return value;
}

function count(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw invalid(`\`${name}\` is ${value}; use a whole number, 0 or more.`);
  return value;
}

function invalid(message: string): FlowportError {
  return new FlowportError('CONFIG_INVALID', `Transport option ${message}`);
}
