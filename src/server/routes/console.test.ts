import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, uploadFrom, uploadOf } from '../testing.ts';

const BRIGHTDESK = new URL('../../../examples/brightdesk/', import.meta.url).pathname;

let dir: string;
beforeAll(() => {
  // A stand-in for `web/dist`: the routes serve whatever the build wrote.
  dir = mkdtempSync(join(tmpdir(), 'flowport-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside assets');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function withBrightdesk(): Promise<TestServer> {
  const server = await createTestServer({ console: { dir } });
  const res = await server.call(server.admin, 'POST', '/api/v1/connectors?id=brightdesk', {
    files: uploadOf(BRIGHTDESK),
  });
  expect(res.statusCode).toBe(201);
  return server;
}

describe('console files', () => {
  it('serves index.html at /, /console and every /console/ page, uncached, with a strict CSP', async () => {
    t = await createTestServer({ console: { dir } });
    for (const url of ['/', '/console', '/console/', '/console/connectors/x/operations/y']) {
      const res = await t.call(undefined, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.body).toContain('<title>console</title>');
    }
  });

  it('serves hashed assets as immutable and nothing outside the assets folder', async () => {
    t = await createTestServer({ console: { dir } });
    const asset = await t.call(undefined, 'GET', '/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/assets/missing.js', '/assets/../secret.txt', '/assets/%2e%2e/secret.txt']) {
      // `..` is resolved by the URL parser first: `/secret.txt` is no route at all (401 before 404).
      const res = await t.call(undefined, 'GET', url);
      expect([401, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain('outside assets');
    }
  });

  it('says how to build the console when it is not built', async () => {
    t = await createTestServer({ console: { dir: join(dir, 'nowhere') } });
    const res = await t.call(undefined, 'GET', '/console/');
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('npm run build:web');
  });

  it('serves no console at all with `console: false`', async () => {
    t = await createTestServer({ console: false });
    expect((await t.call(undefined, 'GET', '/console/')).statusCode).toBe(401);
    expect((await t.call(t.admin, 'GET', '/console/')).statusCode).toBe(404);
  });
});

describe('rule docs', () => {
  it('renders a rule page from docs/rules as HTML without scripts', async () => {
    t = await createTestServer({ console: { dir } });
    const res = await t.call(undefined, 'GET', '/docs/rules/security-oauth-setting-without-oauth2');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('<h1');
    expect(res.body).toContain('security-oauth-setting-without-oauth2');
  });

  it('renders the breaking-change kinds with an anchor per kind, for the console to link a change to', async () => {
    t = await createTestServer({ console: { dir } });
    const res = await t.call(undefined, 'GET', '/docs/breaking-changes');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const { CHANGE_KINDS } = await import('../../breaking/kinds.ts');
    for (const kind of CHANGE_KINDS) expect(res.body).toContain(`<h3 id="${kind.id}">${kind.id}</h3>`);
  });

  it('refuses ids that are not rule ids and rules that do not exist', async () => {
    t = await createTestServer({ console: { dir } });
    for (const id of ['..%2Fpackage', 'No_Such', 'no-such-rule']) {
      expect((await t.call(undefined, 'GET', `/docs/rules/${id}`)).statusCode, id).toBe(404);
    }
  });
});

describe('console views of the API', () => {
  it('need an API token', async () => {
    t = await withBrightdesk();
    for (const url of [
      '/api/v1/console/connectors',
      '/api/v1/console/connectors/brightdesk/operations/ListTickets',
      '/api/v1/console/connectors/brightdesk/files/apiProperties.json',
    ]) {
      expect((await t.call(undefined, 'GET', url)).statusCode, url).toBe(401);
    }
  });

  it('give gallery cards with brand colour, publisher, counts without internal operations, and validation', async () => {
    t = await withBrightdesk();
    const res = await t.call(t.maker, 'GET', '/api/v1/console/connectors');
    expect(res.statusCode).toBe(200);
    const [card] = res.json().connectors;
    expect(card).toMatchObject({
      id: 'brightdesk',
      title: 'Brightdesk',
      brandColor: '#1f5fa8',
      publisher: 'Brightdesk Labs',
      // 12 operations, 4 of them internal (GetCurrentAgent, ListTeams, GetTeamFields, DeleteHook).
      actions: 7,
      triggers: 2,
      parameterSets: [
        { name: 'api-key', displayName: 'API key' },
        { name: 'oauth', displayName: 'OAuth 2' },
      ],
      validation: { preset: 'recommended', errors: 0, warnings: 1 },
    });
  });

  it('give the card of the latest version after a new import', async () => {
    t = await withBrightdesk();
    expect((await t.call(t.maker, 'GET', '/api/v1/console/connectors')).json().connectors[0].publisher).toBe(
      'Brightdesk Labs',
    );
    const props = readFileSync(join(BRIGHTDESK, 'apiProperties.json'), 'utf8').replace(
      '"publisher": "Brightdesk Labs"',
      '"publisher": "Brightdesk Inc"',
    );
    const again = await t.call(t.admin, 'POST', '/api/v1/connectors?id=brightdesk', {
      files: uploadOf(BRIGHTDESK, { 'apiProperties.json': props }),
    });
    expect(again.statusCode).toBe(201);
    const [card] = (await t.call(t.maker, 'GET', '/api/v1/console/connectors')).json().connectors;
    expect(card).toMatchObject({ version: 2, publisher: 'Brightdesk Inc' });
    // Deleted and imported again: version 1 again, with other files.
    expect((await t.call(t.admin, 'DELETE', '/api/v1/connectors/brightdesk')).statusCode).toBe(204);
    await t.call(t.admin, 'POST', '/api/v1/connectors?id=brightdesk', {
      files: uploadOf(BRIGHTDESK, { 'apiProperties.json': props.replace('Brightdesk Inc', 'Brightdesk Co') }),
    });
    const [fresh] = (await t.call(t.maker, 'GET', '/api/v1/console/connectors')).json().connectors;
    expect(fresh).toMatchObject({ version: 1, publisher: 'Brightdesk Co' });
  });

  it('give an operation with its body schema inlined, enums and dynamic markers', async () => {
    t = await withBrightdesk();
    const create = (
      await t.call(t.maker, 'GET', '/api/v1/console/connectors/brightdesk/operations/CreateTicket')
    ).json();
    const body = create.parameters.find((p: { in: string }) => p.in === 'body');
    expect(body.schema.$ref).toBeUndefined();
    expect(body.schema.properties.priority.enum).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(body.schema.properties.teamId['x-ms-dynamic-values'].operationId).toBe('ListTeams');
    expect(body.schema.properties.customFields['x-ms-dynamic-schema']).toBeDefined();
    expect(body.testValue).toMatchObject({ teamId: 'billing' });

    const list = (
      await t.call(t.maker, 'GET', '/api/v1/console/connectors/brightdesk/operations/ListTickets')
    ).json();
    const team = list.parameters.find((p: { name: string }) => p.name === 'teamId');
    expect(team).toMatchObject({ label: 'Team', dynamicValues: true, dynamicSchema: false });
    const status = list.parameters.find((p: { name: string }) => p.name === 'status');
    expect(status.enum.length).toBeGreaterThan(1);

    const hook = (
      await t.call(t.maker, 'GET', '/api/v1/console/connectors/brightdesk/operations/OnTicketCreated')
    ).json();
    expect(hook).toMatchObject({
      kind: 'webhook-trigger',
      triggerHint: 'To see it work, create a ticket in Brightdesk.',
    });

    const missing = await t.call(t.maker, 'GET', '/api/v1/console/connectors/brightdesk/operations/Nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('OPERATION_NOT_FOUND');
  });

  it('inline a recursive schema once, leaving the `$ref` that closes the cycle as it is', async () => {
    t = await createTestServer({ console: { dir } });
    const swagger = {
      swagger: '2.0',
      info: { title: 'Trees', version: '1' },
      host: 'trees.example',
      paths: {
        '/nodes': {
          post: {
            operationId: 'AddNode',
            parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Node' } }],
            responses: { 200: { description: 'ok' } },
          },
        },
      },
      definitions: {
        Node: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/definitions/Node' } },
          },
        },
      },
    };
    await t.call(t.admin, 'POST', '/api/v1/connectors?id=trees', { files: uploadFrom(swagger) });
    const op = (await t.call(t.maker, 'GET', '/api/v1/console/connectors/trees/operations/AddNode')).json();
    let node = op.parameters[0].schema;
    let depth = 0;
    while (node.properties) {
      node = node.properties.children.items;
      depth++;
    }
    expect(depth).toBe(1);
    expect(node).toEqual({ $ref: '#/definitions/Node' });
  });

  it('give the text files findings point into, and no other file', async () => {
    t = await withBrightdesk();
    const props = await t.call(
      t.maker,
      'GET',
      '/api/v1/console/connectors/brightdesk/files/apiProperties.json',
    );
    expect(props.statusCode).toBe(200);
    expect(props.headers['content-type']).toBe('text/plain; charset=utf-8');
    // The finding about `token` points at line 38; the console shows the lines around it.
    expect(props.body.split('\n')[38]).toContain('"type": "oauthSetting"');
    expect(
      (await t.call(t.maker, 'GET', '/api/v1/console/connectors/brightdesk/files/icon.png')).statusCode,
    ).toBe(404);
    expect(
      (await t.call(t.maker, 'GET', '/api/v1/console/connectors/nope/files/apiProperties.json')).statusCode,
    ).toBe(404);
  });

  it('are listed in the OpenAPI document, unlike the console files', async () => {
    t = await createTestServer({ console: { dir } });
    const paths = Object.keys((await t.call(undefined, 'GET', '/api/openapi.json')).json().paths);
    expect(paths).toContain('/api/v1/console/connectors');
    expect(paths).toContain('/api/v1/console/connectors/{id}/files/{name}');
    expect(
      paths.some((p) => p.startsWith('/console') || p.startsWith('/assets') || p.startsWith('/docs')),
    ).toBe(false);
  });
});
