import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import type { ResponseBody } from '../types.ts';
import { type Backend, get, startBackend } from './_backend.ts';
import { type AttemptInfo, createTransport } from './transport.ts';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({
    '/json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[1,2]}'),
    '/latin1': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' })
        .end(Buffer.from([0x63, 0x61, 0x66, 0xe9])),
    '/png': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/head': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '42' }).end(),
    '/empty': (_req, res) => res.writeHead(204).end(),
    '/echo': (_req, res, seen) =>
      res.writeHead(201, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          method: seen.method,
          url: seen.url,
          body: seen.body.toString(),
          type: seen.headers['content-type'] ?? null,
          custom: seen.headers['x-custom'] ?? null,
        }),
      ),
    '/cookies': (_req, res) =>
      res
        .writeHead(200, [
          ['set-cookie', 'a=1'],
          ['set-cookie', 'b=2'],
          ['content-type', 'text/plain'],
        ])
        .end('ok'),
    '/gzip': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        .end(gzipSync('{"zipped":true}')),
    '/stacked': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip, br' })
        .end(Buffer.from([1, 2, 3])),
    '/bomb': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(20 * 1024 * 1024))),
    '/bad-gzip': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        .end('not gzip at all'),
    '/declared-huge': (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(500 * 1024 * 1024),
      });
      res.write(Buffer.alloc(1024));
    },
  });
});

afterAll(() => backend.close());

describe('createTransport', () => {
  const bodies: [string, string, number, ResponseBody][] = [
    ['JSON', '/json', 200, { kind: 'json', value: { items: [1, 2] } }],
    ['text in its charset', '/latin1', 200, { kind: 'text', text: 'café' }],
    ['binary', '/png', 200, { kind: 'binary', bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47) }],
    ['a 204 as no body', '/empty', 204, { kind: 'none' }],
    ['a gzip body decoded', '/gzip', 200, { kind: 'json', value: { zipped: true } }],
    [
      'stacked encodings as the bytes sent',
      '/stacked',
      200,
      { kind: 'binary', bytes: Uint8Array.of(1, 2, 3) },
    ],
  ];
  it.each(bodies)('decodes %s', async (_name, path, status, body) => {
    const transport = createTransport();
    try {
      const response = await transport.send(get(backend.url(path)));
      expect(response.status).toBe(status);
      expect(response.body).toEqual(body);
    } finally {
      await transport.close();
    }
  });

  it('drops `Content-Encoding` and `Content-Length` once it has decoded the body', async () => {
    const transport = createTransport();
    const response = await transport.send(get(backend.url('/gzip')));
    await transport.close();
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('answers HEAD with headers and no body', async () => {
    const transport = createTransport();
    const response = await transport.send({ ...get(backend.url('/head')), method: 'HEAD' });
    await transport.close();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ kind: 'none' });
    expect(response.headers.get('content-length')).toBe('42');
  });

  it('sends method, path, query, headers and body as built', async () => {
    const transport = createTransport();
    const response = await transport.send({
      method: 'POST',
      url: backend.url('/echo?q=a%20b&x=%2F#ignored'),
      headers: new Headers({ 'content-type': 'text/plain', 'x-custom': 'yes' }),
      body: new TextEncoder().encode('hello'),
    });
    await transport.close();
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      kind: 'json',
      value: { method: 'POST', url: '/echo?q=a%20b&x=%2F', body: 'hello', type: 'text/plain', custom: 'yes' },
    });
  });

  it('keeps repeated `Set-Cookie` headers apart', async () => {
    const transport = createTransport();
    const response = await transport.send(get(backend.url('/cookies')));
    await transport.close();
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('reuses one kept-alive connection for sequential requests', async () => {
    const transport = createTransport();
    const before = backend.connections();
    for (const wire of [
      get(backend.url('/json')),
      get(backend.url('/latin1')),
      { ...get(backend.url('/echo')), method: 'POST', body: Uint8Array.of(1) },
    ]) {
      await transport.send(wire);
      // undici marks a connection free one turn after the body ends; a request sent in the same
      // turn opens a second connection (see the next test).
      await new Promise((resolve) => setImmediate(resolve));
    }
    await transport.close();
    expect(backend.connections() - before).toBe(1);
  });

  it('keeps back-to-back requests within two connections', async () => {
    const transport = createTransport();
    const before = backend.connections();
    for (let i = 0; i < 20; i++) await transport.send(get(backend.url('/json')));
    await transport.close();
    expect(backend.connections() - before).toBeLessThanOrEqual(2);
  });

  it('reports one attempt with its status', async () => {
    const attempts: AttemptInfo[] = [];
    const transport = createTransport({ onAttempt: (info) => attempts.push(info) });
    await transport.send(get(backend.url('/json')));
    await transport.close();
    expect(attempts).toEqual([{ attempt: 1, status: 200 }]);
  });

  it('refuses an origin outside `allowedOrigins` before connecting', async () => {
    const transport = createTransport({ allowedOrigins: ['https://api.example.com'] });
    const before = backend.requests.length;
    await expect(transport.send(get(backend.url('/json?token=secret')))).rejects.toMatchObject({
      code: 'UPSTREAM_HOST_REFUSED',
      message: expect.not.stringContaining('secret'),
    });
    await transport.close();
    expect(backend.requests.length).toBe(before);
  });

  it('sends to an origin in `allowedOrigins`', async () => {
    const transport = createTransport({ allowedOrigins: [backend.origin] });
    const response = await transport.send(get(backend.url('/json')));
    await transport.close();
    expect(response.status).toBe(200);
  });

  it('stops a compressed body when it expands past the limit', async () => {
    const transport = createTransport({ maxResponseBytes: 1024 * 1024 });
    await expect(transport.send(get(backend.url('/bomb')))).rejects.toMatchObject({
      code: 'UPSTREAM_RESPONSE_TOO_LARGE',
      message: expect.stringMatching(/larger than 1048576 bytes once decompressed/),
    });
    await transport.close();
  });

  it('reports a body that is not the gzip it claims to be', async () => {
    const transport = createTransport();
    await expect(transport.send(get(backend.url('/bad-gzip')))).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
    });
    await transport.close();
  });

  it('refuses a declared `Content-Length` beyond the limit without reading it', async () => {
    const transport = createTransport({ maxResponseBytes: 1024 * 1024 });
    await expect(transport.send(get(backend.url('/declared-huge')))).rejects.toMatchObject({
      code: 'UPSTREAM_RESPONSE_TOO_LARGE',
    });
    await transport.close();
  });

  it('rejects with the abort reason and does not retry', async () => {
    const attempts: AttemptInfo[] = [];
    const transport = createTransport({ onAttempt: (info) => attempts.push(info) });
    const reason = new Error('caller gave up');
    await expect(
      transport.send(get(backend.url('/json')), { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    await transport.close();
    expect(attempts).toEqual([]);
  });

  it('refuses a hop-by-hop header a policy set, as unsafe and without retrying', async () => {
    const attempts: AttemptInfo[] = [];
    const transport = createTransport({ onAttempt: (info) => attempts.push(info), sleep: async () => {} });
    const before = backend.requests.length;
    await expect(
      transport.send(get(backend.url('/json'), { 'transfer-encoding': 'chunked' })),
    ).rejects.toMatchObject({ code: 'REQUEST_UNSAFE', message: expect.stringMatching(/not valid HTTP/) });
    await transport.close();
    expect(attempts).toHaveLength(1);
    expect(backend.requests.length).toBe(before);
  });

  it('rejects options that make no sense when built', () => {
    expect(() => createTransport({ headersTimeoutMs: 0 })).toThrow(FlowportError);
    expect(() => createTransport({ retry: { count: -1 } })).toThrow(/`retry.count` is -1/);
    expect(() => createTransport({ redirect: 'follow' as 'manual' })).toThrow(/`redirect`/);
  });

  it('leaves an injected dispatcher open on close', async () => {
    const { Agent } = await import('undici');
    const agent = new Agent();
    const transport = createTransport({ dispatcher: agent });
    await transport.send(get(backend.url('/json')));
    await transport.close();
    expect(agent.closed).toBe(false);
    await agent.close();
  });
});
