import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsonObject, ownObject } from '../connector/json.ts';
import { convert } from '../convert/convert.ts';
import { isFlowportError } from '../errors.ts';
import { startRecorder } from './server.ts';

const SECRET = 'Zq9-recorded-secret';

interface Seen {
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

/** An API under /v1 that answers tasks (one gzipped) and a token, and notes what reached it. */
function api(seen: Seen[]): Server {
  return createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (status: number, value: unknown, gzip = false) => {
        const text = JSON.stringify(value);
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(gzip && { 'content-encoding': 'gzip' }),
          'set-cookie': `sid=${SECRET}; HttpOnly`,
        });
        res.end(gzip ? gzipSync(text) : text);
      };
      if (url.pathname === '/v1/tasks' && req.method === 'GET')
        return json(200, { value: [{ id: 1, title: 'Plan' }], nextLink: null }, true);
      if (/^\/v1\/tasks\/\d+$/.test(url.pathname))
        return json(200, { id: Number(url.pathname.slice(10)), title: 'Plan' });
      if (url.pathname === '/v1/tasks' && req.method === 'POST')
        return json(201, { id: 9, ...JSON.parse(body) });
      if (url.pathname === '/v1/oauth/token')
        return json(200, { access_token: SECRET, token_type: 'Bearer', expires_in: 3600 });
      json(404, { error: 'none' });
    });
  });
}

describe('flowport record', () => {
  const seen: Seen[] = [];
  const server = api(seen);
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), 'flowport-record-'));

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes calls on unchanged and writes them to a HAR with secrets masked, which init turns into a connector', async () => {
    const out = join(dir, 'session.har');
    const calls: string[] = [];
    const recorder = await startRecorder({
      target: `${base}/v1`,
      out,
      port: 0,
      onCall: (c) => calls.push(`${c.method} ${c.path} ${c.status}`),
    });
    const auth = { authorization: `Bearer ${SECRET}`, cookie: `a=${SECRET}; b=2` };
    const list = await fetch(`${recorder.url}/tasks?top=5&api_key=${SECRET}`, { headers: auth });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ value: [{ id: 1, title: 'Plan' }], nextLink: null });
    expect((await fetch(`${recorder.url}/tasks/42`, { headers: auth })).status).toBe(200);
    const created = await fetch(`${recorder.url}/tasks`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'New', password: SECRET }),
    });
    expect(created.status).toBe(201);
    const token = await fetch(`${recorder.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=app&client_secret=${SECRET}`,
    });
    expect(((await token.json()) as JsonObject).access_token).toBe(SECRET);
    expect(await recorder.close()).toBe(4);

    // The API got every call as the client sent it.
    expect(seen.map((s) => s.url)).toEqual([
      `/v1/tasks?top=5&api_key=${SECRET}`,
      '/v1/tasks/42',
      '/v1/tasks',
      '/v1/oauth/token',
    ]);
    expect(seen[0]?.authorization).toBe(`Bearer ${SECRET}`);
    expect(calls).toEqual([
      `GET /tasks?top=5&api_key=${SECRET} 200`,
      'GET /tasks/42 200',
      'POST /tasks 201',
      'POST /oauth/token 200',
    ]);

    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(SECRET);
    const har = JSON.parse(text) as { log: { creator: JsonObject; entries: JsonObject[] } };
    expect(har.log.creator.name).toBe('flowport record');
    const [first, , post, oauth] = har.log.entries;
    const request = ownObject(first, 'request');
    expect(request?.url).toBe(`${base}/v1/tasks?top=5&api_key=***`);
    expect(request?.headers).toContainEqual({ name: 'authorization', value: 'Bearer ***' });
    expect(request?.headers).toContainEqual({ name: 'cookie', value: 'a=***; b=***' });
    expect(request?.headers).toContainEqual({ name: 'host', value: new URL(base).host });
    // The gzipped answer is written decoded.
    expect(ownObject(ownObject(first, 'response'), 'content')?.text).toBe(
      '{"value":[{"id":1,"title":"Plan"}],"nextLink":null}',
    );
    expect(ownObject(ownObject(post, 'request'), 'postData')?.text).toBe('{"title":"New","password":"***"}');
    expect(ownObject(ownObject(oauth, 'request'), 'postData')?.text).toBe(
      'grant_type=client_credentials&client_id=app&client_secret=***',
    );
    expect(ownObject(ownObject(oauth, 'response'), 'content')?.text).toBe(
      '{"access_token":"***","token_type":"Bearer","expires_in":3600}',
    );

    const connector = convert(text, { source: 'session.har' });
    expect(connector.swagger.host).toBe(new URL(base).host);
    expect(connector.swagger.basePath).toBe('/v1');
    // The token request is the connection's business (client credentials), not an operation.
    expect(Object.keys(ownObject(connector.swagger, 'paths') ?? {})).toEqual(['/tasks', '/tasks/{taskId}']);
    expect(connector.report).toContain('1 token request(s) left out');
    expect(connector.report).toContain('client credentials seen (tokens from');
    expect(connector.report).toContain(
      '`Authorization: Bearer …`, sent by 3 of 3 call(s), became the connection’s authentication',
    );
  });

  it('continues a HAR already there, and refuses to overwrite a file that is not one', async () => {
    const out = join(dir, 'continued.har');
    for (const path of ['/tasks/1', '/tasks/2']) {
      const recorder = await startRecorder({ target: `${base}/v1`, out, port: 0 });
      await fetch(`${recorder.url}${path}`);
      await recorder.close();
    }
    const har = JSON.parse(readFileSync(out, 'utf8')) as { log: { entries: { request: { url: string } }[] } };
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual([
      '/v1/tasks/1',
      '/v1/tasks/2',
    ]);

    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const refused = await startRecorder({ target: base, out: notes, port: 0 }).catch((e: unknown) => e);
    expect(isFlowportError(refused) && refused.code).toBe('USAGE');
    expect((refused as Error).message).toContain(
      'exists and is not a HAR file; give another file with --out',
    );
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('answers 502 when the API cannot be reached, and records the call without an answer', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const out = join(dir, 'unreachable.har');
    const recorder = await startRecorder({ target: gone, out, port: 0 });
    const res = await fetch(`${recorder.url}/ping`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'RECORD_UPSTREAM_UNREACHABLE',
    );
    await recorder.close();
    const entry = (JSON.parse(readFileSync(out, 'utf8')) as { log: { entries: JsonObject[] } }).log
      .entries[0];
    expect(ownObject(entry, 'response')).toMatchObject({ status: 0, _error: 'ECONNREFUSED' });
  });

  it('passes every Set-Cookie back as its own header, and masks each in the file', async () => {
    const cookies = createServer((_req, res) => {
      res.setHeader('set-cookie', [`sid=${SECRET}; HttpOnly`, 'theme=dark; Path=/']);
      res.end('{}');
    });
    await new Promise<void>((r) => cookies.listen(0, '127.0.0.1', r));
    const out = join(dir, 'cookies.har');
    const recorder = await startRecorder({
      target: `http://127.0.0.1:${(cookies.address() as AddressInfo).port}`,
      out,
      port: 0,
    });
    const res = await fetch(`${recorder.url}/me`);
    expect(res.headers.getSetCookie()).toEqual([`sid=${SECRET}; HttpOnly`, 'theme=dark; Path=/']);
    await recorder.close();
    cookies.close();
    const entry = (JSON.parse(readFileSync(out, 'utf8')) as { log: { entries: JsonObject[] } }).log
      .entries[0];
    const headers = ownObject(entry, 'response')?.headers as { name: string; value: string }[];
    expect(headers.filter((h) => h.name === 'set-cookie').map((h) => h.value)).toEqual([
      'sid=***; HttpOnly',
      'theme=***; Path=/',
    ]);
  });

  it('writes secrets as sent with keepSecrets', async () => {
    const out = join(dir, 'kept.har');
    const recorder = await startRecorder({ target: `${base}/v1`, out, port: 0, keepSecrets: true });
    await fetch(`${recorder.url}/tasks/3`, { headers: { 'x-api-key': SECRET } });
    await recorder.close();
    expect(readFileSync(out, 'utf8')).toContain(SECRET);
  });

  it('makes the folder --out names, refuses a path it cannot write before any call, and loses no call when a write fails later', async () => {
    const nested = join(dir, 'new', 'folder', 'session.har');
    const recorder = await startRecorder({ target: `${base}/v1`, out: nested, port: 0 });
    await fetch(`${recorder.url}/tasks/4`);
    expect(await recorder.close()).toBe(1);
    expect(readFileSync(nested, 'utf8')).toContain('/v1/tasks/4');

    // A folder under a file cannot be made.
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'x');
    const refused = await startRecorder({ target: `${base}/v1`, out: join(blocked, 's.har'), port: 0 }).catch(
      (e: unknown) => e,
    );
    expect(isFlowportError(refused) && refused.code).toBe('USAGE');
    expect((refused as Error).message).toMatch(
      /^Cannot write `.*a-file\/s\.har` \(a file stands where a folder should be, E[A-Z]+\); give a file in a folder/,
    );

    // The folder is removed while recording: close says so and keeps the calls in a temporary file.
    const gone = join(dir, 'gone');
    const later = await startRecorder({ target: `${base}/v1`, out: join(gone, 's.har'), port: 0 });
    rmSync(gone, { recursive: true, force: true });
    await fetch(`${later.url}/tasks/5`);
    const failed = await later.close().catch((e: unknown) => e);
    expect(isFlowportError(failed) && failed.code).toBe('USAGE');
    const rescue = /The calls are in (\S+\.har);/.exec((failed as Error).message)?.[1];
    expect(rescue && readFileSync(rescue, 'utf8')).toContain('/v1/tasks/5');
    if (rescue) rmSync(rescue, { force: true });
  });

  it('refuses a target that is not an http(s) URL before writing anything', async () => {
    const out = join(dir, 'never.har');
    await expect(startRecorder({ target: 'ftp://files.example', out, port: 0 })).rejects.toThrow(
      /takes an http or https URL/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
