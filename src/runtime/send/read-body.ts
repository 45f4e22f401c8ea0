import { pipeline, type Readable, type Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, type ZlibOptions } from 'node:zlib';
import { FlowportError } from '../../errors.ts';

export interface ReadBodyOptions {
  /** Most bytes kept, counted after content decoding, so a small compressed body cannot expand unseen. */
  readonly maxBytes: number;
  /** The whole body must arrive within this many ms of the call; a slow drip is cut off. */
  readonly timeoutMs: number;
  /** The response's `Content-Encoding`; `gzip`, `deflate` and `br` are decoded. */
  readonly contentEncoding: string | null;
  /** `GET api.example.com/v1/items`, for messages. */
  readonly target: string;
}

export interface BodyBytes {
  readonly bytes: Uint8Array;
  /** `true` when `Content-Encoding` was removed by decoding; the caller drops that header. */
  readonly decoded: boolean;
}

const empty = new Uint8Array(0);

/**
 * Reads a response body into memory with a running byte count: the stream is destroyed as soon as
 * the count passes `maxBytes` (`UPSTREAM_RESPONSE_TOO_LARGE`) or the time passes `timeoutMs`
 * (`UPSTREAM_TIMEOUT`), so neither a huge body nor a slow one holds memory or the caller for long.
 * Stalls between chunks are caught by undici's own `bodyTimeout`.
 */
export function readBody(body: Readable, options: ReadBodyOptions): Promise<BodyBytes> {
  const started = performance.now();
  const decompressor = createDecompressor(options.contentEncoding);
  let source: Readable = body;
  if (decompressor !== undefined) {
    // pipeline destroys both streams when either fails, so a corrupt body ends the socket too.
    pipeline(body, decompressor, () => {});
    source = decompressor;
  }
  // Events rather than `for await`: no async iterator per response on the hot path.
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      body.destroy();
      if (decompressor !== undefined) decompressor.destroy();
      reject(
        decompressor !== undefined && isZlibError(error)
          ? new FlowportError(
              'UPSTREAM_INVALID_RESPONSE',
              `\`${options.target}\` sent a body that is not valid \`${options.contentEncoding}\`; fix the backend's \`Content-Encoding\`.`,
              { cause: error },
            )
          : error,
      );
    };
    source.on('data', (chunk: Uint8Array) => {
      if (settled) return;
      total += chunk.byteLength;
      if (total > options.maxBytes) fail(tooLarge(options, decompressor !== undefined));
      else if (performance.now() - started > options.timeoutMs) fail(slow(options));
      else chunks.push(chunk);
    });
    source.on('error', fail);
    source.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ bytes: join(chunks, total), decoded: decompressor !== undefined });
    });
  });
}

/** Stops a body flowport will not read: its request is aborted and the socket closed. */
export function abandon(body: Readable): void {
  // undici's body reports `destroy()` before the end as an `AbortError` event; nobody else listens.
  body.on('error', noop);
  body.destroy();
}

/**
 * Drops a body flowport does not need (a retried 503, a followed redirect, a HEAD) while keeping the
 * connection for reuse: small bodies are drained, larger or slower ones end the socket. Without
 * `timeoutMs` for responses that have no body (HEAD, 204, 304).
 */
export function discard(
  body: Readable & { dump(options: { limit: number; signal?: AbortSignal }): Promise<unknown> },
  timeoutMs?: number,
): void {
  const options =
    timeoutMs === undefined
      ? { limit: 64 * 1024 }
      : { limit: 64 * 1024, signal: AbortSignal.timeout(timeoutMs) };
  body.dump(options).catch(noop);
}

function noop(): void {}

function join(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 0) return empty;
  if (chunks.length === 1) {
    // A plain view, not undici's Buffer subclass: the contract promises a `Uint8Array`.
    const only = chunks[0]!;
    return new Uint8Array(only.buffer, only.byteOffset, only.byteLength);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// Tolerate a body cut short after a complete block, as browsers and undici's fetch do.
const zlibOptions: ZlibOptions = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

function createDecompressor(encoding: string | null): Transform | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(zlibOptions);
    case 'deflate':
      return createInflate(zlibOptions);
    case 'br':
      return createBrotliDecompress({
        flush: constants.BROTLI_OPERATION_FLUSH,
        finishFlush: constants.BROTLI_OPERATION_FLUSH,
      });
    default:
      return undefined;
  }
}

// zlib reports `Z_DATA_ERROR`…; the Brotli decoder `ERR__ERROR_FORMAT_*` or `ERR_BROTLI_*`.
function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('Z_') || code.startsWith('ERR__') || code.startsWith('ERR_BROTLI'))
  );
}

export function tooLarge(
  options: Pick<ReadBodyOptions, 'target' | 'maxBytes'>,
  decoded = false,
): FlowportError {
  return new FlowportError(
    'UPSTREAM_RESPONSE_TOO_LARGE',
    `\`${options.target}\` answered with a body larger than ${options.maxBytes} bytes${decoded ? ' once decompressed' : ''}; raise \`maxResponseBytes\` or ask for less (paging, filters).`,
  );
}

function slow(options: ReadBodyOptions): FlowportError {
  return new FlowportError(
    'UPSTREAM_TIMEOUT',
    `\`${options.target}\` timed out reading the response body after ${options.timeoutMs} ms; raise \`bodyTimeoutMs\` or check the backend.`,
  );
}
