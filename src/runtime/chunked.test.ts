import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowportError } from '../errors.ts';
import { parseContentRange } from './chunked.ts';
import { createRuntime, type Runtime } from './runtime.ts';
import { type Backend, type SeenRequest, startBackend } from './send/_backend.ts';
import { memoryConnector } from './testing.ts';

// 45 bytes of JSON, served in parts of 16.
const DOCUMENT = JSON.stringify({ name: 'quarterly.csv', rows: [1, 2, 3, 4, 5, 6] });
const PART = 16;

/** Serves DOCUMENT in parts: the first GET gets bytes 0–15; `Range: bytes=a-b` gets that slice. */
function parts(options: { total?: 'known' | 'unknown'; skew?: boolean } = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const bytes = Buffer.from(DOCUMENT);
    const asked = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    let first = asked ? Number(asked[1]) : 0;
    const last = Math.min(asked ? Number(asked[2]) : PART - 1, bytes.length - 1);
    if (first >= bytes.length) {
      res.writeHead(416).end();
      return;
    }
    if (options.skew && first > 0) first += 1;
    const total = options.total === 'unknown' ? '*' : String(bytes.length);
    res
      .writeHead(206, {
        'content-type': 'application/json',
        'content-range': `bytes ${first}-${last}/${total}`,
      })
      .end(bytes.subarray(first, last + 1));
  };
}

const uploads: { headers: IncomingMessage['headers']; body: Buffer }[] = [];

function chunkEndpoint(req: IncomingMessage, res: ServerResponse, seen: SeenRequest) {
  if (req.method === 'POST') {
    uploads.length = 0;
    uploads.push({ headers: req.headers, body: seen.body });
    if (req.headers['x-ms-transfer-mode'] !== 'chunked') {
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"whole":true}');
      return;
    }
    res.writeHead(200, { location: '/uploads/u1', 'x-ms-chunk-size': '10' }).end();
    return;
  }
  res.writeHead(405).end();
}

function chunkSink(req: IncomingMessage, res: ServerResponse, seen: SeenRequest) {
  uploads.push({ headers: req.headers, body: seen.body });
  const m = /^bytes=(\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range']));
  const last = Number(m?.[2]);
  const total = Number(m?.[3]);
  if (last + 1 === total) {
    const received = Buffer.concat(uploads.slice(1).map((u) => u.body)).toString();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received }));
  } else {
    res.writeHead(200, { range: `bytes=0-${last}` }).end();
  }
}

let backend: Backend;
let runtime: Runtime;

function swagger(origin: string) {
  const url = new URL(origin);
  const download = (operationId: string, extra: unknown[] = []) => ({
    get: { operationId, parameters: extra, responses: { '200': { description: 'OK' } } },
  });
  return {
    swagger: '2.0',
    info: { title: 'Files', version: '1.0' },
    host: url.host,
    schemes: ['http'],
    paths: {
      '/files/big': download('GetBig', [{ name: 'Range', in: 'header', type: 'string' }]),
      '/files/star': download('GetStar'),
      '/files/skew': download('GetSkew'),
      '/files/small': download('GetSmall'),
      '/uploads': {
        post: {
          operationId: 'Upload',
          'x-ms-capabilities': { chunkTransfer: true },
          consumes: ['application/octet-stream'],
          parameters: [
            { name: 'file', in: 'body', required: true, schema: { type: 'string', format: 'binary' } },
          ],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/plain-uploads': {
        post: {
          operationId: 'PlainUpload',
          consumes: ['application/octet-stream'],
          parameters: [
            { name: 'file', in: 'body', required: true, schema: { type: 'string', format: 'binary' } },
          ],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  };
}

function file(text: string) {
  return { kind: 'file' as const, name: 'data.txt', contentType: 'text/plain', bytes: Buffer.from(text) };
}

beforeAll(async () => {
  backend = await startBackend({
    '/files/big': parts(),
    '/files/star': parts({ total: 'unknown' }),
    '/files/skew': parts({ skew: true }),
    '/files/small': (_req, res) =>
      res.writeHead(206, { 'content-type': 'application/json', 'content-range': 'bytes 0-1/2' }).end('{}'),
    '/uploads': chunkEndpoint,
    '/uploads/u1': chunkSink,
    '/plain-uploads': chunkEndpoint,
  });
  runtime = createRuntime(memoryConnector(swagger(backend.origin)), {
    chunked: { uploadThresholdBytes: 16, uploadChunkBytes: 8 },
  });
});

afterAll(async () => {
  await runtime.close();
  await backend.close();
});

describe('chunked download (runtime spec §12.5)', () => {
  it('completes a 206 with Range GETs and decodes the whole content', async () => {
    const before = backend.hits('/files/big');
    const result = await runtime.invoke('GetBig');
    expect(result.response.status).toBe(200);
    expect(result.response.body).toEqual({ kind: 'json', value: JSON.parse(DOCUMENT) });
    expect(result.response.headers.get('content-range')).toBeNull();
    expect(result.chunked).toEqual({ direction: 'download', parts: 3 });
    const ranges = backend.requests
      .filter((r) => r.url === '/files/big')
      .slice(before)
      .map((r) => r.headers.range);
    expect(ranges).toEqual([undefined, 'bytes=16-31', 'bytes=32-44']);
  });

  it('follows an unknown total until a part comes back short', async () => {
    const result = await runtime.invoke('GetStar');
    expect(result.response.body).toEqual({ kind: 'json', value: JSON.parse(DOCUMENT) });
    expect(result.chunked?.parts).toBe(3);
  });

  it('fails with CHUNKED_TRANSFER_FAILED when a part does not continue the content', async () => {
    const error = await runtime.invoke('GetSkew').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).code).toBe('CHUNKED_TRANSFER_FAILED');
    expect((error as FlowportError).message).toMatch(/not at byte 16/);
  });

  it('returns the part the caller asked for with its own Range, decoded when it can be', async () => {
    const result = await runtime.invoke('GetBig', { Range: 'bytes=0-15' });
    expect(result.response.status).toBe(206);
    const body = result.response.body;
    expect(body.kind === 'binary' && Buffer.from(body.bytes).toString()).toBe(DOCUMENT.slice(0, 16));
    const whole = await runtime.invoke('GetSmall');
    expect(whole.response.body).toEqual({ kind: 'json', value: {} });
    expect(whole.chunked).toBeUndefined();
  });

  it('refuses downloads larger than the limit before fetching the rest', async () => {
    const small = createRuntime(memoryConnector(swagger(backend.origin)), {
      chunked: { maxDownloadBytes: 20 },
    });
    const before = backend.hits('/files/big');
    const error = await small.invoke('GetBig').catch((e: unknown) => e);
    expect((error as FlowportError).code).toBe('CHUNKED_TRANSFER_FAILED');
    expect(backend.hits('/files/big') - before).toBe(1);
    await small.close();
  });
});

describe('chunked upload (runtime spec §12.5)', () => {
  it('uploads a body over the threshold in PATCH chunks of the size the endpoint names', async () => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123';
    const result = await runtime.invoke('Upload', { file: file(text) });
    expect(result.response.status).toBe(200);
    expect(result.response.body).toEqual({ kind: 'json', value: { received: text } });
    expect(result.chunked).toEqual({ direction: 'upload', parts: 3 });
    const [start, ...chunks] = uploads;
    expect(start?.headers['x-ms-transfer-mode']).toBe('chunked');
    expect(start?.headers['x-ms-content-length']).toBe('30');
    expect(start?.body.length).toBe(0);
    expect(chunks.map((c) => c.headers['content-range'])).toEqual([
      'bytes=0-9/30',
      'bytes=10-19/30',
      'bytes=20-29/30',
    ]);
    // Each chunk is typed as the whole body would have been.
    expect(start?.headers['content-type']).toBeTruthy();
    expect(chunks.every((c) => c.headers['content-type'] === start?.headers['content-type'])).toBe(true);
  });

  it('sends small bodies, and operations without chunkTransfer, in one request', async () => {
    const small = await runtime.invoke('Upload', { file: file('tiny') });
    expect(small.response.status).toBe(201);
    expect(small.chunked).toBeUndefined();
    const plain = await runtime.invoke('PlainUpload', { file: file('x'.repeat(100)) });
    expect(plain.response.status).toBe(201);
    expect(uploads[0]?.body.length).toBe(100);
  });

  it('is off with chunked: false', async () => {
    const off = createRuntime(memoryConnector(swagger(backend.origin)), { chunked: false });
    const result = await off.invoke('Upload', { file: file('x'.repeat(100)) });
    expect(result.response.status).toBe(201);
    await off.close();
  });
});

describe('parseContentRange', () => {
  it('reads bytes first-last/total and refuses what is not that', () => {
    expect(parseContentRange('bytes 0-15/46')).toEqual({ first: 0, last: 15, total: 46 });
    expect(parseContentRange('bytes 16-31/*')).toEqual({ first: 16, last: 31, total: undefined });
    expect(parseContentRange('bytes=0-9/30')).toEqual({ first: 0, last: 9, total: 30 });
    expect(parseContentRange('bytes 10-5/46')).toBeUndefined();
    expect(parseContentRange('bytes 0-46/46')).toBeUndefined();
    expect(parseContentRange('items 0-1/2')).toBeUndefined();
    expect(parseContentRange(null)).toBeUndefined();
  });
});
