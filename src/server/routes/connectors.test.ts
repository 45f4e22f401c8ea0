import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ConnectorValidator,
  inProcessValidator,
  rememberingValidator,
} from '../../validate/background.ts';
import { createTestServer, type TestServer, uploadOf } from '../testing.ts';

const TASKLANE = new URL('../../../examples/tasklane/', import.meta.url).pathname;

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function importTasklane(server: TestServer, query = '') {
  return server.call(server.admin, 'POST', `/api/v1/connectors${query}`, { files: uploadOf(TASKLANE) });
}

/** An OpenAPI 3.0 description of one operation, `getParcel`: more parameters after `id`, the answer's schema. */
const parcelTracker = (moreParameters: string, schema: string) => `openapi: 3.0.3
info: {title: Parcel Tracker, version: '1'}
servers: [{url: 'https://parcels.contoso.com/v2'}]
paths:
  /parcels/{id}:
    get:
      operationId: getParcel
      parameters: [{name: id, in: path, required: true, schema: {type: string}}${moreParameters}]
      responses: {'200': {description: A parcel, content: {application/json: {schema: ${schema}}}}}
`;

describe('importing connectors', () => {
  it('imports a JSON upload as version 1 with an id from the title and its findings', async () => {
    t = await createTestServer();
    const res = await importTasklane(t);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.connector).toMatchObject({ id: 'tasklane', title: 'Tasklane', latestVersion: 1 });
    expect(body.version).toMatchObject({ version: 1, validation: { preset: 'recommended' } });
    expect(body.version.files).toBeUndefined();
    expect(body.created).toBe(true);
    expect(Array.isArray(body.findings)).toBe(true);
  });

  it('makes no new version for unchanged files and a new one for changed files', async () => {
    t = await createTestServer();
    await importTasklane(t);
    const same = await importTasklane(t);
    expect(same.statusCode).toBe(200);
    expect(same.json().created).toBe(false);
    const readme = `${readFileSync(`${TASKLANE}readme.md`, 'utf8')}\nChanged.\n`;
    const changed = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: uploadOf(TASKLANE, { 'readme.md': readme }),
    });
    expect(changed.statusCode).toBe(201);
    expect(changed.json().version.version).toBe(2);
    const versions = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/versions')).json().versions;
    expect(versions.map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);
  });

  it('says what a new version breaks for flows built on the previous one, and whether the update is minor', async () => {
    t = await createTestServer();
    const first = (await importTasklane(t)).json();
    expect(first.breaking).toBeUndefined();
    const swagger = JSON.parse(readFileSync(`${TASKLANE}apiDefinition.swagger.json`, 'utf8'));
    const [path, item] = Object.entries(
      swagger.paths as Record<string, Record<string, { operationId?: string }>>,
    )[0] as [string, Record<string, { operationId?: string }>];
    const [method, op] = Object.entries(item).find(([, o]) => typeof o === 'object' && o?.operationId) as [
      string,
      { operationId: string },
    ];
    delete swagger.paths[path][method];
    const res = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: uploadOf(TASKLANE, { 'apiDefinition.swagger.json': JSON.stringify(swagger) }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().breaking).toMatchObject({
      summary: { error: 1, warning: 0, info: 0 },
      update: 'major',
      changes: [
        {
          kind: 'operation-deleted',
          severity: 'error',
          message: 'The operation has been deleted. This change breaks existing flows.',
          path: `operation/${op.operationId}`,
          version: 'old',
        },
      ],
    });
    const readme = `${readFileSync(`${TASKLANE}readme.md`, 'utf8')}\nChanged.\n`;
    const minor = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: uploadOf(TASKLANE, {
        'apiDefinition.swagger.json': JSON.stringify(swagger),
        'readme.md': readme,
      }),
    });
    expect(minor.json().breaking).toEqual({
      summary: { error: 0, warning: 0, info: 0 },
      update: 'minor',
      differences: [{ file: 'readme', minor: true }],
      changes: [],
    });
  });

  it('compares any two stored versions: what one breaks for flows built on the other', async () => {
    t = await createTestServer();
    await importTasklane(t);
    const swagger = JSON.parse(readFileSync(`${TASKLANE}apiDefinition.swagger.json`, 'utf8'));
    const operationId = swagger.paths['/projects'].get.operationId as string;
    delete swagger.paths['/projects'].get;
    const withoutList = { 'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2) };
    await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(TASKLANE, withoutList) });
    const readme = `${readFileSync(`${TASKLANE}readme.md`, 'utf8')}\nChanged.\n`;
    await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: uploadOf(TASKLANE, { ...withoutList, 'readme.md': readme }),
    });
    const changes = (path: string) => t?.call(t.maker, 'GET', `/api/v1/connectors/tasklane/versions/${path}`);

    // Version 2 against the one before it: the deleted operation, in Microsoft's words, placed in version 1.
    const two = await changes('2/changes');
    expect(two?.statusCode).toBe(200);
    expect(two?.json()).toMatchObject({
      connectorId: 'tasklane',
      from: 1,
      to: 2,
      summary: { error: 1, warning: 0, info: 0 },
      update: 'major',
      changes: [{ kind: 'operation-deleted', path: `operation/${operationId}`, version: 'old' }],
    });
    expect(two?.json().changes[0].line).toBeGreaterThan(1);
    expect(two?.json().differences).toContainEqual({
      file: 'swagger',
      pointer: '/paths/~1projects/get',
      minor: false,
    });

    // Version 3 only changed the readme: a minor update breaking nothing.
    expect((await changes('3/changes'))?.json()).toMatchObject({
      from: 2,
      to: 3,
      update: 'minor',
      changes: [],
      differences: [{ file: 'readme', minor: true }],
    });
    // Any two versions, either way round: from 1 to 3 deletes the operation; from 3 back to 1 adds it.
    expect((await changes('3/changes?from=1'))?.json().summary).toEqual({ error: 1, warning: 0, info: 0 });
    const back = (await changes('1/changes?from=3'))?.json();
    expect(back).toMatchObject({ from: 3, to: 1, update: 'major', changes: [] });

    // What cannot be compared says why, and how to ask instead.
    const first = await changes('1/changes');
    expect(first?.statusCode).toBe(404);
    expect(first?.json().detail).toMatch(/first version of `tasklane`.*\?from=/);
    const missing = await changes('9/changes');
    expect(missing?.statusCode).toBe(404);
    expect(missing?.json().detail).toContain('no version 9');
    expect((await changes('2/changes?from=7'))?.json().detail).toContain('no version 7');
    const unknown = await t.call(t.maker, 'GET', '/api/v1/connectors/nope/versions/2/changes');
    expect(unknown.statusCode).toBe(404);
    expect((await changes('two/changes'))?.statusCode).toBe(400);
    expect((await changes('2/changes?from=0'))?.statusCode).toBe(400);
    expect(
      (await t.call(undefined, 'GET', '/api/v1/connectors/tasklane/versions/2/changes')).statusCode,
    ).toBe(401);
  });

  it('imports a zip upload with the id and preset from the query', async () => {
    t = await createTestServer();
    const files: Record<string, Uint8Array> = {};
    for (const f of uploadOf(TASKLANE)) files[`tasklane/${f.name}`] = Buffer.from(f.content, 'base64');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/connectors?id=tasks-zip&preset=certification',
      headers: { ...t.admin.headers, 'content-type': 'application/zip' },
      payload: Buffer.from(zipSync(files)),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().connector.id).toBe('tasks-zip');
    expect(res.json().version.validation.preset).toBe('certification');
  });

  it('refuses an upload without a swagger, a bad id, a bad zip and a folder in a file name', async () => {
    t = await createTestServer();
    const noSwagger = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: [{ name: 'readme.md', content: Buffer.from('# x').toString('base64') }],
    });
    expect(noSwagger.statusCode).toBe(422);
    expect(noSwagger.json().code).toBe('IMPORT_INVALID');
    const badId = await importTasklane(t, '?id=Not%20Valid');
    expect(badId.json().code).toBe('IMPORT_INVALID');
    const badZip = await t.app.inject({
      method: 'POST',
      url: '/api/v1/connectors',
      headers: { ...t.admin.headers, 'content-type': 'application/zip' },
      payload: Buffer.from('PK not a zip'),
    });
    expect(badZip.statusCode).toBe(422);
    const folder = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: [{ name: '../apiDefinition.swagger.json', content: 'e30=' }],
    });
    expect(folder.json().code).toBe('IMPORT_INVALID');
  });

  it('converts an upload of one API description into the connector it imports, as flowport init does', async () => {
    t = await createTestServer();
    const openapi = parcelTracker(
      ', {name: sid, in: cookie, schema: {type: string}}',
      '{type: object, properties: {status: {type: string}}}',
    );
    const res = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: [{ name: 'parcels.yaml', content: Buffer.from(openapi).toString('base64') }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.connector).toMatchObject({ id: 'parcel-tracker', title: 'Parcel Tracker' });
    expect(body.converted).toMatchObject({ source: 'parcels.yaml', format: 'openapi-3.0' });
    expect(body.converted.summary).toMatch(/^1 of 1 operations converted/);
    expect(body.converted.losses).toContainEqual(expect.objectContaining({ construct: 'cookie parameter' }));
    const operations = (await t.call(t.admin, 'GET', '/api/v1/connectors/parcel-tracker/operations')).json();
    expect(JSON.stringify(operations)).toContain('getParcel');

    const curl = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: [
        {
          name: 'calls.sh',
          content: Buffer.from("curl https://api.contoso.com/v1/things/42 -H 'X-Api-Key: k'").toString(
            'base64',
          ),
        },
      ],
    });
    expect(curl.statusCode).toBe(201);
    expect(curl.json().converted).toMatchObject({ format: 'curl' });

    // A HAR with calls to two hosts: the one asked for with ?host=.
    const har = JSON.stringify({
      log: {
        entries: ['api.shop.contoso.com', 'api.shop.contoso.com', 'cdn.shop.contoso.com'].map((host) => ({
          request: { method: 'GET', url: `https://${host}/v1/items/42`, headers: [] },
          response: {
            status: 200,
            headers: [],
            content: { mimeType: 'application/json', text: '{"id":42}' },
          },
        })),
      },
    });
    const cdn = await t.call(t.admin, 'POST', '/api/v1/connectors?host=cdn.shop.contoso.com&id=cdn', {
      files: [{ name: 'shop.har', content: Buffer.from(har).toString('base64') }],
    });
    expect(cdn.statusCode).toBe(201);
    expect(cdn.json().converted.losses).toContainEqual(
      expect.objectContaining({
        construct: 'other host',
        action: expect.stringContaining('`api.shop.contoso.com`'),
      }),
    );

    const notes = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: [{ name: 'notes.txt', content: Buffer.from('just some notes').toString('base64') }],
    });
    expect(notes.statusCode).toBe(422);
    expect(notes.json().code).toBe('IMPORT_INVALID');
    expect(notes.json().detail).toMatch(
      /^`notes\.txt` is not a connector's file and cannot be converted: notes\.txt is not an API description/,
    );
  });

  it('imports the API description at a URL, with the documents its refs name, as the wizard imports from a URL', async () => {
    const documents: Record<string, string> = {
      '/specs/parcels.yaml': parcelTracker('', "{$ref: 'schemas.yaml#/Parcel'}"),
      '/specs/schemas.yaml': 'Parcel: {type: object, properties: {status: {type: string}}}\n',
    };
    const server = createServer((req, res) => {
      const text = documents[req.url ?? ''];
      res.writeHead(text ? 200 : 404, { 'content-type': 'application/yaml' }).end(text ?? 'no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // A server on this machine (its public URL is local) may reach local addresses.
      t = await createTestServer();
      const res = await t.call(t.admin, 'POST', '/api/v1/connectors', { url: `${base}/specs/parcels.yaml` });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.connector).toMatchObject({ id: 'parcel-tracker', title: 'Parcel Tracker' });
      expect(body.converted).toMatchObject({ source: 'parcels.yaml', format: 'openapi-3.0' });
      const operations = (
        await t.call(t.admin, 'GET', '/api/v1/connectors/parcel-tracker/operations')
      ).json();
      expect(JSON.stringify(operations)).toContain('getParcel');

      const missing = await t.call(t.admin, 'POST', '/api/v1/connectors', { url: `${base}/specs/gone.yaml` });
      expect(missing.statusCode).toBe(422);
      expect(missing.json()).toMatchObject({ code: 'IMPORT_INVALID' });
      expect(missing.json().detail).toContain(
        `Cannot fetch ${base}/specs/gone.yaml: the server answered 404`,
      );
      const both = await t.call(t.admin, 'POST', '/api/v1/connectors', {
        url: `${base}/specs/parcels.yaml`,
        files: uploadOf(TASKLANE),
      });
      expect(both.statusCode).toBe(400);
      const notHttp = await t.call(t.admin, 'POST', '/api/v1/connectors', { url: 'file:///etc/passwd' });
      expect(notHttp.statusCode).toBe(400);
      expect(
        (await t.call(t.maker, 'POST', '/api/v1/connectors', { url: `${base}/specs/parcels.yaml` }))
          .statusCode,
      ).toBe(403);
      await t.close();

      // A server others reach fetches from public addresses only, as it delivers to them.
      t = await createTestServer({ publicUrl: 'https://flowport.contoso.com' });
      const internal = await t.call(t.admin, 'POST', '/api/v1/connectors', {
        url: `${base}/specs/parcels.yaml`,
      });
      expect(internal.statusCode).toBe(422);
      expect(internal.json().detail).toContain(
        '`127.0.0.1` is an internal address; this server reaches public addresses only',
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('imports a description split over files, sent together or as a zip that keeps their folders', async () => {
    t = await createTestServer();
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const loose = await t.call(t.admin, 'POST', '/api/v1/connectors', {
      files: [
        { name: 'parcels.yaml', content: b64(parcelTracker('', "{$ref: 'parcel.yaml'}")) },
        { name: 'parcel.yaml', content: b64('{type: object, properties: {status: {type: string}}}') },
      ],
    });
    expect(loose.statusCode).toBe(201);
    expect(loose.json().converted).toMatchObject({ source: 'parcels.yaml', format: 'openapi-3.0' });

    const zip = zipSync({
      'specs/parcels.yaml': new TextEncoder().encode(
        parcelTracker('', "{$ref: 'schemas/parcel.yaml#/Parcel'}"),
      ),
      'specs/schemas/parcel.yaml': new TextEncoder().encode(
        'Parcel: {type: object, properties: {eta: {type: string, format: date-time}}}',
      ),
      '__MACOSX/specs/._parcels.yaml': new Uint8Array([0, 5, 22, 7]),
    });
    const zipped = await t.app.inject({
      method: 'POST',
      url: '/api/v1/connectors?id=parcels-zipped',
      headers: { ...t.admin.headers, 'content-type': 'application/zip' },
      payload: Buffer.from(zip),
    });
    expect(zipped.statusCode).toBe(201);
    expect(zipped.json().converted).toMatchObject({ source: 'parcels.yaml' });
    const swagger = (await t.store.getConnectorVersion('parcels-zipped'))?.files.find((f) =>
      f.name.endsWith('.swagger.json'),
    );
    expect(Buffer.from(swagger?.bytes ?? []).toString()).toContain('"eta"');

    const refused = async (files: { name: string; content: string }[]) => {
      const res = await t!.call(t!.admin, 'POST', '/api/v1/connectors', { files });
      expect(res.statusCode).toBe(422);
      return res.json().detail as string;
    };
    expect(
      await refused([
        { name: 'a.yaml', content: b64(parcelTracker('', '{type: object}')) },
        { name: 'b.yaml', content: b64(parcelTracker('', '{type: string}')) },
      ]),
    ).toBe(
      'The upload holds 2 descriptions (`a.yaml`, `b.yaml`); upload one, with the files its `$ref`s name.',
    );
    expect(
      await refused([
        { name: 'parcels.yaml', content: b64(parcelTracker('', "{$ref: 'missing.yaml'}")) },
        { name: 'notes.yaml', content: b64('a: 1') },
      ]),
    ).toMatch(
      /^`\$ref: missing\.yaml` in parcels\.yaml names .*missing\.yaml, which cannot be read\. Upload the files its `\$ref`s name together with it/,
    );
    expect(
      await refused([
        { name: 'one.yaml', content: b64('a: 1') },
        { name: 'two.yaml', content: b64('b: 2') },
      ]),
    ).toMatch(/^None of the 2 files uploaded is an OpenAPI or Swagger description/);
  });

  it('lets only admins import and delete connectors', async () => {
    t = await createTestServer();
    const refused = await t.call(t.maker, 'POST', '/api/v1/connectors', { files: uploadOf(TASKLANE) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    await importTasklane(t);
    expect((await t.call(t.maker, 'DELETE', '/api/v1/connectors/tasklane')).statusCode).toBe(403);
    expect((await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane')).statusCode).toBe(200);
    expect((await t.call(t.admin, 'DELETE', '/api/v1/connectors/tasklane')).statusCode).toBe(204);
    expect((await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane')).statusCode).toBe(404);
    expect((await t.call(t.admin, 'DELETE', '/api/v1/connectors/tasklane')).statusCode).toBe(404);
  });
});

describe('reading connectors', () => {
  it('lists connectors and shows one with its connection parameters', async () => {
    t = await createTestServer();
    await importTasklane(t);
    const list = (await t.call(t.maker, 'GET', '/api/v1/connectors')).json();
    expect(list.connectors.map((c: { id: string }) => c.id)).toEqual(['tasklane']);
    const one = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane')).json();
    expect(one.connector.id).toBe('tasklane');
    expect(one.connectionParameters).toEqual([
      expect.objectContaining({ name: 'api_key', type: 'securestring', secret: true, required: true }),
    ]);
    expect(one.validation.preset).toBe('recommended');
  });

  it('lists operations as `flowport operations --format json`, internal ones with all=true', async () => {
    t = await createTestServer();
    await importTasklane(t);
    const ops = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/operations')).json();
    const ids = ops.operations.map((o: { operationId: string }) => o.operationId);
    expect(ids).toContain('ListTasks');
    expect(ids).not.toContain('ListProjects');
    expect(ops.operations[0].visibility).toBe('important');
    const all = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/operations?all=true')).json();
    expect(all.operations.map((o: { operationId: string }) => o.operationId)).toContain('ListProjects');
  });

  it('gives the findings of the latest version and its icon', async () => {
    t = await createTestServer();
    await importTasklane(t, '?preset=certification');
    const validation = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/validation')).json();
    expect(validation.version).toBe(1);
    expect(validation.summary.preset).toBe('certification');
    expect(validation.summary.errors).toBe(
      validation.findings.filter((f: { severity: string }) => f.severity === 'error').length,
    );
    // Tasklane passes the fixable rules; a finding one of them offers a change for says so.
    expect(validation.findings.every((f: { fixable: boolean }) => f.fixable === false)).toBe(true);
    const text = readFileSync(`${TASKLANE}apiDefinition.swagger.json`, 'utf8').replace(
      '"x-ms-url-encoding": "single",',
      '',
    );
    await t.call(t.admin, 'POST', '/api/v1/connectors?preset=certification', {
      files: uploadOf(TASKLANE, { 'apiDefinition.swagger.json': text }),
    });
    const again = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/validation')).json();
    expect(
      again.findings.filter((f: { fixable: boolean }) => f.fixable).map((f: { ruleId: string }) => f.ruleId),
    ).toEqual(['path-parameter-missing-encoding']);
    const icon = await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/icon');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
    expect(icon.rawPayload.equals(readFileSync(`${TASKLANE}icon.png`))).toBe(true);
  });

  it("validates through its validator, which remembers a version's findings from its import on", async () => {
    const calls: string[] = [];
    const inner = inProcessValidator();
    const counting: ConnectorValidator = {
      ...inner,
      validate: (files, options) => {
        calls.push(`validate ${options.preset} ${options.source}`);
        return inner.validate(files, options);
      },
      fix: (files, options) => {
        calls.push(`fix ${options.preset} ${options.source}${options.diff ? ' diff' : ''}`);
        return inner.fix(files, options);
      },
    };
    t = await createTestServer({ validator: rememberingValidator(counting) });
    // Without the encoding, a path parameter gets a (fixable) finding.
    const text = readFileSync(`${TASKLANE}apiDefinition.swagger.json`, 'utf8').replace(
      '"x-ms-url-encoding": "single",',
      '',
    );
    const imported = (
      await t.call(t.admin, 'POST', '/api/v1/connectors?preset=certification', {
        files: uploadOf(TASKLANE, { 'apiDefinition.swagger.json': text }),
      })
    ).json();
    const first = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/validation')).json();
    const second = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/validation')).json();
    // The upload's findings name its files under the connector's id, as the validation route does.
    expect(imported.findings.length).toBeGreaterThan(0);
    for (const f of imported.findings) expect(f.file).toMatch(/^tasklane\//);
    expect(second).toEqual(first);
    expect(first.findings).toEqual(imported.findings);
    const preview = (await t.call(t.maker, 'POST', '/api/v1/connectors/tasklane/fix?dryRun=true')).json();
    expect(preview.diff).toContain('+++ b/apiDefinition.swagger.json');
    expect(calls).toEqual(['validate certification tasklane', 'fix certification tasklane diff']);
  });

  it('answers 404 for an unknown connector on every read route', async () => {
    t = await createTestServer();
    for (const suffix of ['', '/versions', '/operations', '/validation', '/icon']) {
      const res = await t.call(t.maker, 'GET', `/api/v1/connectors/nope${suffix}`);
      expect(res.statusCode, suffix).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });
});

describe('fixing connectors', () => {
  /** Tasklane with a parameter name ending in `?` and a short brand colour: fixable findings. */
  function fixableTasklane() {
    const swagger = readFileSync(`${TASKLANE}apiDefinition.swagger.json`, 'utf8');
    const doc = JSON.parse(swagger);
    const op = Object.values(doc.paths as Record<string, Record<string, { parameters?: unknown[] }>>)
      .flatMap((item) => Object.values(item))
      .find((o) => typeof o === 'object' && o.parameters?.some((p) => (p as { in?: string }).in === 'query'));
    const query = op?.parameters?.find((p) => (p as { in?: string }).in === 'query') as Record<
      string,
      unknown
    >;
    query['x-ms-summary'] = `${query['x-ms-summary']}?`;
    const properties = JSON.parse(readFileSync(`${TASKLANE}apiProperties.json`, 'utf8'));
    properties.properties.iconBrandColor = '#0AF';
    return uploadOf(TASKLANE, {
      'apiDefinition.swagger.json': JSON.stringify(doc, null, 2),
      'apiProperties.json': JSON.stringify(properties, null, 2),
    });
  }

  it('stores the fixed files as a new version, validated and compared as an import is', async () => {
    t = await createTestServer();
    const imported = await t.call(t.admin, 'POST', '/api/v1/connectors?preset=certification', {
      files: fixableTasklane(),
    });
    const offered = imported.json().findings.filter((f: { fixable: boolean }) => f.fixable);
    expect(offered.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([
      'brand-color-short-hex',
      'parameter-summary-characters',
    ]);
    // A dry run shows the changes as a unified diff and makes no version.
    const dry = await t.call(t.admin, 'POST', '/api/v1/connectors/tasklane/fix?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ created: false, fixed: 2, version: { version: 1 } });
    expect(dry.json().diff).toContain('--- a/apiProperties.json\n+++ b/apiProperties.json\n');
    expect(dry.json().diff).toMatch(/^-.*"iconBrandColor": "#0AF"/m);
    expect(dry.json().diff).toMatch(/^\+.*"iconBrandColor": "#00aaff"/m);
    expect(
      (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/versions')).json().versions,
    ).toHaveLength(1);
    const res = await t.call(t.admin, 'POST', '/api/v1/connectors/tasklane/fix');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      created: true,
      fixed: 2,
      version: { version: 2, validation: { preset: 'certification' } },
    });
    expect(body.files.sort()).toEqual(['apiDefinition.swagger.json', 'apiProperties.json']);
    expect(body.findings.filter((f: { fixable: boolean }) => f.fixable)).toEqual([]);
    // Changing names and colours breaks no flow.
    expect(body.breaking).toMatchObject({ summary: { error: 0 } });
    const file = await t.call(t.maker, 'GET', '/api/v1/console/connectors/tasklane/files/apiProperties.json');
    expect(JSON.parse(file.body).properties.iconBrandColor).toBe('#00aaff');
    const validation = (await t.call(t.maker, 'GET', '/api/v1/connectors/tasklane/validation')).json();
    expect(validation.version).toBe(2);
    // Nothing left to fix: no new version.
    const again = await t.call(t.admin, 'POST', '/api/v1/connectors/tasklane/fix');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, fixed: 0, files: [], version: { version: 2 } });
  });

  it('is for admins, on connectors that exist and are not served from a folder', async () => {
    t = await createTestServer();
    await importTasklane(t);
    const maker = await t.call(t.maker, 'POST', '/api/v1/connectors/tasklane/fix');
    expect(maker.statusCode).toBe(403);
    // A dry run changes nothing: makers may look at the changes.
    const look = await t.call(t.maker, 'POST', '/api/v1/connectors/tasklane/fix?dryRun=true');
    expect(look.statusCode).toBe(200);
    expect(look.json()).toMatchObject({ created: false, version: { version: 1 } });
    const missing = await t.call(t.admin, 'POST', '/api/v1/connectors/nope/fix');
    expect(missing.statusCode).toBe(404);
    const latest = await t.store.getConnectorVersion('tasklane');
    await t.store.putConnector({
      id: 'from-folder',
      title: 'From folder',
      files: latest?.files ?? [],
      validation: { preset: 'recommended', errors: 0, warnings: 0, infos: 0 },
      sourcePath: '/srv/connectors/from-folder',
    });
    const folder = await t.call(t.admin, 'POST', '/api/v1/connectors/from-folder/fix');
    expect(folder.statusCode).toBe(409);
    expect(folder.json()).toMatchObject({ code: 'CONNECTOR_FROM_FOLDER' });
    expect(folder.json().detail).toContain('run `flowport validate --fix` on the folder');
  });
});
