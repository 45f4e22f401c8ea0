import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loggerOptions, maskUrl, requestLogger } from './logging.ts';
import { type Backend, createTestServer, startBackend, type TestServer, uploadOf } from './testing.ts';

const TASKLANE = new URL('../../examples/tasklane/', import.meta.url).pathname;

let t: TestServer | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await t?.close();
  await backend?.close();
  t = undefined;
  backend = undefined;
});

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('request logs', () => {
  it('never contain an API token, a connection secret, a new token or an OAuth code', async () => {
    const KEY = 'tl-secret-key-93af02';
    backend = await startBackend((r) => ({
      status: r.url.includes('fail') ? 500 : 200,
      body: { echo: r.headers['x-api-key'] },
    }));
    const log = capture();
    t = await createTestServer({
      logger: { level: 'trace', stream: log.stream },
      backendOverrides: { tasklane: `${backend.url}/v1` },
      transportOptions: { retry: { count: 0 } },
    });
    await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(TASKLANE) });
    const c = (
      await t.call(t.maker, 'POST', '/api/v1/connections', {
        connectorId: 'tasklane',
        values: { api_key: KEY },
      })
    ).json();
    await t.call(t.maker, 'POST', `/api/v1/connections/${c.id}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
    });
    await t.call(t.maker, 'POST', `/api/v1/connections/${c.id}/operations/ListTasks`, {});
    await t.call(t.maker, 'POST', `/api/v1/connections/${c.id}/test`);
    const created = (await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'x' })).json();
    await t.call(t.maker, 'PATCH', `/api/v1/connections/${c.id}`, { values: { api_key: `${KEY}-2` } });
    await t.app.inject({ method: 'GET', url: '/oauth/callback?code=oauth-code-5521&state=oauth-state-7730' });
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/connectors',
      headers: { authorization: 'Bearer fp_guess_1234567' },
    });
    await t.call(t.maker, 'GET', '/api/v1/connections?connectorId=query-value-8812');
    const text = log.lines.join('');
    expect(log.lines.length).toBeGreaterThan(10);
    expect(text).toContain('incoming request');
    expect(text).toContain('/api/v1/connections?connectorId=***');
    for (const secret of [
      'query-value-8812',
      KEY,
      t.maker.token,
      t.admin.token,
      created.token,
      'oauth-code-5521',
      'oauth-state-7730',
      'fp_guess_1234567',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('logs refused requests at info level and server failures at error level', async () => {
    const log = capture();
    t = await createTestServer({ logger: { level: 'info', stream: log.stream } });
    await t.call(t.maker, 'GET', '/api/v1/connections/nope');
    await t.call(undefined, 'GET', '/api/v1/connections');
    const entries = log.lines.map((l) => JSON.parse(l) as { level: number; msg: string; errorCode?: string });
    const refused = entries.filter((e) => e.msg === 'request refused');
    expect(refused.map((e) => e.errorCode)).toEqual(['NOT_FOUND', 'UNAUTHORIZED']);
    expect(refused.every((e) => e.level === 30)).toBe(true);
    expect(entries.some((e) => e.level >= 50)).toBe(false);
  });
});

describe('request loggers', () => {
  it('write the lines an eager child writes, with the request id, at the levels enabled', async () => {
    const log = capture();
    const app = Fastify({
      logger: loggerOptions({ level: 'warn', stream: log.stream }),
      childLoggerFactory: requestLogger,
    });
    app.get('/quiet', async (request) => {
      request.log.info({ token: 't' }, 'not written');
      return 'ok';
    });
    app.get('/warns', async (request) => {
      request.log.warn({ token: 't' }, 'written');
      request.log.child({ step: 2 }).error('from a child');
      return 'ok';
    });
    app.get('/verbose', { logLevel: 'info' }, async () => 'ok');
    await app.inject({ url: '/quiet' });
    expect(log.lines).toEqual([]);
    await app.inject({ url: '/warns' });
    await app.inject({ url: '/verbose' });
    await app.close();
    const lines = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['written', 'req-2'],
      ['from a child', 'req-2'],
      ['incoming request', 'req-3'],
      ['request completed', 'req-3'],
    ]);
    expect(lines[0]).toMatchObject({ token: '[redacted]' });
    expect(lines[1]).toMatchObject({ step: 2, level: 50 });
  });
});

describe('redaction', () => {
  /** The fields of the one line `write` logs, through Fastify's pino with flowport's options. */
  function logged(write: (log: import('fastify').FastifyBaseLogger) => void, extra: object = {}) {
    const log = capture();
    const app = Fastify({ logger: loggerOptions({ level: 'info', stream: log.stream, ...extra }) });
    write(app.log);
    const fields = JSON.parse(log.lines.at(-1) ?? '{}') as Record<string, unknown>;
    for (const key of ['level', 'time', 'pid', 'hostname', 'msg']) delete fields[key];
    return fields;
  }
  const R = '[redacted]';

  it.each([
    [
      'top-level names',
      { token: 't', password: 3, code: 'c', keep: 1 },
      { token: R, password: R, code: R, keep: 1 },
    ],
    [
      'names one level down',
      { a: { accessToken: 'x', values: { k: 'v' }, code: 'kept', keep: 1 } },
      { a: { accessToken: R, values: R, code: 'kept', keep: 1 } },
    ],
    ['names two levels down (not censored)', { a: { b: { token: 'x' } } }, { a: { b: { token: 'x' } } }],
    ['arrays (not searched)', { a: [{ token: 'x' }] }, { a: [{ token: 'x' }] }],
    ['a plain line', { s: 'x', n: 1, b: true, z: null }, { s: 'x', n: 1, b: true, z: null }],
  ])('censors %s', (_name, fields, expected) => {
    expect(logged((log) => log.info(fields, 'line'))).toEqual(expected);
  });

  it('leaves the logged object unchanged', () => {
    const fields = { token: 't', a: { secrets: 's' } };
    logged((log) => log.info(fields, 'line'));
    expect(fields).toEqual({ token: 't', a: { secrets: 's' } });
  });

  it('censors request and response headers a custom serializer keeps', () => {
    const serializers = { req: (r: { headers: object }) => ({ headers: r.headers }) };
    const req = { headers: { authorization: 'Bearer x', cookie: 'c', accept: 'a' } };
    expect(logged((log) => log.info({ req }, 'line'), { serializers })).toEqual({
      req: { headers: { authorization: R, cookie: R, accept: 'a' } },
    });
    const res = { headers: { 'set-cookie': 'c' }, token: 't' };
    expect(logged((log) => log.info({ res: { statusCode: 1 }, other: res }, 'line'))).toEqual({
      res: { statusCode: 1 },
      other: { headers: { 'set-cookie': 'c' }, token: R },
    });
  });

  it('censors the fields of an error and the bindings of child loggers', () => {
    const err = Object.assign(new Error('boom'), { token: 't', code: 'E_X' });
    const line = logged((log) => log.error({ err }, 'failed'));
    expect(line.err).toMatchObject({ message: 'boom', token: R, code: 'E_X' });
    expect(
      logged((log) => log.child({ reqId: 'r1', token: 't', a: { refreshToken: 'x', keep: 1 } }).info('line')),
    ).toEqual({ reqId: 'r1', token: R, a: { refreshToken: R, keep: 1 } });
  });
});

describe('maskUrl', () => {
  it.each([
    ['/a', '/a'],
    ['/a?x=1&y', '/a?x=***&y'],
    ['/oauth/callback?code=c&state=s', '/oauth/callback?code=***&state=***'],
    ['/hooks/sub_1/s3cr3t', '/hooks/sub_1/***'],
    ['/hooks/sub_1/s3cr3t?x=1', '/hooks/sub_1/***?x=***'],
  ])('masks %s as %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });
});
