/**
 * `flowport response-schema`: a schema inferred from samples or from the operation's answer, written
 * into a copy of the Tasklane example, then checked by `flowport run` against the same answer.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
const KEY = 'rs-key-8f3a';
let server: Server;
let base = '';
let dir = '';
let samples = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.headers['x-api-key'] !== KEY) return void res.writeHead(401).end();
    if (req.url === '/projects')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          value: [
            { id: 'p1', name: 'Home', archived: false, created: '2026-11-01T09:00:00Z', owner: null },
            { id: 'p2', name: 'Work', archived: true, owner: 'ana@contoso.com' },
          ],
        }),
      );
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such task"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  samples = mkdtempSync(join(tmpdir(), 'flowport-samples-'));
  writeFileSync(join(samples, 'a.json'), JSON.stringify({ id: 't1', points: 3, tags: ['x'] }));
  writeFileSync(join(samples, 'b.json'), JSON.stringify({ id: 't2', points: 2.5, done: null }));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'flowport-rs-')), 'tasklane');
  cpSync(example, dir, { recursive: true });
});

const swagger = () => JSON.parse(readFileSync(join(dir, 'apiDefinition.swagger.json'), 'utf8'));
const conn = () => ['--base-url', base, '--conn', `api_key=${KEY}`];

describe('flowport response-schema', () => {
  it('merges sample files into one schema and prints it, leaving the swagger alone without --write', async () => {
    const before = readFileSync(join(dir, 'apiDefinition.swagger.json'), 'utf8');
    const run = await runCli([
      'response-schema',
      dir,
      'GetTask',
      '--sample',
      join(samples, 'a.json'),
      '--sample',
      join(samples, 'b.json'),
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', 'x-ms-summary': 'ID' },
        points: { type: 'number', 'x-ms-summary': 'Points' },
        tags: { type: 'array', items: { type: 'string' }, 'x-ms-summary': 'Tags' },
        done: { 'x-ms-summary': 'Done' },
      },
    });
    expect(run.stderr).toContain('`/done` is null in every sample');
    expect(run.stderr).toContain('(it has one already); --write puts it in the swagger');
    expect(readFileSync(join(dir, 'apiDefinition.swagger.json'), 'utf8')).toBe(before);
  });

  it('calls the operation, writes the schema over the old one with --force, and run then finds no difference', async () => {
    const refused = await runCli(['response-schema', dir, 'ListProjects', ...conn(), '--write']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'has a schema already; --force replaces it (run `flowport breaking` after',
    );
    const run = await runCli(['response-schema', dir, 'ListProjects', ...conn(), '--write', '--force']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('`ListProjects` answered 200; its body is the sample.');
    expect(run.stderr).toContain(
      'wrote the schema of response `200` of `ListProjects` into apiDefinition.swagger.json',
    );
    const written = swagger().paths['/projects'].get.responses['200'].schema;
    expect(written.properties.value.items.properties).toMatchObject({
      created: { type: 'string', format: 'date-time' },
      owner: { type: 'string', format: 'email', 'x-nullable': true },
    });
    expect(readFileSync(join(dir, 'apiDefinition.swagger.json'), 'utf8')).not.toContain('ana@contoso.com');
    const check = await runCli([
      'run',
      dir,
      'ListProjects',
      ...conn(),
      '--strict-schema',
      '--format',
      'json',
    ]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).schema.findings).toEqual([]);
  });

  it('adds a schema to a response without one, and a response the operation does not declare', async () => {
    const sample = join(samples, 'a.json');
    expect(
      (await runCli(['response-schema', dir, 'DeleteTask', '--status', '204', '--sample', sample, '--write']))
        .code,
    ).toBe(0);
    expect(swagger().paths['/tasks/{taskId}'].delete.responses['204'].schema.type).toBe('object');
    expect(
      (await runCli(['response-schema', dir, 'DeleteTask', '--status', '202', '--sample', sample, '--write']))
        .code,
    ).toBe(0);
    expect(swagger().paths['/tasks/{taskId}'].delete.responses['202']).toMatchObject({
      description: 'Accepted',
      schema: { type: 'object' },
    });
    // Still indented as the example is.
    expect(readFileSync(join(dir, 'apiDefinition.swagger.json'), 'utf8')).toMatch(/\n {2}"paths": \{/);
  });

  it('smoke --write-schemas fills the responses that declare none from their answers', async () => {
    const path = join(dir, 'apiDefinition.swagger.json');
    const edited = swagger();
    delete edited.paths['/projects'].get.responses['200'].schema;
    writeFileSync(path, JSON.stringify(edited, null, 2));
    const first = await runCli(['smoke', dir, '--only', 'ListProjects', ...conn(), '--write-schemas']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1 answer differs from the response schema');
    expect(first.stderr).toContain(
      'wrote the response schemas of ListProjects (200) into apiDefinition.swagger.json',
    );
    expect(swagger().paths['/projects'].get.responses['200'].schema.properties.value.type).toBe('array');
    const again = await runCli([
      'smoke',
      dir,
      '--only',
      'ListProjects',
      ...conn(),
      '--write-schemas',
      '--strict-schema',
    ]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('no answer lacked a response schema; nothing was written.');
  });

  it('refuses an answer that is not 2xx, an unknown operation and a bad status, without a stack trace', async () => {
    const failed = await runCli(['response-schema', dir, 'GetTask', '-p', 'taskId=t1', ...conn()]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('`GetTask` answered 404, not 2xx');
    const unknown = await runCli(['response-schema', dir, 'GetTasks', '--sample', join(samples, 'a.json')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no operation `GetTasks`');
    const status = await runCli([
      'response-schema',
      dir,
      'GetTask',
      '--sample',
      join(samples, 'a.json'),
      '--status',
      'ok',
    ]);
    expect(status.code).toBe(2);
    for (const r of [failed, unknown, status]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
