import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

function description(version: string, extraPath = false): string {
  const paths: Record<string, unknown> = {
    '/items': {
      get: {
        operationId: 'listItems',
        summary: 'List items',
        parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'Items',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
          },
        },
      },
    },
  };
  if (extraPath)
    paths['/items/{id}'] = {
      delete: {
        operationId: 'deleteItem',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Deleted' } },
      },
    };
  return `openapi: 3.0.3\ninfo:\n  title: Items\n  version: "${version}"\nservers:\n  - url: https://items.example.org\npaths: ${JSON.stringify(paths)}\n`;
}

function workspace(): { dir: string; v1: string; v2: string } {
  const root = mkdtempSync(join(tmpdir(), 'flowport-init-'));
  const v1 = join(root, 'v1.yaml');
  const v2 = join(root, 'v2.yaml');
  writeFileSync(v1, description('1'));
  writeFileSync(v2, description('2', true));
  return { dir: join(root, 'connector'), v1, v2 };
}

describe('flowport init', () => {
  it('writes a connector folder that validates without errors under recommended', async () => {
    const { dir, v1 } = workspace();
    const init = await run('init', dir, '--from', v1, '--publisher', 'Items Ltd');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/1 of 1 operations converted/);
    for (const f of [
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
      'icon.png',
      'conversion-report.md',
    ])
      expect(existsSync(join(dir, f))).toBe(true);
    const validate = await run('validate', dir, '--preset', 'recommended', '--format', 'json');
    expect(validate.code).toBe(0);
  });

  it('refuses to overwrite a connector without --force, and overwrites with it', async () => {
    const { dir, v1 } = workspace();
    await run('init', dir, '--from', v1);
    const again = await run('init', dir, '--from', v1);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/INIT_TARGET_EXISTS/);
    expect((await run('init', dir, '--from', v1, '--force')).code).toBe(0);
  });

  it('converts a description split over files, its refs brought together', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-init-files-'));
    mkdirSync(join(root, 'schemas'));
    writeFileSync(
      join(root, 'openapi.yaml'),
      `openapi: 3.0.3\ninfo: {title: Items, version: '1'}\nservers: [{url: 'https://items.contoso.com'}]\npaths:\n  /items:\n    get:\n      operationId: listItems\n      responses:\n        '200':\n          description: Items\n          content:\n            application/json:\n              schema: {type: array, items: {$ref: './schemas/Item.yaml'}}\n`,
    );
    writeFileSync(join(root, 'schemas', 'Item.yaml'), 'type: object\nproperties:\n  id: {type: string}\n');
    const init = await run('init', join(root, 'c'), '--from', join(root, 'openapi.yaml'));
    expect(init.code).toBe(0);
    const swagger = JSON.parse(readFileSync(join(root, 'c', 'apiDefinition.swagger.json'), 'utf8'));
    expect(swagger.definitions).toEqual({ Item: { type: 'object', properties: { id: { type: 'string' } } } });
    writeFileSync(join(root, 'schemas', 'Item.yaml'), 'type: [unclosed\n');
    const broken = await run('init', join(root, 'd'), '--from', join(root, 'openapi.yaml'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^flowport: Item\.yaml is neither JSON nor YAML at line 2/);
  });

  it('converts a description read from a URL, with the documents its refs name fetched too', async () => {
    const served: Record<string, string> = {
      '/api/openapi.yaml': `openapi: 3.0.3\ninfo: {title: Remote Items, version: '1'}\nservers: [{url: 'https://items.contoso.com'}]\npaths:\n  /items:\n    get:\n      operationId: listItems\n      responses:\n        '200':\n          description: Items\n          content:\n            application/json:\n              schema: {type: array, items: {$ref: 'schemas/Item.yaml'}}\n`,
      '/api/schemas/Item.yaml': 'type: object\nproperties:\n  id: {type: string}\n',
    };
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const text = served[req.url ?? ''];
      res.writeHead(text ? 200 : 404, { 'content-type': 'application/yaml' }).end(text ?? 'not here');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const root = mkdtempSync(join(tmpdir(), 'flowport-init-url-'));
      const init = await run('init', join(root, 'c'), '--from', `${base}/api/openapi.yaml`);
      expect(init.code).toBe(0);
      expect(seen).toEqual(['/api/openapi.yaml', '/api/schemas/Item.yaml']);
      const swagger = JSON.parse(readFileSync(join(root, 'c', 'apiDefinition.swagger.json'), 'utf8'));
      expect(swagger.info.title).toBe('Remote Items');
      expect(swagger.definitions).toEqual({
        Item: { type: 'object', properties: { id: { type: 'string' } } },
      });
      expect(readFileSync(join(root, 'c', 'conversion-report.md'), 'utf8')).toContain(
        'Converted `openapi.yaml`',
      );
      const missing = await run('init', join(root, 'd'), '--from', `${base}/api/nothing.yaml`);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(
        `Cannot fetch ${base}/api/nothing.yaml: the server answered 404 Not Found.`,
      );
    } finally {
      server.close();
    }
  });

  it('writes nothing with --dry-run', async () => {
    const { dir, v1 } = workspace();
    const dry = await run('init', dir, '--from', v1, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing written/);
    expect(existsSync(dir)).toBe(false);
  });

  it('exits 2 without a description or with an unreadable one', async () => {
    const { dir } = workspace();
    expect((await run('init', dir)).code).toBe(2);
    const missing = await run('init', dir, '--from', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/CONVERT_INPUT_INVALID/);
  });

  it('--update re-imports a newer description and keeps the author’s summary', async () => {
    const { dir, v1, v2 } = workspace();
    await run('init', dir, '--from', v1);
    const file = join(dir, 'apiDefinition.swagger.json');
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.paths['/items'].get.summary = 'Find items';
    writeFileSync(file, JSON.stringify(edited));
    const update = await run('init', dir, '--update', v2);
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/1 added/);
    expect(update.stdout).toMatch(/\+ deleteItem/);
    const merged = JSON.parse(readFileSync(file, 'utf8'));
    expect(merged.paths['/items'].get.summary).toBe('Find items');
    expect(merged.paths['/items/{id}'].delete.operationId).toBe('deleteItem');
    expect(merged.info.version).toBe('2');
  });

  it('--update writes nothing when the newer description breaks flows built on the connector, unless allowed', async () => {
    const { dir, v1, v2 } = workspace();
    await run('init', dir, '--from', v2);
    const file = join(dir, 'apiDefinition.swagger.json');
    const before = readFileSync(file, 'utf8');
    // v1 has no deleteItem: flows using it would break.
    const refused = await run('init', dir, '--update', v1);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Breaking: 1 change breaks flows built on the connector as it is/);
    expect(refused.stdout).toContain(
      'The operation has been deleted. This change breaks existing flows. operation/deleteItem',
    );
    expect(refused.stderr).toContain('nothing written');
    expect(refused.stderr).toContain('--allow-breaking');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const allowed = await run('init', dir, '--update', v1, '--allow-breaking');
    expect(allowed.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).paths['/items/{id}']?.delete).toBeUndefined();
  });

  it('splits a description over 256 operations by tag into connectors that each validate', {
    timeout: 60_000,
  }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-split-'));
    const from = join(root, 'big.yaml');
    writeFileSync(from, bigDescription(300));
    const dir = join(root, 'out');
    const init = await run('init', dir, '--from', from, '--preset', 'recommended');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/split by tag into 2 connectors/);
    const folders = readdirSync(dir).filter((f) => existsSync(join(dir, f, 'apiDefinition.swagger.json')));
    expect(folders).toEqual(['things-alpha', 'things-gamma']);
    expect(readFileSync(join(dir, 'conversion-report.md'), 'utf8')).toMatch(/## Split into 2 connectors/);
    let operations = 0;
    for (const folder of folders) {
      const swagger = JSON.parse(readFileSync(join(dir, folder, 'apiDefinition.swagger.json'), 'utf8'));
      const ops = Object.values(swagger.paths as Record<string, object>).flatMap((item) => Object.keys(item));
      expect(ops.length).toBeLessThanOrEqual(256);
      operations += ops.length;
      // Only the definitions its operations use.
      expect(Object.keys(swagger.definitions ?? {}).length).toBeLessThan(300);
      const validate = await run(
        'validate',
        join(dir, folder),
        '--preset',
        'recommended',
        '--fail-on',
        'error',
      );
      expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    }
    expect(operations).toBe(300);
    // `--split none` writes one connector, which exceeds the limit.
    const single = join(root, 'single');
    const none = await run('init', single, '--from', from, '--split', 'none', '--preset', 'recommended');
    expect(none.code).toBe(0);
    expect(existsSync(join(single, 'apiDefinition.swagger.json'))).toBe(true);
    expect(none.stdout).toMatch(/total-operations-count-exceeds-max-allowed/);
  });

  it('--update of one split folder takes only its own tags from the newer description', {
    timeout: 60_000,
  }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-split-'));
    const v1 = join(root, 'v1.yaml');
    const v2 = join(root, 'v2.yaml');
    writeFileSync(v1, bigDescription(300));
    writeFileSync(v2, bigDescription(302));
    const dir = join(root, 'out');
    expect((await run('init', dir, '--from', v1)).code).toBe(0);
    const update = await run('init', join(dir, 'things-gamma'), '--update', v2);
    expect(update.code, update.stderr).toBe(0);
    const swagger = JSON.parse(readFileSync(join(dir, 'things-gamma', 'apiDefinition.swagger.json'), 'utf8'));
    const ids = Object.values(
      swagger.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids).toContain('getThing301');
    expect(ids.filter((id) => Number(id.slice(8)) < 150)).toEqual([]);
    expect(ids.length).toBe(152);
    expect(swagger.info.title).toBe('Things gamma');
  });
});

/** `n` operations: the first half tagged `alpha`, the rest `gamma`, each with its own schema. */
function bigDescription(n: number): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    schemas[`Thing${i}`] = {
      type: 'object',
      properties: { id: { type: 'string' }, size: { type: 'integer' } },
    };
    paths[`/things${i}`] = {
      get: {
        operationId: `getThing${i}`,
        summary: `Get thing ${i}`,
        tags: [i < 150 ? 'alpha' : 'gamma'],
        responses: {
          '200': {
            description: 'The thing',
            content: { 'application/json': { schema: { $ref: `#/components/schemas/Thing${i}` } } },
          },
        },
      },
    };
  }
  return JSON.stringify({
    openapi: '3.0.3',
    info: {
      title: 'Things',
      version: '1',
      description: 'Things to get, one operation each, for a split test.',
    },
    servers: [{ url: 'https://things.example.org' }],
    paths,
    components: { schemas },
  });
}
