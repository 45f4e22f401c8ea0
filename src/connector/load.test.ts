import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { FlowportError } from '../errors.ts';
import { connectorFromFiles, loadConnectorSync } from './load.ts';

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(JSON.stringify(value));
const dir = mkdtempSync(join(tmpdir(), 'flowport-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const swagger = {
  swagger: '2.0',
  info: { title: 'Tasks', version: '1.0' },
  paths: { '/tasks': { get: { operationId: 'ListTasks', responses: { '200': { description: 'OK' } } } } },
};
const props = { properties: { iconBrandColor: '#007ee5' } };

/** Writes `files` into a new folder under the test's temporary directory. */
function folder(name: string, files: Record<string, Uint8Array | string>): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
  return path;
}

/** A connector from in-memory documents, for the operation index. */
function fromSwagger(doc: unknown, extra: Record<string, unknown> = {}) {
  const files = [{ name: 'apiDefinition.swagger.json', bytes: json(doc) }];
  for (const [name, value] of Object.entries(extra))
    files.push({ name, bytes: typeof value === 'string' ? encoder.encode(value) : json(value) });
  return connectorFromFiles(files);
}

describe('loadConnectorSync on a folder', () => {
  it('matches file names case-insensitively and lists the others', () => {
    const path = folder('casing', {
      'APIDEFINITION.SWAGGER.JSON': json(swagger),
      'ApiProperties.json': json(props),
      'README.md': '# Tasks',
      'Script.csx': 'public class Script {}',
      'notes.txt': 'x',
    });
    mkdirSync(join(path, 'images'));
    const c = loadConnectorSync(path);
    expect(c.sourceType).toBe('folder');
    expect(c.files.swagger?.name).toBe('APIDEFINITION.SWAGGER.JSON');
    expect(c.files.apiProperties?.path).toBe(join(path, 'ApiProperties.json'));
    expect(c.files.readme?.text).toBe('# Tasks');
    expect(c.files.script).toBeDefined();
    expect(c.otherFiles).toEqual(['notes.txt']);
    expect(c.operations.map((op) => op.id)).toEqual(['ListTasks']);
  });

  it('takes a swagger with another `*.swagger.json` name when the standard one is missing', () => {
    const c = loadConnectorSync(folder('other-name', { 'CQC-Connector.swagger.json': json(swagger) }));
    expect(c.files.swagger?.name).toBe('CQC-Connector.swagger.json');
    expect(c.otherFiles).toEqual([]);
  });

  it('accepts a trailing path separator', () => {
    const path = folder('trailing', { 'apiDefinition.swagger.json': json(swagger) });
    expect(loadConnectorSync(`${path}/`).source).toBe(path);
  });

  it('tells the kind of connector from the folder it sits in', () => {
    const path = folder('independent-publisher-connectors/Tasks', {
      'apiDefinition.swagger.json': json(swagger),
    });
    expect(loadConnectorSync(path).kind).toBe('independent-publisher');
    expect(loadConnectorSync(path, { kind: 'custom' }).kind).toBe('custom');
  });
});

describe('loadConnectorSync on a zip', () => {
  const files = { 'apiDefinition.swagger.json': json(swagger), 'apiProperties.json': json(props) };

  it('reads the files at the root of the zip', () => {
    writeFileSync(join(dir, 'flat.zip'), zipSync(files));
    const c = loadConnectorSync(join(dir, 'flat.zip'));
    expect(c.sourceType).toBe('zip');
    expect(c.files.apiProperties?.text).toBe(JSON.stringify(props));
    expect(c.operations).toHaveLength(1);
  });

  it('looks through a single top-level folder', () => {
    writeFileSync(
      join(dir, 'nested.zip'),
      zipSync({ tasks: { ...files, images: { 'a.png': new Uint8Array(1) } } }),
    );
    const c = loadConnectorSync(join(dir, 'nested.zip'));
    expect(c.files.swagger?.name).toBe('apiDefinition.swagger.json');
    expect(c.otherFiles).toEqual([]);
  });

  it("looks through the folder of a zip made on macOS, whose __MACOSX folder is not the connector's", () => {
    writeFileSync(
      join(dir, 'mac.zip'),
      zipSync({
        tasks: files,
        __MACOSX: { tasks: { '._apiDefinition.swagger.json': new Uint8Array([0, 5]) } },
      }),
    );
    const c = loadConnectorSync(join(dir, 'mac.zip'));
    expect(c.files.swagger?.name).toBe('apiDefinition.swagger.json');
    expect(c.operations).toHaveLength(1);
  });

  it('recognises a zip by its signature whatever its extension', () => {
    writeFileSync(join(dir, 'package.bin'), zipSync(files));
    expect(loadConnectorSync(join(dir, 'package.bin')).sourceType).toBe('zip');
  });

  it('throws ZIP_INVALID for a damaged archive', () => {
    writeFileSync(join(dir, 'broken.zip'), zipSync(files).slice(0, 40));
    expect(() => loadConnectorSync(join(dir, 'broken.zip'))).toThrow(
      expect.objectContaining({ code: 'ZIP_INVALID' }),
    );
  });
});

describe('loadConnectorSync on a single file and on nothing', () => {
  it('reads a single file as the swagger, whatever its name', () => {
    writeFileSync(join(dir, 'openapi.json'), json(swagger));
    const c = loadConnectorSync(join(dir, 'openapi.json'));
    expect(c.sourceType).toBe('file');
    expect(c.files.swagger?.name).toBe('openapi.json');
    expect(c.files.apiProperties).toBeUndefined();
  });

  it('throws CONNECTOR_NOT_FOUND for a path that does not exist', () => {
    const missing = join(dir, 'nope');
    expect(() => loadConnectorSync(missing)).toThrow(FlowportError);
    expect(() => loadConnectorSync(missing)).toThrow(
      expect.objectContaining({ code: 'CONNECTOR_NOT_FOUND' }),
    );
  });
});

describe('operation index', () => {
  const hook = {
    type: 'object',
    properties: { callbackUrl: { type: 'string', 'x-ms-notification-url': true } },
  };
  const c = fromSwagger({
    swagger: '2.0',
    paths: {
      '/tasks': {
        get: { operationId: 'ListTasks', responses: {} },
        post: { operationId: 'OnNewTask', 'x-ms-trigger': 'batch', responses: {} },
      },
      '/hooks': {
        post: {
          operationId: 'OnTaskDone',
          'x-ms-trigger': 'single',
          parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Hook' } }],
          responses: {},
        },
      },
      '/hooks/content': {
        'x-ms-notification-content': { schema: { type: 'object' } },
        post: { operationId: 'OnComment', 'x-ms-trigger': 'single', responses: {} },
      },
      '/wait': {
        post: {
          operationId: 'WaitForApproval',
          parameters: [{ name: 'body', in: 'body', schema: { allOf: [{ $ref: '#/definitions/Hook' }] } }],
          responses: {},
        },
      },
    },
    definitions: { Hook: hook },
  });

  it.each([
    ['ListTasks', 'action'],
    ['OnNewTask', 'polling-trigger'],
    ['OnTaskDone', 'webhook-trigger'],
    ['OnComment', 'webhook-trigger'],
    ['WaitForApproval', 'callback-action'],
  ])('classifies %s as %s', (id, kind) => {
    expect(c.operation(id)?.kind).toBe(kind);
  });

  it('finds the notification URL through `$ref` and `allOf`', () => {
    expect(c.operation('OnTaskDone')?.notificationUrlPath).toEqual(['callbackUrl']);
    expect(c.operation('WaitForApproval')?.notificationUrlPath).toEqual(['callbackUrl']);
    expect(c.operation('OnComment')?.notificationContent?.pointer).toBe(
      '/paths/~1hooks~1content/x-ms-notification-content',
    );
  });

  it('labels operations without an operationId by method and path', () => {
    const d = fromSwagger({ swagger: '2.0', paths: { '/a': { delete: { responses: {} } } } });
    expect(d.operations.map((op) => [op.id, op.label])).toEqual([[undefined, 'DELETE /a']]);
  });
});

describe('operation parameters', () => {
  const c = fromSwagger({
    swagger: '2.0',
    paths: {
      '/tasks/{id}': {
        parameters: [
          { $ref: '#/parameters/id' },
          { name: 'version', in: 'query', type: 'string', description: 'path level' },
        ],
        get: {
          operationId: 'GetTask',
          parameters: [
            { name: 'version', in: 'query', type: 'integer', description: 'operation level' },
            { name: 'version', in: 'header', type: 'string' },
          ],
          responses: {},
        },
      },
    },
    parameters: { id: { name: 'id', in: 'path', required: 'true', type: 'string' } },
  });
  const params = c.operation('GetTask')?.parameters ?? [];

  it('merges path-level parameters, the operation winning for the same name and location', () => {
    expect(params.map((p) => `${p.in}:${p.name}:${p.level}`)).toEqual([
      'path:id:shared',
      'query:version:operation',
      'header:version:operation',
    ]);
    expect(params[1]?.description).toBe('operation level');
  });

  it('resolves `$ref` parameters and keeps where they are used', () => {
    expect(params[0]).toMatchObject({
      ref: '#/parameters/id',
      pointer: '/parameters/id',
      usedAt: '/paths/~1tasks~1{id}/parameters/0',
      required: true,
    });
  });
});

describe('custom code coverage', () => {
  const doc = {
    swagger: '2.0',
    paths: {
      '/a': { get: { operationId: 'GetA', responses: {} } },
      '/b': { get: { operationId: 'GetB', responses: {} } },
    },
  };
  const withProps = (scriptOperations: unknown) => ({
    'apiProperties.json': { properties: { scriptOperations } },
    'script.csx': 'public class Script {}',
  });
  const covered = (c: ReturnType<typeof fromSwagger>) =>
    c.operations.filter((op) => op.customCode).map((op) => op.id);

  it('runs the script for every operation when `scriptOperations` is absent', () => {
    expect(covered(fromSwagger(doc, { 'script.csx': 'x' }))).toEqual(['GetA', 'GetB']);
  });

  it('runs the script for the listed operations only, matched case-insensitively', () => {
    expect(covered(fromSwagger(doc, withProps(['getb'])))).toEqual(['GetB']);
  });

  it('runs the script for every operation when `scriptOperations` is empty', () => {
    expect(covered(fromSwagger(doc, withProps([])))).toEqual(['GetA', 'GetB']);
  });

  it.each([
    ['`script.csx` alone', { 'script.csx': 'x' }, 'csharp'],
    ['`script.ts` alone', { 'script.ts': 'x' }, 'typescript'],
    ['both `script.csx` and `script.ts`', { 'script.csx': 'x', 'script.ts': 'x' }, 'typescript'],
  ])('names the language of the custom code with %s', (_name, files, language) => {
    const c = fromSwagger(doc, {
      ...files,
      'apiProperties.json': { properties: { scriptOperations: ['GetA'] } },
    });
    expect(c.operations.map((op) => [op.id, op.customCodeLanguage])).toEqual([
      ['GetA', language],
      ['GetB', undefined],
    ]);
  });

  it('reads `script.ts` as a connector file, not as another file', () => {
    const c = fromSwagger(doc, { 'Script.ts': 'export default class Script {}' });
    expect(c.files.scriptTs?.text).toBe('export default class Script {}');
    expect(c.otherFiles).toEqual([]);
  });

  it('runs no custom code without a script', () => {
    expect(
      covered(fromSwagger(doc, { 'apiProperties.json': { properties: { scriptOperations: ['GetA'] } } })),
    ).toEqual([]);
  });
});

describe('Connector.resolve', () => {
  const c = fromSwagger({
    swagger: '2.0',
    paths: {},
    definitions: {
      A: { $ref: '#/definitions/B' },
      B: { type: 'string' },
      X: { $ref: '#/definitions/Y' },
      Y: { $ref: '#/definitions/X' },
    },
  });

  it('follows chains of `$ref`s', () => {
    expect(c.resolve('#/definitions/A')).toEqual({ value: { type: 'string' }, pointer: '/definitions/B' });
  });

  it('gives up on cycles, missing targets and external refs', () => {
    expect(c.resolve('#/definitions/X')).toBeUndefined();
    expect(c.resolve('#/definitions/Nope')).toBeUndefined();
    expect(c.resolve('other.json#/definitions/B')).toBeUndefined();
  });
});
