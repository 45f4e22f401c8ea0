import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { main } from '../../src/cli/main.ts';
import { loadConnector } from '../../src/connector/load.ts';
import { oauthEndpointsOf } from '../../src/runtime/connection/oauth-settings.ts';
import { type OAuthTokens, refreshingTokenProvider } from '../../src/runtime/connection/token-provider.ts';
import {
  type CallOperation,
  getDynamicSchema,
  listDynamicValues,
  testConnection,
} from '../../src/runtime/dynamic/index.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';

const brightdesk = new URL('../../examples/brightdesk', import.meta.url).pathname;
const KEY = 'test-key-7f3a';
const CLIENT = 'brightdesk-demo';
const REDIRECT = 'http://127.0.0.1:9/callback';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

interface SmokeRow {
  operationId: string;
  ok: boolean;
  status: number | null;
  skipped?: boolean;
}

/** The parsed JSON body, typed loosely as `JSON.parse` is, for assertions. */
async function json(response: Response) {
  return JSON.parse(await response.text());
}

function api(backend: DemoBackend, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('x-api-key', KEY);
  return fetch(`${backend.apiUrl}${path}`, { ...init, headers });
}

function post(backend: DemoBackend, path: string, body: unknown) {
  return api(backend, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const NEW_TICKET = { teamId: 'support', subject: 'Printer on fire', requesterEmail: 'sam@contoso.example' };

/** Runs the authorization request and returns the code, or the redirect's error. */
async function authorize(backend: DemoBackend, challenge: string | undefined, scope = '') {
  const url = new URL('/oauth/authorize', backend.url);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    state: 's-1',
    scope,
    ...(challenge && { code_challenge: challenge, code_challenge_method: 'S256' }),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get('location')!);
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('s-1');
  return { code: back.searchParams.get('code'), error: back.searchParams.get('error') };
}

function token(backend: DemoBackend, form: Record<string, string>) {
  return fetch(`${backend.url}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) });
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function signIn(backend: DemoBackend, scope = '') {
  const { verifier, challenge } = pkce();
  const { code } = await authorize(backend, challenge, scope);
  const response = await token(backend, {
    grant_type: 'authorization_code',
    code: code!,
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
  });
  expect(response.status).toBe(200);
  return (await json(response)) as { access_token: string; refresh_token: string; expires_in: number };
}

describe('the Brightdesk connector against the demo backend', () => {
  let backend: DemoBackend;
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY });
  });
  afterAll(() => backend.close());

  it('answers 2xx to every action and the polling trigger in a smoke run with the API key', async () => {
    const { code, stdout } = await cli(
      'smoke',
      brightdesk,
      '--base-url',
      backend.apiUrl,
      '--conn-set',
      'api-key',
      '--conn',
      `api_key=${KEY}`,
      '--include-triggers',
      '--format',
      'json',
    );
    const rows = JSON.parse(stdout) as SmokeRow[];
    const called = rows.filter((r) => !r.skipped);
    expect(called.map((r) => r.operationId).sort()).toEqual([
      'AddAttachment',
      'CreateTicket',
      'DeleteTicket',
      'ExportTickets',
      'GetCurrentAgent',
      'GetTeamFields',
      'GetTicket',
      'ListTeams',
      'ListTickets',
      'OnTicketChanged',
      'UpdateTicket',
    ]);
    expect(called.filter((r) => !r.ok)).toEqual([]);
    expect(code).toBe(0);
    expect((await api(backend, '/tickets/T-1012')).status).toBe(404);
  });

  it('answers 2xx to the read actions with an OAuth token from the built-in authorization server', async () => {
    const { access_token } = await signIn(backend);
    const only = ['GetCurrentAgent', 'ListTeams', 'ListTickets', 'GetTicket', 'UpdateTicket'];
    const { code, stdout } = await cli(
      'smoke',
      brightdesk,
      '--base-url',
      backend.apiUrl,
      '--conn-set',
      'oauth',
      '--token',
      access_token,
      '--only',
      ...only,
      '--format',
      'json',
    );
    const rows = JSON.parse(stdout) as SmokeRow[];
    expect(rows.map((r) => [r.operationId, r.ok])).toEqual(only.map((id) => [id, true]));
    expect(code).toBe(0);
  });

  it('fails every call with a wrong key', async () => {
    const { code, stdout } = await cli(
      'smoke',
      brightdesk,
      '--base-url',
      backend.apiUrl,
      '--conn-set',
      'api-key',
      '--conn',
      'api_key=no',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/ListTickets\s+401/);
  });

  it('pages tickets through the updatenextlink policy and merges every page', async () => {
    const args = ['run', brightdesk, 'ListTickets', '--base-url', backend.apiUrl, '--conn-set', 'api-key'];
    args.push('--conn', `api_key=${KEY}`);
    const first = JSON.parse((await cli(...args, '-p', '$top=5', '--format', 'json')).stdout);
    expect(first.response.body.value).toHaveLength(5);
    expect(first.response.body.nextLink).toMatch(/^flowport:\/\/runtime\/__page\?/);
    const all = JSON.parse((await cli(...args, '-p', '$top=5', '--all-pages', '--format', 'json')).stdout);
    const ids = all.response.body.value.map((t: { id: string }) => t.id);
    expect(all.pages).toBe(Math.ceil(ids.length / 5));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(10);
    expect(all.warnings).toEqual([]);
  });
});

describe('the Brightdesk connector through the runtime library', () => {
  let backend: DemoBackend;
  let clock = Date.now();
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY, now: () => clock, tokenLifetime: 60 });
  });
  afterAll(() => backend.close());

  it('fills the team drop-down, reads the custom field schema and tests the connection', async () => {
    const connector = await loadConnector(brightdesk);
    const runtime = createRuntime(connector, { baseUrl: backend.apiUrl });
    const connection = { parameterSet: 'api-key', values: { api_key: KEY } };
    const call: CallOperation = async (operationId, args) =>
      (await runtime.invoke(operationId, args, { connection })).response;
    try {
      const create = connector.operation('CreateTicket')!;
      const teams = await listDynamicValues(connector, create, 'body/teamId', {}, call);
      expect(teams.map((t) => [t.value, t.displayName])).toEqual([
        ['support', 'Customer support'],
        ['billing', 'Billing'],
        ['it-ops', 'IT operations'],
      ]);
      const schema = await getDynamicSchema(
        connector,
        create,
        'body/customFields',
        { body: { teamId: 'billing' } },
        call,
      );
      expect(Object.keys((schema as { properties: object }).properties)).toEqual(['invoiceNumber', 'amount']);
      expect(await testConnection(connector, call)).toMatchObject({ ok: true, method: 'capability' });
      const wrongKey = { ...connection, values: { api_key: 'x' } };
      const refused = await testConnection(
        connector,
        async (id, args) => (await runtime.invoke(id, args, { connection: wrongKey })).response,
      );
      expect(refused).toMatchObject({ ok: false, connectionStatus: 'unauthenticated' });
    } finally {
      await runtime.close();
    }
  });

  it('points its OAuth settings at the demo port, and an expired token is refreshed on the 401', async () => {
    const connector = await loadConnector(brightdesk);
    const endpoints = oauthEndpointsOf(connector, { parameterSet: 'oauth', values: {} });
    expect(endpoints).toMatchObject({
      provider: 'oauth2',
      clientId: CLIENT,
      authorizationUrl: `http://127.0.0.1:${DEFAULT_PORT}/oauth/authorize`,
      tokenUrl: `http://127.0.0.1:${DEFAULT_PORT}/oauth/token`,
    });
    const first = await signIn(backend);
    const refreshed: OAuthTokens[] = [];
    const tokenProvider = refreshingTokenProvider({
      // The test backend listens on a free port, not the demo's default one.
      tokenEndpoint: new URL(new URL(endpoints.tokenUrl).pathname, backend.url).toString(),
      clientId: CLIENT,
      accessToken: first.access_token,
      refreshToken: first.refresh_token,
      now: () => clock,
      onTokens: (t) => refreshed.push(t),
    });
    const runtime = createRuntime(connector, { baseUrl: backend.apiUrl });
    const connection = { parameterSet: 'oauth', values: {}, tokenProvider };
    try {
      expect((await runtime.invoke('GetCurrentAgent', {}, { connection })).response.status).toBe(200);
      expect(refreshed).toHaveLength(0);
      clock += 61_000;
      const after = await runtime.invoke('GetCurrentAgent', {}, { connection });
      expect(after.response.status).toBe(200);
      expect(after.warnings.join(' ')).toMatch(/refreshed/);
      expect(refreshed).toHaveLength(1);
      expect(refreshed[0]!.refreshToken).not.toBe(first.refresh_token);
    } finally {
      await runtime.close();
    }
  });
});

describe('the demo backend API', () => {
  let backend: DemoBackend;
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY });
  });
  afterAll(() => backend.close());

  it('refuses calls without credentials, with a WWW-Authenticate challenge', async () => {
    const response = await fetch(`${backend.apiUrl}/tickets`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await json(response)).error.code).toBe('unauthorized');
  });

  it('answers 400 with a JSON error to bad input and 404 to unknown routes and tickets', async () => {
    const bad = await api(backend, '/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"teamId":',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('invalid_body');
    const team = await post(backend, '/tickets', { ...NEW_TICKET, teamId: 'sales' });
    expect((await json(team)).error.message).toMatch(/`teamId` must be one of support, billing, it-ops/);
    const field = await post(backend, '/tickets', { ...NEW_TICKET, customFields: { amount: 3 } });
    expect((await json(field)).error.message).toMatch(/no custom field `amount`/);
    expect((await api(backend, '/tickets?$top=0')).status).toBe(400);
    expect((await api(backend, '/tickets?status=closed')).status).toBe(400);
    expect((await api(backend, '/nothing')).status).toBe(404);
    expect((await api(backend, '/tickets/T-9')).status).toBe(404);
  });

  it('creates, updates and deletes a ticket, with a Location and the custom fields checked', async () => {
    const created = await post(backend, '/tickets', {
      ...NEW_TICKET,
      teamId: 'billing',
      customFields: { invoiceNumber: 'INV-1', amount: 12.5 },
    });
    expect(created.status).toBe(201);
    const ticket = await json(created);
    expect(created.headers.get('location')).toBe(`${backend.apiUrl}/tickets/${ticket.id}`);
    expect(ticket).toMatchObject({ status: 'open', priority: 'normal', customFields: { amount: 12.5 } });
    const updated = await api(backend, `/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'solved', customFields: { amount: 10 } }),
    });
    expect(await json(updated)).toMatchObject({
      status: 'solved',
      customFields: { invoiceNumber: 'INV-1', amount: 10 },
    });
    expect((await api(backend, `/tickets/${ticket.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(backend, `/tickets/${ticket.id}`)).status).toBe(404);
    expect((await api(backend, `/tickets/${ticket.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('stores a multipart upload byte for byte', async () => {
    const bytes = randomBytes(70_000);
    const form = new FormData();
    form.set('file', new Blob([bytes], { type: 'image/png' }), 'screen.png');
    const response = await api(backend, '/tickets/T-1001/attachments', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({
      ticketId: 'T-1001',
      fileName: 'screen.png',
      contentType: 'image/png',
      size: 70_000,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const notMultipart = await post(backend, '/tickets/T-1001/attachments', { file: 'x' });
    expect(notMultipart.status).toBe(415);
  });

  it('serves the team lookup and the dynamic schema of custom fields', async () => {
    const teams = await json(await api(backend, '/teams'));
    expect(teams.value.map((t: { id: string }) => t.id)).toEqual(['support', 'billing', 'it-ops']);
    const fields = await json(await api(backend, '/teams/it-ops/fields'));
    expect(fields.schema.properties.onSite).toMatchObject({ type: 'boolean', 'x-ms-summary': 'On site' });
    expect((await api(backend, '/teams/sales/fields')).status).toBe(404);
  });
});

describe('the demo OAuth 2 authorization server', () => {
  let backend: DemoBackend;
  let clock = Date.now();
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY, now: () => clock, tokenLifetime: 60 });
  });
  afterAll(() => backend.close());

  it('exchanges a code with PKCE, and the token expires and is refreshed (rotating the refresh token)', async () => {
    const first = await signIn(backend);
    expect(first.expires_in).toBe(60);
    const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    const me = await json(await api(backend, '/me', bearer(first.access_token)));
    expect(me).toMatchObject({ authenticatedBy: 'oauth2', scopes: ['tickets.read', 'tickets.write'] });

    clock += 61_000;
    const expired = await api(backend, '/me', bearer(first.access_token));
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);

    const refresh = { grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: CLIENT };
    const refreshed = await token(backend, refresh);
    expect(refreshed.status).toBe(200);
    const second = await json(refreshed);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await api(backend, '/me', bearer(second.access_token))).status).toBe(200);
    const reused = await token(backend, refresh);
    expect(reused.status).toBe(400);
    expect((await json(reused)).error).toBe('invalid_grant');
  });

  it('refuses a wrong code verifier, and the code cannot be used again', async () => {
    const { verifier, challenge } = pkce();
    const { code } = await authorize(backend, challenge);
    const form = { grant_type: 'authorization_code', code: code!, client_id: CLIENT, redirect_uri: REDIRECT };
    const wrong = await token(backend, { ...form, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await json(wrong)).toMatchObject({ error: 'invalid_grant' });
    const right = await token(backend, { ...form, code_verifier: verifier });
    expect(right.status).toBe(400);
  });

  it('requires PKCE and a known scope, and redirects only to loopback addresses', async () => {
    expect((await authorize(backend, undefined)).error).toBe('invalid_request');
    expect((await authorize(backend, pkce().challenge, 'admin')).error).toBe('invalid_scope');
    const away = new URL('/oauth/authorize', backend.url);
    away.search = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: 'https://attacker.example/cb',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    }).toString();
    const refused = await fetch(away, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
  });

  it('checks the client secret when one is sent, and the scope on writes', async () => {
    const { verifier, challenge } = pkce();
    const { code } = await authorize(backend, challenge);
    const form = {
      grant_type: 'authorization_code',
      code: code!,
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    };
    expect((await token(backend, { ...form, client_secret: 'guess' })).status).toBe(401);
    const readOnly = await signIn(backend, 'tickets.read');
    const write = await post(backend, '/hooks', { url: 'http://127.0.0.1:9/x', event: 'ticket.created' });
    expect(write.status).toBe(201);
    const denied = await api(backend, '/tickets', {
      method: 'POST',
      headers: { authorization: `Bearer ${readOnly.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify(NEW_TICKET),
    });
    expect(denied.status).toBe(403);
  });

  it('ends the grant when its refresh token is revoked', async () => {
    const grant = await signIn(backend);
    await fetch(`${backend.url}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: grant.refresh_token }),
    });
    const call = await api(backend, '/me', { headers: { authorization: `Bearer ${grant.access_token}` } });
    expect(call.status).toBe(401);
  });
});

describe('the demo webhook subscription API', () => {
  let backend: DemoBackend;
  let receiver: Server;
  let receiverUrl = '';
  const received: { headers: IncomingHttpHeaders; body: { event: string; ticket: { subject: string } } }[] =
    [];
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(body) });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await backend.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('subscribes, POSTs the event when a ticket is created, and unsubscribes leaving none', async () => {
    const subscribed = await post(backend, '/hooks', { url: receiverUrl, event: 'ticket.created' });
    expect(subscribed.status).toBe(201);
    const hook = await json(subscribed);
    const location = subscribed.headers.get('location')!;
    expect(location).toBe(`${backend.apiUrl}/hooks/${hook.id}`);
    const billingOnly = await json(
      await post(backend, '/hooks', {
        url: `${receiverUrl}?billing`,
        event: 'ticket.created',
        teamId: 'billing',
      }),
    );

    expect((await post(backend, '/tickets', NEW_TICKET)).status).toBe(201);
    await backend.events.settled();
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toMatchObject({
      event: 'ticket.created',
      ticket: { subject: 'Printer on fire' },
    });
    expect(received[0]!.headers['x-brightdesk-event']).toBe('ticket.created');
    expect(backend.events.deliveries.at(-1)).toMatchObject({ hookId: hook.id, status: 202 });

    for (const id of [hook.id, billingOnly.id])
      expect((await api(backend, `/hooks/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await json(await api(backend, '/hooks'))).value).toEqual([]);
    expect((await api(backend, `/hooks/${hook.id}`, { method: 'DELETE' })).status).toBe(404);
    backend.createTicket(NEW_TICKET);
    await backend.events.settled();
    expect(received).toHaveLength(1);
  });

  it('records a delivery that fails and refuses a subscription without a valid URL or event', async () => {
    const dead = await json(
      await post(backend, '/hooks', { url: 'http://127.0.0.1:9/', event: 'ticket.deleted' }),
    );
    const { id } = backend.createTicket(NEW_TICKET);
    await api(backend, `/tickets/${id}`, { method: 'DELETE' });
    await backend.events.settled();
    expect(backend.events.deliveries.at(-1)).toMatchObject({ hookId: dead.id, event: 'ticket.deleted' });
    expect(backend.events.deliveries.at(-1)?.error).toMatch(/fetch failed/);
    expect((await post(backend, '/hooks', { url: 'ftp://x', event: 'ticket.created' })).status).toBe(400);
    expect((await post(backend, '/hooks', { url: receiverUrl, event: 'ticket.eaten' })).status).toBe(400);
  });
});

describe('demo webhook retries', () => {
  it('retries a failed delivery with the same body and delivery id until it is accepted', async () => {
    const bodies: { id: string | undefined; body: string }[] = [];
    const statuses = [503, 500, 204];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push({ id: req.headers['x-brightdesk-delivery'] as string | undefined, body });
        res.writeHead(statuses.shift() ?? 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const backend = await startDemoBackend({
      port: 0,
      apiKey: KEY,
      webhookAttempts: 5,
      webhookRetryDelayMs: 10,
    });
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      expect((await post(backend, '/hooks', { url, event: 'ticket.created' })).status).toBe(201);
      backend.createTicket(NEW_TICKET);
      await backend.events.settled();
      expect(bodies).toHaveLength(3);
      expect(new Set(bodies.map((b) => `${b.id} ${b.body}`)).size).toBe(1);
      expect(backend.events.deliveries.map((d) => d.status)).toEqual([503, 500, 204]);
    } finally {
      await backend.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('the demo polling endpoint', () => {
  let backend: DemoBackend;
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY, retryAfter: 7 });
  });
  afterAll(() => backend.close());

  const poll = (url: string) => fetch(url, { headers: { 'x-api-key': KEY } });

  it('answers 202 with a Location, then 200 with the new ticket, then 202', async () => {
    const first = await poll(`${backend.apiUrl}/ticket-changes`);
    expect(first.status).toBe(202);
    expect(first.headers.get('retry-after')).toBe('7');
    const location = first.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${backend.apiUrl}/ticket-changes\\?triggerState=\\d+$`));
    expect((await poll(location)).status).toBe(202);

    const created = backend.createTicket(NEW_TICKET);
    const fired = await poll(location);
    expect(fired.status).toBe(200);
    expect((await json(fired)).value).toEqual([{ ...created, changeType: 'created' }]);
    const next = fired.headers.get('location')!;
    expect(next).not.toBe(location);

    const quiet = await poll(next);
    expect(quiet.status).toBe(202);
    expect(quiet.headers.get('location')).toBe(next);
  });

  it('reports updates, keeps the team filter in the Location, and drains a backlog with Retry-After 0', async () => {
    const start = (await poll(`${backend.apiUrl}/ticket-changes?teamId=it-ops`)).headers.get('location')!;
    expect(new URL(start).searchParams.get('teamId')).toBe('it-ops');
    for (let i = 0; i < 55; i++)
      backend.createTicket({ ...NEW_TICKET, teamId: 'it-ops', subject: `No ${i}` });
    backend.createTicket(NEW_TICKET);
    await api(backend, '/tickets/T-1003', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"status":"solved"}',
    });
    const page1 = await poll(start);
    expect(page1.headers.get('retry-after')).toBe('0');
    expect((await json(page1)).value).toHaveLength(50);
    const page2 = await poll(page1.headers.get('location')!);
    expect(page2.headers.get('retry-after')).toBe('7');
    const rest = (await json(page2)).value as { id: string; changeType: string; teamId: string }[];
    expect(rest).toHaveLength(6);
    expect(rest.at(-1)).toMatchObject({ id: 'T-1003', changeType: 'updated' });
    expect(rest.every((t) => t.teamId === 'it-ops')).toBe(true);
  });

  it('refuses a trigger state it never gave out', async () => {
    for (const state of ['abc', '-1', '999999'])
      expect((await poll(`${backend.apiUrl}/ticket-changes?triggerState=${state}`)).status).toBe(400);
  });
});
