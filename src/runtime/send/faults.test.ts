import { type AddressInfo, createServer as createNetServer, type Server } from 'node:net';
import { Agent, errors } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import { type Backend, closedPort, get, type Route, startBackend } from './_backend.ts';
import { type AttemptInfo, createTransport, type TransportOptions } from './transport.ts';

const MB = 1024 * 1024;
/** Short timeouts so every fault ends in well under a second. */
const fast = { connectTimeoutMs: 300, headersTimeoutMs: 300, bodyTimeoutMs: 300 } as const;
// undici runs headers and body timers on a coarse clock (about 1 s resolution), so a 300 ms timeout
// fires within about a second; the elapsed-time bounds below allow for that.

let backend: Backend;
let other: Backend;
let garbage: Server;
let garbageConnections = 0;
let hugeBytesSent = 0;

function stream(res: import('node:http').ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      hugeBytesSent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** 429 with `Retry-After: 1` on the first request to `path`, 200 after. */
function throttledOnce(path: string): Route {
  return (_req, res) => {
    if (backend.hits(path) === 1)
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"after":"wait"}');
  };
}

beforeAll(async () => {
  other = await startBackend({
    '/landing': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('elsewhere'),
  });
  backend = await startBackend({
    '/json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    '/echo': (_req, res, seen) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          method: seen.method,
          body: seen.body.toString(),
          authorization: seen.headers.authorization ?? null,
          type: seen.headers['content-type'] ?? null,
        }),
      ),
    '/hang': () => {},
    '/reset-before-headers': (req) => req.socket.destroy(),
    '/reset-mid-body': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"partial":');
      setTimeout(() => req.socket.destroy(), 20);
    },
    '/throttled-once': throttledOnce('/throttled-once'),
    '/throttled-once-real': throttledOnce('/throttled-once-real'),
    '/throttled-long': (_req, res) =>
      res.writeHead(429, { 'retry-after': '3600', 'content-type': 'text/plain' }).end('come back in an hour'),
    '/storm': (_req, res) =>
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"busy"}'),
    '/storm-post': (_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('busy'),
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      stream(res, 200 * MB);
    },
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 200);
      res.on('close', () => clearInterval(timer));
    },
    '/stall': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      res.write('0123456789');
    },
    '/invalid-json': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [1, 2,\n<html>oops'),
    '/redirect-away': (_req, res) =>
      res.writeHead(302, { location: other.url('/landing?code=secret') }).end(),
    '/redirect-here': (_req, res) => res.writeHead(302, { location: '/echo' }).end(),
    '/redirect-temporary': (_req, res) => res.writeHead(307, { location: '/echo' }).end(),
    '/see-other': (_req, res) => res.writeHead(303, { location: '/echo' }).end(),
    '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  });
  garbage = createNetServer((socket) => {
    garbageConnections++;
    socket.on('error', () => {});
    socket.on('data', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
  });
  await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await backend.close();
  await other.close();
  await new Promise((resolve) => garbage.close(resolve));
});

/** A transport whose waits are recorded and skipped, with jitter fixed at the middle. */
function harness(options: TransportOptions = {}) {
  const sleeps: number[] = [];
  const attempts: AttemptInfo[] = [];
  const transport = createTransport({
    ...fast,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onAttempt: (info) => attempts.push(info),
    ...options,
    retry: { baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000, ...options.retry },
  });
  return { transport, sleeps, attempts };
}

/** Sends and returns the `FlowportError` it must end in, with how long that took. */
async function failure(send: Promise<unknown>): Promise<{ error: FlowportError; elapsedMs: number }> {
  const started = performance.now();
  try {
    await send;
  } catch (error) {
    expect(error).toBeInstanceOf(FlowportError);
    return { error: error as FlowportError, elapsedMs: performance.now() - started };
  }
  throw new Error('The request succeeded but a failure was expected.');
}

describe('a misbehaving backend', { timeout: 10_000 }, () => {
  it('that never sends headers ends in a headers timeout', async () => {
    const { transport } = harness({ retry: { count: 0 } });
    const { error, elapsedMs } = await failure(transport.send(get(backend.url('/hang?token=secret'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toMatch(
      /`GET 127\.0\.0\.1:\d+\/hang` timed out waiting for the response headers after 300 ms/,
    );
    expect(error.message).not.toContain('secret');
    expect(error.cause).toBeInstanceOf(errors.HeadersTimeoutError);
    expect(elapsedMs).toBeLessThan(3000);
  });

  it('that never sends headers is retried for GET, a bounded number of times', async () => {
    const before = backend.hits('/hang');
    const { transport, sleeps, attempts } = harness({ retry: { count: 1 } });
    const { error } = await failure(transport.send(get(backend.url('/hang'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(backend.hits('/hang') - before).toBe(2);
    expect(sleeps).toEqual([75]);
    expect(attempts.map((a) => [a.attempt, a.error?.code, a.delayMs])).toEqual([
      [1, 'UPSTREAM_TIMEOUT', 75],
      [2, 'UPSTREAM_TIMEOUT', undefined],
    ]);
  });

  it('that never sends headers to a POST is not sent the POST twice', async () => {
    const before = backend.hits('/hang');
    const { transport, sleeps } = harness({ retry: { count: 2 } });
    const { error } = await failure(
      transport.send({ ...get(backend.url('/hang')), method: 'POST', body: Uint8Array.of(1) }),
    );
    await transport.close();
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(backend.hits('/hang') - before).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('that resets the connection before answering ends unreachable after bounded retries', async () => {
    const before = backend.hits('/reset-before-headers');
    const { transport, attempts } = harness({ retry: { count: 1 } });
    const { error } = await failure(transport.send(get(backend.url('/reset-before-headers'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_UNREACHABLE');
    expect(error.message).toMatch(/lost its connection/);
    expect(error.cause).toBeDefined();
    expect(backend.hits('/reset-before-headers') - before).toBe(2);
    expect(attempts).toHaveLength(2);
  });

  it('that resets the connection mid-body ends unreachable', async () => {
    const { transport } = harness({ retry: { count: 0 } });
    const { error, elapsedMs } = await failure(transport.send(get(backend.url('/reset-mid-body'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_UNREACHABLE');
    expect(error.message).toMatch(/`GET 127\.0\.0\.1:\d+\/reset-mid-body` lost its connection/);
    expect(elapsedMs).toBeLessThan(3000);
  });

  it('that answers 429 with `Retry-After: 1` is waited for, then succeeds', async () => {
    const { transport, sleeps, attempts } = harness();
    const response = await transport.send(get(backend.url('/throttled-once')));
    await transport.close();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ kind: 'json', value: { after: 'wait' } });
    expect(sleeps).toEqual([1000]);
    expect(attempts).toEqual([
      { attempt: 1, status: 429, delayMs: 1000 },
      { attempt: 2, status: 200 },
    ]);
  });

  it('that answers 429 with a real `Retry-After` wait honours it', async () => {
    const { transport } = createHarnessWithRealSleep();
    const started = performance.now();
    const response = await transport.send(get(backend.url('/throttled-once-real')));
    const elapsed = performance.now() - started;
    await transport.close();
    expect(response.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
  });

  it('that asks to come back in an hour gets its 429 returned, not slept on', async () => {
    const before = backend.hits('/throttled-long');
    const { transport, sleeps } = harness();
    const response = await transport.send(get(backend.url('/throttled-long')));
    await transport.close();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3600');
    expect(response.body).toEqual({ kind: 'text', text: 'come back in an hour' });
    expect(sleeps).toEqual([]);
    expect(backend.hits('/throttled-long') - before).toBe(1);
  });

  it('in a 503 storm is retried with growing delays, then its 503 is returned', async () => {
    const before = backend.hits('/storm');
    const { transport, sleeps, attempts } = harness({ retry: { count: 3 } });
    const response = await transport.send(get(backend.url('/storm')));
    await transport.close();
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ kind: 'json', value: { error: 'busy' } });
    expect(backend.hits('/storm') - before).toBe(4);
    expect(sleeps).toEqual([75, 150, 300]);
    expect(attempts.at(-1)).toEqual({ attempt: 4, status: 503 });
  });

  it('in a 503 storm retries a POST too, as the platform does for statuses', async () => {
    const before = backend.hits('/storm-post');
    const { transport } = harness({ retry: { count: 2 } });
    const response = await transport.send({
      ...get(backend.url('/storm-post')),
      method: 'POST',
      body: Uint8Array.of(1),
    });
    await transport.close();
    expect(response.status).toBe(503);
    expect(backend.hits('/storm-post') - before).toBe(3);
  });

  it('that sends 200 MB is cut off at the limit with memory far below the body size', async () => {
    const { transport } = harness({ maxResponseBytes: 8 * MB, retry: { count: 0 } });
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakBuffers = before.arrayBuffers;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    }, 5);
    hugeBytesSent = 0;
    const { error, elapsedMs } = await failure(transport.send(get(backend.url('/huge'))));
    clearInterval(sampler);
    await transport.close();
    expect(error.code).toBe('UPSTREAM_RESPONSE_TOO_LARGE');
    expect(error.message).toMatch(/larger than 8388608 bytes; raise `maxResponseBytes`/);
    expect(peakBuffers - before.arrayBuffers).toBeLessThan(48 * MB);
    expect(peakRss - before.rss).toBeLessThan(96 * MB);
    // The backend stopped soon after the cut: its writes are backpressured, never buffered whole.
    expect(hugeBytesSent).toBeLessThan(64 * MB);
    expect(elapsedMs).toBeLessThan(5000);
  });

  it('that drips one byte every 200 ms ends in a body timeout', async () => {
    const { transport } = harness({ retry: { count: 0 } });
    const { error, elapsedMs } = await failure(transport.send(get(backend.url('/drip'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toMatch(/timed out reading the response body after 300 ms; raise `bodyTimeoutMs`/);
    expect(elapsedMs).toBeLessThan(1500);
  });

  it('that stalls mid-body ends in a body timeout', async () => {
    const { transport } = harness({ retry: { count: 0 } });
    const { error, elapsedMs } = await failure(transport.send(get(backend.url('/stall'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toMatch(/reading the response body/);
    expect(elapsedMs).toBeLessThan(3000);
  });

  it('that sends invalid JSON ends in an invalid-response error, not retried', async () => {
    const before = backend.hits('/invalid-json');
    const { transport } = harness();
    const { error } = await failure(transport.send(get(backend.url('/invalid-json'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_INVALID_RESPONSE');
    expect(error.message).toMatch(/answered 200 with `application\/json` that is not valid JSON/);
    expect(error.message).toContain('starting `{"items": [1, 2, <html>oops`');
    expect(backend.hits('/invalid-json') - before).toBe(1);
  });

  it('that is not HTTP at all ends in an invalid-response error', async () => {
    const { port } = garbage.address() as AddressInfo;
    const before = garbageConnections;
    const { transport } = harness();
    const { error } = await failure(transport.send(get(`http://127.0.0.1:${port}/x`)));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_INVALID_RESPONSE');
    expect(garbageConnections - before).toBe(1);
  });

  it('on a refused port ends unreachable after bounded retries, a POST included', async () => {
    const port = await closedPort();
    const { transport, attempts, sleeps } = harness({ retry: { count: 2 } });
    const { error } = await failure(
      transport.send({ ...get(`http://127.0.0.1:${port}/x`), method: 'POST', body: Uint8Array.of(1) }),
    );
    await transport.close();
    expect(error.code).toBe('UPSTREAM_UNREACHABLE');
    expect(error.message).toMatch(/`POST 127\.0\.0\.1:\d+\/x` could not connect \(ECONNREFUSED\)/);
    expect(attempts).toHaveLength(3);
    expect(sleeps).toEqual([75, 150]);
  });

  it('that cannot be connected to in time ends in a connect timeout, retried even for POST', async () => {
    const agent = new Agent({
      connect: (_options, callback) => {
        setTimeout(() => callback(new errors.ConnectTimeoutError(), null), 10);
      },
    });
    const { transport, attempts } = harness({ dispatcher: agent, retry: { count: 1 } });
    const { error } = await failure(
      transport.send({ ...get('http://192.0.2.1/x'), method: 'POST', body: Uint8Array.of(1) }),
    );
    await transport.close();
    await agent.close();
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toMatch(/timed out connecting after 300 ms; raise `connectTimeoutMs`/);
    expect(attempts).toHaveLength(2);
  });

  it('is abandoned at once when the caller aborts during a retry wait', async () => {
    const transport = createTransport({ ...fast, retry: { count: 3, baseDelayMs: 5000 } });
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await expect(transport.send(get(backend.url('/storm')), { signal: controller.signal })).rejects.toBe(
      reason,
    );
    await transport.close();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('redirects', { timeout: 10_000 }, () => {
  it('are returned as the 3xx response by default', async () => {
    const { transport } = harness();
    const response = await transport.send(get(backend.url('/redirect-away')));
    await transport.close();
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(other.url('/landing?code=secret'));
    expect(response.body).toEqual({ kind: 'none' });
  });

  it('to another origin are refused when following, and nothing reaches that origin', async () => {
    const before = other.requests.length;
    const { transport } = harness({ redirect: 'follow-same-origin' });
    const { error } = await failure(
      transport.send(get(backend.url('/redirect-away'), { authorization: 'Bearer secret-token' })),
    );
    await transport.close();
    expect(error.code).toBe('UPSTREAM_REDIRECT_REFUSED');
    expect(error.message).toMatch(/redirected \(302\) to another origin, `http:\/\/127\.0\.0\.1:\d+`/);
    expect(error.message).not.toContain('secret');
    expect(other.requests.length).toBe(before);
  });

  it('within the origin are followed, keeping the credentials', async () => {
    const { transport } = harness({ redirect: 'follow-same-origin' });
    const response = await transport.send(get(backend.url('/redirect-here'), { authorization: 'Bearer t' }));
    await transport.close();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      kind: 'json',
      value: { method: 'GET', body: '', authorization: 'Bearer t', type: null },
    });
  });

  it('with 307 repeat a POST with its body', async () => {
    const { transport } = harness({ redirect: 'follow-same-origin' });
    const response = await transport.send({
      method: 'POST',
      url: backend.url('/redirect-temporary'),
      headers: new Headers({ 'content-type': 'text/plain' }),
      body: new TextEncoder().encode('again'),
    });
    await transport.close();
    expect(response.body).toEqual({
      kind: 'json',
      value: { method: 'POST', body: 'again', authorization: null, type: 'text/plain' },
    });
  });

  it('with 303 turn a POST into a GET without body', async () => {
    const { transport } = harness({ redirect: 'follow-same-origin' });
    const response = await transport.send({
      method: 'POST',
      url: backend.url('/see-other'),
      headers: new Headers({ 'content-type': 'text/plain' }),
      body: new TextEncoder().encode('once'),
    });
    await transport.close();
    expect(response.body).toEqual({
      kind: 'json',
      value: { method: 'GET', body: '', authorization: null, type: null },
    });
  });

  it('in a loop end after a bounded number of hops', async () => {
    const before = backend.hits('/loop');
    const { transport } = harness({ redirect: 'follow-same-origin' });
    const { error } = await failure(transport.send(get(backend.url('/loop'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_REDIRECT_REFUSED');
    expect(error.message).toMatch(/redirected more than 5 times/);
    expect(backend.hits('/loop') - before).toBe(6);
  });

  it('to an origin outside `allowedOrigins` are refused as a host', async () => {
    const { transport } = harness({
      redirect: 'follow-same-origin',
      allowedOrigins: ['https://api.example.com'],
    });
    const { error } = await failure(transport.send(get(backend.url('/redirect-here'))));
    await transport.close();
    expect(error.code).toBe('UPSTREAM_HOST_REFUSED');
  });
});

function createHarnessWithRealSleep() {
  const transport = createTransport({ ...fast, random: () => 0.5, retry: { baseDelayMs: 100 } });
  return { transport };
}
