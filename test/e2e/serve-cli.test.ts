import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/cli/actions/serve.ts';
import { main } from '../../src/cli/main.ts';
import { freePort } from '../../src/server/free-port.ts';
import { openStore } from '../../src/store/open.ts';
import { testEngines } from '../../src/store/testing.ts';

const root = new URL('../..', import.meta.url).pathname;
const tasklane = join(root, 'examples/tasklane');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

let backend: Server;
let backendUrl = '';
const keysSeen: string[] = [];

beforeAll(async () => {
  backend = createServer((req, res) => {
    keysSeen.push(String(req.headers['x-api-key']));
    req.resume();
    req.on('end', () => {
      res
        .writeHead(req.headers['x-api-key'] === 'key-42' ? 200 : 401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ value: [{ id: 't1', title: 'Write docs' }], path: req.url }));
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const address = backend.address();
  backendUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => backend.close(() => resolve())));

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

/** `startServer` on a home of its own with `--overlay-name qa`, no backend overrides, not watching. */
const serveQa = (
  dirs: string[],
  io: Parameters<typeof startServer>[2] = quiet,
  home = mkdtempSync(join(tmpdir(), 'flowport-serve-overlay-home-')),
) =>
  startServer(
    dirs,
    { port: 0, host: '127.0.0.1', home, backend: [], watch: false, logLevel: 'silent', overlayName: 'qa' },
    io,
  );

describe('flowport serve --overlay-name', () => {
  it('hosts each folder as its overlays/<name>.json changes it, and a folder without one as it is', async () => {
    const dirs = mkdtempSync(join(tmpdir(), 'flowport-serve-overlay-'));
    const qa = join(dirs, 'tasklane');
    cpSync(tasklane, qa, { recursive: true });
    mkdirSync(join(qa, 'overlays'));
    const host = new URL(backendUrl).host;
    writeFileSync(
      join(qa, 'overlays', 'qa.json'),
      JSON.stringify({ apiDefinition: { host, schemes: ['http'] } }),
    );
    const home = mkdtempSync(join(tmpdir(), 'flowport-serve-overlay-home-'));
    const started = await serveQa([dirs], quiet, home);
    try {
      expect(started.imported).toMatchObject([{ id: 'tasklane', overlay: join(qa, 'overlays', 'qa.json') }]);
      const client = ['--server', started.server.url, '--home', home];
      const connected = await cli('connect', 'tasklane', '--conn', 'api_key=key-42', ...client);
      const id = connected.stdout.split(/\s+/)[0] ?? '';
      // No --backend: the overlay's host is where the server sends the call.
      const ran = await cli('run', 'tasklane', 'ListProjects', '--connection', id, '-f', 'json', ...client);
      expect(ran.code).toBe(0);
      expect(JSON.parse(ran.stdout).response).toMatchObject({ status: 200, body: { path: '/v1/projects' } });
    } finally {
      await started.stop();
    }
    const plain = await serveQa([tasklane]);
    try {
      expect(plain.imported).toHaveLength(1);
      expect(plain.imported[0]?.overlay).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });

  it('refuses a name that is a path, and names an overlay that is not one', async () => {
    const bad = await cli('serve', tasklane, '--overlay-name', '../qa', '--port', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--overlay-name');
    const dir = join(mkdtempSync(join(tmpdir(), 'flowport-serve-overlay-bad-')), 'tasklane');
    cpSync(tasklane, dir, { recursive: true });
    mkdirSync(join(dir, 'overlays'));
    writeFileSync(join(dir, 'overlays', 'qa.json'), '{"apiDefinition": 1}');
    let stderr = '';
    const started = await serveQa([dir], {
      stdout: { write: () => true },
      stderr: {
        write: (t: string) => {
          stderr += t;
          return true;
        },
      },
    });
    try {
      expect(started.imported).toEqual([]);
      expect(stderr).toContain(
        `cannot load ${dir}: ${join(dir, 'overlays', 'qa.json')} has an \`apiDefinition\` that is not an object`,
      );
    } finally {
      await started.stop();
    }
  });
});

describe('flowport serve and its client commands', () => {
  it('creates the first admin, connects, lists, runs through the server, and rotates the key', async () => {
    const home = mkdtempSync(join(tmpdir(), 'flowport-serve-'));
    const started = await startServer(
      [tasklane],
      {
        port: 0,
        host: '127.0.0.1',
        home,
        backend: [`tasklane=${backendUrl}/v1`],
        watch: false,
        logLevel: 'silent',
      },
      quiet,
    );
    try {
      expect(started.adminToken).toMatch(/^fp_/);
      expect(readFileSync(join(home, 'admin.token'), 'utf8').trim()).toBe(started.adminToken);
      expect(statSync(join(home, 'admin.token')).mode & 0o777).toBe(0o600);
      expect(started.imported.map((c) => c.id)).toEqual(['tasklane']);
      const client = ['--server', started.server.url, '--home', home];

      const connected = await cli(
        'connect',
        'tasklane',
        '--conn',
        'api_key=key-42',
        '--name',
        'mine',
        ...client,
      );
      expect(connected.code).toBe(0);
      const id = connected.stdout.split(/\s+/)[0] ?? '';
      expect(id).toMatch(/^con_/);
      expect(connected.stdout).toContain('connected, secrets set: api_key');
      expect(connected.stdout).not.toContain('key-42');

      const listed = await cli('connections', '--format', 'json', ...client);
      expect(JSON.parse(listed.stdout)).toMatchObject([{ id, name: 'mine', secretsSet: ['api_key'] }]);

      const ran = await cli(
        'run',
        'tasklane',
        'ListTasks',
        '--connection',
        id,
        '-p',
        'projectId=p1',
        '--format',
        'json',
        ...client,
      );
      expect(ran.code).toBe(0);
      const result = JSON.parse(ran.stdout);
      expect(result.response).toMatchObject({ status: 200, body: { path: '/v1/projects/p1/tasks' } });
      expect(result.request.headers['x-api-key']).toBe('***');
      expect(keysSeen.at(-1)).toBe('key-42');
      // The server's check of the answer against the response schema comes through.
      expect(result.schema.response).toBe('200');
      expect(result.schema.findings.map((f: { kind: string; at: string }) => `${f.kind} ${f.at}`)).toContain(
        'undeclared /path',
      );

      // A maker's token: another user's connection does not exist for them.
      const token = await cli('token', 'create', '--user', 'bob', '--home', home);
      expect(token.code).toBe(0);
      const bob = await cli(
        'run',
        'tasklane',
        'ListTasks',
        '--connection',
        id,
        '-p',
        'projectId=p1',
        '--server',
        started.server.url,
        '--api-token',
        token.stdout.trim(),
      );
      expect(bob.code).toBe(2);
      expect(bob.stderr).toMatch(/NOT_FOUND|404/);
    } finally {
      await started.stop();
    }

    const rotated = await cli('keys', 'rotate', '--home', home);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/secret values re-sealed/);
    const store = await openStore({ home });
    try {
      const [connection] = await store.listConnections(
        (await store.listUsers()).find((u) => u.role === 'admin')!.id,
      );
      expect(await store.connectionSecrets(connection!.id)).toEqual({ api_key: 'key-42' });
      const bob = (await store.listUsers()).find((u) => u.name === 'bob')!;
      await store.updateUser(bob.id, { disabled: true });
    } finally {
      await store.close();
    }
    // A disabled user: the list says so, and a new token comes with a warning that it is refused.
    const listed = await cli('token', 'list', '--user', 'bob', '--home', home);
    expect(listed.stdout).toMatch(/bob\s+maker, disabled/);
    const refused = await cli('token', 'create', '--user', 'bob', '--home', home);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/bob is disabled .*refused until an admin enables them/);
  });
});

describe('flowport token create --expires and token list', () => {
  it('gives a token an expiry, lists it, marks it once passed, and refuses a bad one', async () => {
    const home = mkdtempSync(join(tmpdir(), 'flowport-expiry-'));
    const before = Date.now();
    const month = await cli('token', 'create', '--user', 'carol', '--expires', '30d', '--home', home);
    expect(month.code).toBe(0);
    const stated = /expires (\S+Z)/.exec(month.stderr)?.[1] ?? '';
    expect(Date.parse(stated) - before).toBeGreaterThan(30 * 86_400_000 - 60_000);
    expect(Date.parse(stated) - before).toBeLessThanOrEqual(30 * 86_400_000);
    const date = new Date(before + 365 * 86_400_000).toISOString().slice(0, 10);
    const day = await cli(
      'token',
      'create',
      '--user',
      'carol',
      '--name',
      'day',
      '--expires',
      date,
      '--home',
      home,
    );
    expect(day.stderr).toContain(`expires ${date}T23:59:59Z`);
    const lasting = await cli('token', 'create', '--user', 'carol', '--name', 'lasting', '--home', home);
    expect(lasting.stderr).toContain('never expires');

    // The 30-day token's expiry moved into the past, as if a month went by.
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(home, 'flowport.db'));
    db.prepare("update api_tokens set expires_at = '2026-01-01T00:00:00.000Z' where name = 'cli'").run();
    db.close();
    const listed = await cli('token', 'list', '--user', 'carol', '--home', home);
    expect(listed.stdout.split('\n')[0]).toMatch(/last used\s+expires\s+revoked/);
    const row = (name: string) => listed.stdout.split('\n').find((line) => line.includes(` ${name} `)) ?? '';
    expect(row('cli')).toContain('2026-01-01T00:00:00 (expired)');
    expect(row('day')).toMatch(new RegExp(`${date}T23:59:59 +—`));
    expect(row('lasting')).toMatch(/ never +—/);
    const store = await openStore({ home });
    try {
      expect(await store.verifyToken(month.stdout.trim())).toBeUndefined();
      expect((await store.verifyToken(day.stdout.trim()))?.user.name).toBe('carol');
    } finally {
      await store.close();
    }

    const past = await cli('token', 'create', '--user', 'carol', '--expires', '2020-01-01', '--home', home);
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/not in the future.*\[TOKEN_EXPIRY_INVALID\]/);
    const bad = await cli('token', 'create', '--user', 'dave', '--expires', '3 weeks', '--home', home);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('`--expires 3 weeks` is not a duration or a date');
    // Refused before the store: no user `dave` was created.
    expect(
      (await cli('token', 'list', '--user', 'dave', '--home', home)).stdout.trim().split('\n'),
    ).toHaveLength(1);
  });
});

function startProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(root, 'bin/flowport.js'), 'serve', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function ready(url: string, child: ChildProcess): Promise<void> {
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`flowport serve exited: ${log}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`flowport serve did not become ready: ${log}`);
}

describe('two flowport serve processes on one Postgres', () => {
  it('serve the same connectors and connections', { timeout: 60_000 }, async () => {
    const postgres = testEngines.find((e) => e.name === 'postgres')!;
    const database = await postgres.create();
    const children: ChildProcess[] = [];
    try {
      const env = { FLOWPORT_DATABASE_URL: database.databaseUrl ?? '', FLOWPORT_HOME: database.home };
      const args = [tasklane, '--backend', `tasklane=${backendUrl}/v1`, '--log-level', 'warn', '--no-watch'];
      const [portA, portB] = [await freePort(), await freePort()];
      const a = startProcess([...args, '--port', String(portA)], env);
      children.push(a);
      await ready(`http://127.0.0.1:${portA}`, a);
      const b = startProcess([...args, '--port', String(portB)], env);
      children.push(b);
      await ready(`http://127.0.0.1:${portB}`, b);

      const token = readFileSync(join(database.home, 'admin.token'), 'utf8').trim();
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const created = await fetch(`http://127.0.0.1:${portA}/api/v1/connections`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ connectorId: 'tasklane', values: { api_key: 'key-42' } }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const invoked = await fetch(`http://127.0.0.1:${portB}/api/v1/connections/${id}/operations/ListTasks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ parameters: { projectId: 'p2' } }),
      });
      expect(invoked.status).toBe(200);
      expect(await invoked.json()).toMatchObject({ status: 200, body: { path: '/v1/projects/p2/tasks' } });
      const users = await fetch(`http://127.0.0.1:${portB}/api/v1/users`, { headers });
      expect(((await users.json()) as { users: unknown[] }).users).toHaveLength(1);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))),
      );
      await database.cleanup();
    }
  });
});
