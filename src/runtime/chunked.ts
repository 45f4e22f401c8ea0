/**
 * Chunked transfer (runtime spec §12.5), the Logic Apps protocol for messages larger than one
 * exchange: downloads answered `206 Partial Content` are completed with `Range` GETs, and bodies of
 * operations declaring `x-ms-capabilities.chunkTransfer` are uploaded in `PATCH` chunks. Decided in
 * docs/runtime.md ("Chunked transfer").
 */
import { isObject, own } from '../connector/json.ts';
import type { Operation } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { decodeBody } from './send/decode.ts';
import type { RuntimeResponse, WireRequest } from './types.ts';

const MiB = 1024 * 1024;

export interface ChunkedOptions {
  /** Bodies larger than this are uploaded in chunks when the operation declares `chunkTransfer` (8 MiB). */
  readonly uploadThresholdBytes?: number;
  /** Chunk size when the endpoint names none in `x-ms-chunk-size` (8 MiB). */
  readonly uploadChunkBytes?: number;
  /** Largest content a download may assemble (1 GiB, the platform's limit with chunking). */
  readonly maxDownloadBytes?: number;
}

export const DEFAULT_CHUNKED: Required<ChunkedOptions> = {
  uploadThresholdBytes: 8 * MiB,
  uploadChunkBytes: 8 * MiB,
  maxDownloadBytes: 1024 * MiB,
};

type Send = (wire: WireRequest) => Promise<RuntimeResponse>;

/** True when the operation declares the chunked upload protocol (`x-ms-capabilities.chunkTransfer`). */
export function declaresChunkTransfer(operation: Operation): boolean {
  const capabilities = own(operation.raw, 'x-ms-capabilities');
  const flag = isObject(capabilities) ? own(capabilities, 'chunkTransfer') : undefined;
  return flag === true || flag === 'true';
}

/** `bytes <first>-<last>/<total|*>` (RFC 9110 §14.4); undefined when it is not that. */
export function parseContentRange(
  value: string | null,
): { readonly first: number; readonly last: number; readonly total: number | undefined } | undefined {
  const m = value === null ? null : /^\s*bytes[ =](\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = Number(m[2]);
  const total = m[3] === '*' ? undefined : Number(m[3]);
  if (last < first || (total !== undefined && last >= total)) return undefined;
  return { first, last, total };
}

function bytesOf(response: RuntimeResponse): Uint8Array {
  const body = response.body;
  if (body.kind === 'binary') return body.bytes;
  if (body.kind === 'text') return new TextEncoder().encode(body.text);
  if (body.kind === 'json') return new TextEncoder().encode(JSON.stringify(body.value));
  return new Uint8Array(0);
}

function failed(operationId: string, message: string): FlowportError {
  return new FlowportError('CHUNKED_TRANSFER_FAILED', `\`${operationId}\`: ${message}`);
}

/** The body of a response kept as bytes (a 206 the transport did not decode), decoded by its type. */
export function decodeWhole(response: RuntimeResponse, bytes: Uint8Array, target: string): RuntimeResponse {
  try {
    return {
      ...response,
      body: decodeBody(bytes, response.headers.get('content-type'), { target, status: response.status }),
    };
  } catch {
    // A part of a JSON document is not JSON: the bytes are what there is.
    return { ...response, body: bytes.byteLength === 0 ? { kind: 'none' } : { kind: 'binary', bytes } };
  }
}

/**
 * Completes a download the backend answered with `206 Partial Content`: `Range` GETs for the rest,
 * each the size of the first part, until the total of `Content-Range` is in (or, with an unknown total,
 * until a part comes back shorter than asked). The assembled content is a `200` decoded by its type.
 */
export async function completeDownload(
  operationId: string,
  first: { readonly wire: WireRequest; readonly response: RuntimeResponse },
  send: Send,
  options: ChunkedOptions = {},
): Promise<{ readonly response: RuntimeResponse; readonly parts: number }> {
  const max = options.maxDownloadBytes ?? DEFAULT_CHUNKED.maxDownloadBytes;
  const range = parseContentRange(first.response.headers.get('content-range'));
  const firstBytes = bytesOf(first.response);
  if (!range || range.first !== 0 || firstBytes.byteLength !== range.last + 1) {
    // Not the start of a download in parts: the 206 is the answer, decoded as far as it can be.
    return { response: decodeWhole(first.response, firstBytes, operationId), parts: 1 };
  }
  if (range.total !== undefined && range.total > max)
    throw failed(operationId, `the download is ${range.total} bytes, more than the limit of ${max}.`);
  const size = firstBytes.byteLength;
  const parts: Uint8Array[] = [firstBytes];
  let received = size;
  let count = 1;
  while (range.total === undefined || received < range.total) {
    const last = range.total === undefined ? received + size - 1 : Math.min(received + size, range.total) - 1;
    const headers = new Headers(first.wire.headers);
    headers.set('range', `bytes=${received}-${last}`);
    const response = await send({ method: 'GET', url: first.wire.url, headers, body: undefined });
    count++;
    const bytes = bytesOf(response);
    if (response.status === 200) {
      // The backend sent the whole content after all.
      return { response: decodeWhole({ ...response }, bytes, operationId), parts: count };
    }
    if (response.status === 416 && range.total === undefined) break;
    if (response.status !== 206) return { response: decodeWhole(response, bytes, operationId), parts: count };
    const got = parseContentRange(response.headers.get('content-range'));
    if (!got || got.first !== received || bytes.byteLength !== got.last - got.first + 1)
      throw failed(
        operationId,
        `part ${count} of the download starts at ${got?.first ?? 'an unreadable range'}, not at byte ${received}; the backend's Content-Range does not continue the download.`,
      );
    parts.push(bytes);
    received += bytes.byteLength;
    if (received > max)
      throw failed(operationId, `the download passed the limit of ${max} bytes before it ended.`);
    if (range.total === undefined && bytes.byteLength < last - got.first + 1) break;
  }
  const whole = Buffer.concat(parts);
  const headers = new Headers(first.response.headers);
  headers.delete('content-range');
  headers.set('content-length', String(whole.byteLength));
  return {
    response: decodeWhole({ status: 200, headers, body: { kind: 'none' } }, whole, operationId),
    parts: count,
  };
}

/** `x-ms-chunk-size` when it is a positive whole number. */
function chunkSizeOf(response: RuntimeResponse): number | undefined {
  const value = Number(response.headers.get('x-ms-chunk-size'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Bytes the endpoint confirmed, from `Range: bytes=0-<last>`; undefined when absent. */
function confirmed(response: RuntimeResponse): number | undefined {
  const m = /^\s*bytes=0-(\d+)\s*$/i.exec(response.headers.get('range') ?? '');
  return m ? Number(m[1]) + 1 : undefined;
}

/**
 * Uploads `wire`'s body in chunks (§12.5): the request without its body and with
 * `x-ms-transfer-mode: chunked` and `x-ms-content-length`; the endpoint answers with the `Location` to
 * `PATCH` and may name `x-ms-chunk-size`; each `PATCH` carries `Content-Range: bytes=<first>-<last>/<total>`
 * and is answered with the `Range` received so far, from which the next chunk starts. The last
 * answer is the action's result; an answer that is not 2xx ends the upload and is the result.
 */
export async function uploadInChunks(
  operationId: string,
  wire: WireRequest & { readonly body: Uint8Array },
  send: Send,
  allowedOrigin: string,
  options: ChunkedOptions = {},
): Promise<{ readonly response: RuntimeResponse; readonly parts: number }> {
  const total = wire.body.byteLength;
  const start = new Headers(wire.headers);
  start.set('x-ms-transfer-mode', 'chunked');
  start.set('x-ms-content-length', String(total));
  start.delete('content-length');
  const opened = await send({ method: wire.method, url: wire.url, headers: start, body: undefined });
  if (opened.status < 200 || opened.status >= 300) return { response: opened, parts: 0 };
  const raw = opened.headers.get('location')?.trim();
  let location: string;
  try {
    location = new URL(raw ?? '', wire.url).href;
    if (!raw) throw new Error('none');
  } catch {
    throw failed(
      operationId,
      'the endpoint accepted a chunked upload but sent no `Location` to send the chunks to.',
    );
  }
  if (new URL(location).origin !== allowedOrigin)
    throw failed(
      operationId,
      `the endpoint asks for the chunks at ${new URL(location).origin}; flowport sends them only to ${allowedOrigin}.`,
    );
  let size = chunkSizeOf(opened) ?? options.uploadChunkBytes ?? DEFAULT_CHUNKED.uploadChunkBytes;
  let sent = 0;
  let parts = 0;
  let last: RuntimeResponse = opened;
  while (sent < total) {
    const end = Math.min(sent + size, total);
    const headers = new Headers(wire.headers);
    headers.set('content-range', `bytes=${sent}-${end - 1}/${total}`);
    headers.delete('content-length');
    last = await send({ method: 'PATCH', url: location, headers, body: wire.body.subarray(sent, end) });
    parts++;
    if (last.status < 200 || last.status >= 300) return { response: last, parts };
    const next = confirmed(last) ?? end;
    if (next <= sent || next > total)
      throw failed(
        operationId,
        `after chunk ${parts} the endpoint confirmed bytes up to ${next}, which does not move the upload forward from ${sent}.`,
      );
    sent = next;
    size = chunkSizeOf(last) ?? size;
  }
  return { response: last, parts };
}
