/**
 * A connector from a browser's recording, end to end: a small web app (page, script, style, image)
 * on one loopback origin calls its JSON API on another (CORS, an `X-Api-Key` header); headless
 * Chromium records the session as a HAR (Playwright's `recordHar`, as DevTools' "Save all as HAR with
 * content" does); `flowport init` makes a connector of it; the connector validates and, called
 * through flowport's runtime with a connection's key, makes the same calls the app made.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsonObject, ownObject } from '../../src/connector/json.ts';
import { connectorFromFiles } from '../../src/connector/load.ts';
import { type ConvertResult, convert } from '../../src/convert/convert.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { validateConnector } from '../../src/validate/validate.ts';
import { haveChromium, launchChromium } from './harness.ts';

const KEY = 'recorded-key-7f3e9a1c';

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly key: string | undefined;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
  });
}

/** The API: tasks under /api/v1, an `X-Api-Key` on every call, CORS for the app's origin. */
function api(seen: Seen[], expectedKey: () => string) {
  const tasks = new Map<number, JsonObject>([
    [17, { id: 17, title: 'Plan the launch', done: false, due: '2026-12-01' }],
    [23, { id: 23, title: 'Write the notes', done: true, due: null }],
  ]);
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'X-Api-Key, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
    const url = new URL(req.url ?? '/', 'http://x');
    const key = req.headers['x-api-key'] as string | undefined;
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    seen.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, key });
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
    if (key !== expectedKey()) return json(401, { error: 'bad key' });
    const id = Number(/^\/api\/v1\/tasks\/(\d+)$/.exec(url.pathname)?.[1]);
    if (url.pathname === '/api/v1/tasks' && req.method === 'GET') {
      const top = Number(url.searchParams.get('top') ?? 10);
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const more = skip + top < tasks.size;
      return json(200, {
        value: [...tasks.values()].slice(skip, skip + top),
        nextLink: more ? `http://${req.headers.host}/api/v1/tasks?top=${top}&skip=${skip + top}` : null,
      });
    }
    if (url.pathname === '/api/v1/tasks' && req.method === 'POST') {
      const body = JSON.parse(await readBody(req)) as JsonObject;
      const task: JsonObject = {
        id: 40 + tasks.size,
        title: body.title ?? null,
        done: false,
        due: body.due ?? null,
      };
      tasks.set(40 + tasks.size, task);
      return json(201, task);
    }
    if (id && req.method === 'GET')
      return tasks.has(id) ? json(200, tasks.get(id)) : json(404, { error: 'none' });
    if (id && req.method === 'PATCH') {
      const task = { ...tasks.get(id), ...(JSON.parse(await readBody(req)) as JsonObject) };
      tasks.set(id, task);
      return json(200, task);
    }
    if (id && req.method === 'DELETE') {
      tasks.delete(id);
      return res.writeHead(204).end();
    }
    json(404, { error: 'no route' });
  });
}

/** The web app: a page, its script, style and logo; the script makes the API calls a user's clicks would. */
function app(apiUrl: string) {
  const script = `
    const api = ${JSON.stringify(`${apiUrl}/api/v1`)};
    const headers = { 'X-Api-Key': ${JSON.stringify(KEY)}, 'Content-Type': 'application/json' };
    const call = (method, path, body) =>
      fetch(api + path, { method, headers, body: body && JSON.stringify(body) }).then((r) => r.status === 204 ? null : r.json());
    (async () => {
      await call('GET', '/tasks?top=1');
      await call('GET', '/tasks?top=20&done=false');
      await call('GET', '/tasks/17');
      await call('GET', '/tasks/23');
      const created = await call('POST', '/tasks', { title: 'Book the room', due: '2026-12-03' });
      await call('PATCH', '/tasks/' + created.id, { done: true });
      await call('DELETE', '/tasks/' + created.id);
      document.body.insertAdjacentHTML('beforeend', '<p id="done">done</p>');
    })();`;
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  return createServer((req, res) => {
    if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (req.url === '/app.css')
      return res.writeHead(200, { 'content-type': 'text/css' }).end('body{font:14px sans-serif}');
    if (req.url === '/logo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        '<!doctype html><title>Tasklane</title><link rel="stylesheet" href="/app.css"><img src="/logo.png" alt=""><script src="/app.js"></script>',
      );
  });
}

describe.skipIf(!haveChromium)('flowport init from a HAR recorded by Chromium', () => {
  const seen: Seen[] = [];
  let key = KEY;
  const apiServer = api(seen, () => key);
  let appServer: Server;
  let browser: Browser;
  let apiUrl: string;
  let result: ConvertResult;
  const dir = mkdtempSync(join(tmpdir(), 'flowport-har-'));

  beforeAll(async () => {
    apiUrl = await listen(apiServer);
    appServer = app(apiUrl);
    const appUrl = await listen(appServer);
    browser = await launchChromium();
    const harPath = join(dir, 'session.har');
    const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.waitForSelector('#done', { timeout: 15_000 });
    await context.close(); // writes the HAR
    result = convert(readFileSync(harPath, 'utf8'), { source: 'session.har' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    apiServer.close();
    appServer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes one operation per call the app made, on the API’s host, the page’s files left out', () => {
    expect(result.format).toBe('har');
    expect(result.swagger.host).toBe(new URL(apiUrl).host);
    expect(result.swagger.basePath).toBe('/api/v1');
    expect(result.swagger.schemes).toEqual(['http']);
    const ops = Object.entries(ownObject(result.swagger, 'paths') ?? {}).flatMap(([path, item]) =>
      Object.entries(item as JsonObject).map(([m, o]) => `${m} ${path} ${(o as JsonObject).operationId}`),
    );
    expect(ops).toEqual([
      'get /tasks ListTasks',
      'post /tasks CreateTask',
      'get /tasks/{taskId} GetTask',
      'patch /tasks/{taskId} UpdateTask',
      'delete /tasks/{taskId} DeleteTask',
    ]);
    // The page, script, style and image (and the favicon Chromium asks for) are not operations.
    expect(result.report).toMatch(/left out: pages, scripts, styles, images and fonts/);
  });

  it('makes the list that answered with a next-page link pageable, its link routed back through the connector', () => {
    const list = ownObject(ownObject(ownObject(result.swagger, 'paths'), '/tasks'), 'get');
    expect(list?.['x-ms-pageable']).toEqual({ nextLinkName: 'nextLink' });
    expect(ownObject(result.apiProperties, 'properties')?.policyTemplateInstances).toContainEqual({
      templateId: 'updatenextlink',
      title: 'Route nextLink back through the connector',
      parameters: {
        'x-ms-apimTemplate-operationName': ['ListTasks'],
        'x-ms-apimTemplateParameter.nextLinkPropertyName': 'nextLink',
      },
    });
  });

  it('takes the API key as the connection’s and writes no recorded value', () => {
    expect(result.swagger.securityDefinitions).toEqual({
      api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    for (const [name, bytes] of Object.entries(result.files)) {
      const text = new TextDecoder().decode(bytes);
      expect(text, name).not.toContain(KEY);
      expect(text, name).not.toContain('Plan the launch');
    }
  });

  it('validates with only what a recording cannot tell left for the author', () => {
    const connector = connectorFromFiles(
      Object.entries(result.files).map(([name, bytes]) => ({ name, bytes })),
    );
    const errors = validateConnector(connector, { preset: 'recommended' }).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([]);
  });

  it('calls the API as the app did, with the connection’s key', async () => {
    key = 'another-users-key';
    const connector = connectorFromFiles(
      Object.entries(result.files).map(([name, bytes]) => ({ name, bytes })),
    );
    const runtime = createRuntime(connector);
    const connection = { values: { api_key: key } };
    seen.length = 0;
    const got = await runtime.invoke('GetTask', { taskId: 17 }, { connection });
    expect(got.response.status).toBe(200);
    expect(got.response.body).toMatchObject({ kind: 'json', value: { id: 17, title: 'Plan the launch' } });
    const created = await runtime.invoke(
      'CreateTask',
      { body: { title: 'From the connector', due: '2026-12-24' } },
      { connection },
    );
    expect(created.response.status).toBe(201);
    // Answers with an absolute `nextLink` made ListTasks pageable: every page, through the connector.
    const listed = await runtime.invoke('ListTasks', { top: 2 }, { connection, allPages: true });
    expect(listed.response.status).toBe(200);
    expect(listed.pages).toBe(2);
    expect(listed.response.body).toMatchObject({
      kind: 'json',
      value: { value: [{ id: 17 }, { id: 23 }, { title: 'From the connector' }] },
    });
    expect(seen).toEqual([
      { method: 'GET', path: '/api/v1/tasks/17', key },
      { method: 'POST', path: '/api/v1/tasks', key },
      { method: 'GET', path: '/api/v1/tasks?top=2', key },
      { method: 'GET', path: '/api/v1/tasks?top=2&skip=2', key },
    ]);
  });
});
