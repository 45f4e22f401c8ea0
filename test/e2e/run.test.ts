import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const tasklane = new URL('../../examples/tasklane', import.meta.url).pathname;
const parcelwise = new URL('../../examples/parcelwise', import.meta.url).pathname;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.headers['x-api-key'] !== 'secret-key-1') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad key"}');
      } else if (req.method === 'POST' && body.includes('"title":"Slow"')) {
        // The asynchronous action pattern: accepted, the result at a status URL.
        res.writeHead(202, { location: '/jobs/j1', 'retry-after': '0' }).end();
      } else if (url.pathname === '/jobs/j1') {
        const polls = seen.filter((s) => s.url === '/jobs/j1').length;
        if (polls < 2) res.writeHead(202, { 'retry-after': '0' }).end();
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"t9","title":"Slow"}');
      } else if (url.pathname === '/tasks/odd') {
        // Not what the Task schema says: a number id, a null title, a status outside its enum.
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"id":7,"title":null,"status":"archived","owner":"someone@contoso.com"}');
      } else if (url.pathname === '/tasks/missing') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      } else if (url.pathname.endsWith('/events')) {
        res
          .writeHead(200, { 'content-type': 'text/csv' })
          .end(
            'time,location,code,description\n2026-11-02T10:00:00Z,Leeds,DLV,Delivered\n2026-11-01T08:00:00Z,York,ACC,"Accepted, at depot"\n',
          );
      } else if (req.method === 'DELETE') {
        res.writeHead(204).end();
      } else {
        res
          .writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: 't1', path: url.pathname, title: 'Task', value: [] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('flowport operations', () => {
  it('lists operations grouped as the Power Platform groups them, with connection parameters', async () => {
    const { code, stdout } = await run('operations', tasklane);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Connection parameters\n {2}api_key {2}securestring/);
    expect(stdout.indexOf('Actions')).toBeLessThan(stdout.indexOf('Webhook triggers'));
    expect(stdout).not.toMatch(/DeleteHook/);
    expect((await run('operations', tasklane, '--all')).stdout).toMatch(/DeleteHook/);
  });

  it('prints JSON with kinds and parameters', async () => {
    const { stdout } = await run('operations', tasklane, '--format', 'json');
    const json = JSON.parse(stdout);
    const create = json.operations.find((o: { operationId: string }) => o.operationId === 'CreateTask');
    expect(create).toMatchObject({ method: 'POST', kind: 'action' });
    expect(create.parameters.map((p: { name: string }) => p.name)).toEqual(['projectId', 'body']);
  });
});

describe('flowport run', () => {
  it('prints the request with the key masked and the response, and exits 0', async () => {
    const { code, stdout, stderr } = await run(
      'run',
      tasklane,
      'CreateTask',
      '-p',
      'projectId=p 1',
      '--body',
      '{"title":"Write docs"}',
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`→ POST ${base}/projects/p%201/tasks`);
    expect(stdout).toContain('x-api-key: ***');
    expect(stdout).not.toContain('secret-key-1');
    expect(stdout).toMatch(/← 201 Created/);
    const last = seen.at(-1)!;
    expect(last.headers['x-api-key']).toBe('secret-key-1');
    expect(JSON.parse(last.body)).toEqual({ title: 'Write docs' });
  });

  it('compares the answer with its response schema; --strict-schema makes a difference exit 1', async () => {
    const args = [
      'run',
      tasklane,
      'GetTask',
      '-p',
      'taskId=odd',
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
    ];
    const text = await run(...args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Schema  3 differences, 1 note against response `200`:');
    expect(text.stdout).toContain('! `/id` is an integer; the schema says a string.');
    expect(text.stdout).toContain('! `/title` is null; the schema says a string.');
    expect(text.stdout).toContain("! `/status` is not one of the schema's `enum` values.");
    expect(text.stdout).toContain('i `/owner` is not in the schema.');
    expect(text.stdout).toContain(
      'fix: Add `"x-nullable": true` to the property when the API may send null.',
    );
    expect((await run(...args, '--strict-schema')).code).toBe(1);
    const json = JSON.parse((await run(...args, '--format', 'json')).stdout);
    expect(json.schema.response).toBe('200');
    expect(json.schema.findings.map((f: { kind: string }) => f.kind)).toEqual([
      'type',
      'null',
      'enum',
      'undeclared',
    ]);
    // A matching answer says so, and --strict-schema leaves the exit code alone.
    const fine = await run(
      'run',
      tasklane,
      'ListProjects',
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
      '--strict-schema',
    );
    expect(fine.stdout).toMatch(/Schema {2}(the answer matches|\d+ notes?) /);
    expect(fine.code).toBe(0);
  });

  it('polls an action answered with 202 Accepted and prints its final answer; --no-async does not', async () => {
    const args = ['run', tasklane, 'CreateTask', '-p', 'projectId=p1', '--body', '{"title":"Slow"}'];
    const conn = ['--base-url', base, '--conn', 'api_key=secret-key-1'];
    const { code, stdout, stderr } = await run(...args, ...conn);
    expect(code).toBe(0);
    expect(stderr).toContain('the backend accepted the action (202 Accepted)');
    expect(stderr).toContain(`polling ${base}/jobs/j1 in 1.0 s`);
    expect(stdout).toMatch(/← 200 OK .*after 202 Accepted and 2 polls/);
    expect(stdout).toContain('"id": "t9"');
    const polls = seen.filter((s) => s.url === '/jobs/j1');
    expect(polls).toHaveLength(2);
    expect(polls.every((p) => p.method === 'GET' && p.headers['x-api-key'] === 'secret-key-1')).toBe(true);

    const off = await run(...args, ...conn, '--no-async', '--format', 'json');
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).response.status).toBe(202);
    expect(seen.filter((s) => s.url === '/jobs/j1')).toHaveLength(2);
  });

  it('exits 1 when the backend answers an error, and prints JSON when asked', async () => {
    const { code, stdout } = await run(
      'run',
      tasklane,
      'GetTask',
      '-p',
      'taskId=missing',
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.response).toMatchObject({ status: 404, body: { error: 'not found' } });
    expect(json.request.headers['x-api-key']).toBe('***');
  });

  it('exits 2 with the parameter named when a required value is missing', async () => {
    const { code, stderr } = await run(
      'run',
      tasklane,
      'GetTask',
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/taskId/);
    expect(stderr).toMatch(/PARAMETER_REQUIRED/);
  });

  it('exits 2 when a required connection parameter is missing, without a stack trace', async () => {
    const { code, stderr } = await run('run', tasklane, 'ListProjects', '--base-url', base);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^flowport: .*API key.*\[CONNECTION_INVALID\]\n$/);
  });

  it('exits 1 with a clear error when the backend cannot be reached', async () => {
    const { code, stderr } = await run(
      'run',
      tasklane,
      'ListProjects',
      '--base-url',
      'http://127.0.0.1:1',
      '--conn',
      'api_key=secret-key-1',
      '--retries',
      '1',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/attempt 1 failed \(UPSTREAM_UNREACHABLE\); retrying in/);
    expect(stderr).toMatch(/UPSTREAM_UNREACHABLE/);
    expect(stderr).not.toMatch(/secret-key-1|\n\s+at /);
  });

  it('saves the response body with --output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowport-run-')), 'body.json');
    const { code } = await run(
      'run',
      tasklane,
      'GetTask',
      '-p',
      'taskId=t1',
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
      '-o',
      file,
    );
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: 't1', path: '/tasks/t1' });
  });

  it('runs script.ts custom code: the CSV answer comes back as JSON events', async () => {
    const { code, stdout } = await run(
      'run',
      parcelwise,
      'ListTrackingEvents',
      '-p',
      'trackingNumber=PW123',
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const body = JSON.parse(stdout).response.body;
    expect(body.delivered).toBe(true);
    expect(body.events.map((e: { location: string }) => e.location)).toEqual(['York', 'Leeds']);
    expect(seen.at(-1)?.headers.accept).toBe('text/csv');
  });
});

describe('flowport smoke', () => {
  it('calls every action with example arguments and prints one row each', async () => {
    const { code, stdout } = await run(
      'smoke',
      tasklane,
      '--base-url',
      base,
      '--conn',
      'api_key=secret-key-1',
      '--format',
      'json',
    );
    const rows = JSON.parse(stdout) as {
      operationId: string;
      ok: boolean;
      status: number | null;
      skipped?: boolean;
    }[];
    expect(code).toBe(0);
    const called = rows.filter((r) => !r.skipped).map((r) => r.operationId);
    expect(called).toEqual(
      expect.arrayContaining([
        'ListProjects',
        'ListTasks',
        'CreateTask',
        'GetTask',
        'UpdateTask',
        'DeleteTask',
      ]),
    );
    expect(rows.find((r) => r.operationId === 'OnTaskCreated')?.skipped).toBe(true);
    expect(rows.filter((r) => !r.skipped).every((r) => r.ok)).toBe(true);
  });

  it('exits 1 when an operation fails and says which', async () => {
    const { code, stdout } = await run('smoke', tasklane, '--base-url', base, '--conn', 'api_key=wrong');
    expect(code).toBe(1);
    expect(stdout).toMatch(/ListProjects\s+401/);
    expect(stdout).toMatch(/0 of \d+ operations answered 2xx/);
  });
});

describe('--overlay on the commands that run a connector', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fp-run-overlay-'));
  /** An overlay file in the test's folder. */
  const overlay = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };
  /** The test backend as the connector's host: only an applied overlay sends requests there. */
  const hostPatch = () => ({
    description: 'local',
    apiDefinition: { host: new URL(base).host, schemes: ['http'] },
  });
  /** `flowport run tasklane ListProjects` with the test backend's key and these overlay files. */
  const listProjects = (...files: string[]) =>
    run(
      'run',
      tasklane,
      'ListProjects',
      '--conn',
      'api_key=secret-key-1',
      ...files.flatMap((f) => ['--overlay', f]),
    );

  it('run: calls the host a Merge Patch overlay gives, with no --base-url', async () => {
    const file = overlay('local.json', hostPatch());
    const { code, stdout, stderr } = await listProjects(file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`→ GET ${base}/v1/projects`);
    expect(seen.at(-1)?.url).toBe('/v1/projects');
  });

  it('run: takes an OpenAPI Overlay, and stacks overlays in order', async () => {
    const actions = overlay('actions.json', {
      overlay: '1.0.0',
      info: { title: 'local', version: '1' },
      actions: [{ target: '$', update: { host: new URL(base).host, schemes: ['http'] } }],
    });
    const basePath = overlay('base.json', { apiDefinition: { basePath: '/v2' } });
    const { code, stdout } = await listProjects(actions, basePath);
    expect(code).toBe(0);
    expect(stdout).toContain(`→ GET ${base}/v2/projects`);
  });

  it('operations and mcp --list show what the overlay changes', async () => {
    const file = overlay('summary.json', {
      apiDefinition: { paths: { '/tasks/{taskId}': { get: { summary: 'Get a QA task' } } } },
    });
    const ops = await run('operations', tasklane, '--overlay', file);
    expect(ops.code).toBe(0);
    expect(ops.stdout).toContain('Get a QA task');
    expect((await run('operations', tasklane)).stdout).not.toContain('Get a QA task');
    const mcp = await run(
      'mcp',
      tasklane,
      '--list',
      '--format',
      'json',
      '--overlay',
      file,
      '--conn',
      'api_key=k',
    );
    expect(mcp.code).toBe(0);
    expect(mcp.stdout).toContain('Get a QA task');
  });

  it('smoke: calls every action at the overlay host', async () => {
    const file = overlay('smoke.json', hostPatch());
    const { stdout } = await run('smoke', tasklane, '--conn', 'api_key=secret-key-1', '--overlay', file);
    expect(stdout).toMatch(/ListProjects\s+200/);
  });

  it('refuses --overlay with --connection: the server runs its own copy', async () => {
    const file = overlay('remote.json', hostPatch());
    for (const argv of [
      ['run', tasklane, 'ListProjects', '--connection', 'con_1', '--overlay', file],
      ['mcp', '--connection', 'con_1', '--overlay', file],
      ['trigger', tasklane, 'OnTaskCreated', '--connection', 'con_1', '--overlay', file],
    ]) {
      const { code, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stderr).toContain('--overlay changes the connector in this process');
    }
  });

  it('names an overlay file that is not one, and the fix', async () => {
    const file = overlay('bad.json', { apiDefinition: { host: 'x' }, hosts: [] });
    const { code, stderr } = await run('run', tasklane, 'ListProjects', '--overlay', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file} has an unknown member \`hosts\``);
    const trigger = await run('trigger', tasklane, 'OnTaskCompleted', '--overlay', file);
    expect(trigger.code).toBe(2);
    expect(trigger.stderr).toContain('has an unknown member `hosts`');
    const missing = await run('operations', tasklane, '--overlay', join(dir, 'nowhere.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.json');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
