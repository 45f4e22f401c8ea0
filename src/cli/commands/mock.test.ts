import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { runCli } from '../testing.ts';

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;

/** Starts `flowport mock` in this process; `stop` sends it SIGINT as Ctrl-C would. */
async function started(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const exit = main(['mock', example, '--port', '0', ...args], io);
  for (let i = 0; i < 200 && !stderr.includes('use it with'); i++)
    await new Promise((r) => setTimeout(r, 25));
  const url = /--base-url (\S+)/.exec(stderr)?.[1] ?? '';
  return {
    url,
    out: () => stdout,
    err: () => stderr,
    stop: async () => {
      process.emit('SIGINT');
      return exit;
    },
  };
}

describe('flowport mock', () => {
  it('serves the connector at its basePath, logs each request, and stops on Ctrl-C', async () => {
    const mock = await started(['--items', '2']);
    expect(mock.err()).toContain('flowport mock: Tasklane at http://127.0.0.1:');
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const list = await fetch(`${mock.url}/projects`, { headers: { 'x-api-key': 'k' } });
    expect(((await list.json()) as { value: unknown[] }).value).toHaveLength(2);
    const refused = await fetch(`${mock.url}/projects`);
    expect(refused.status).toBe(401);
    expect(await mock.stop()).toBe(0);
    expect(mock.out()).toMatch(/GET \/v1\/projects → ListProjects 200 schema/);
    expect(mock.out()).toMatch(
      /GET \/v1\/projects → ListProjects 401 refused\n {4}credentials `ListProjects` needs the API key in header `X-Api-Key`/,
    );
    expect(mock.err()).toContain('flowport mock: stopped');
  });

  it('--overlay: serves the connector as the overlay changes it (here its basePath)', async () => {
    const overlay = join(mkdtempSync(join(tmpdir(), 'fp-mock-overlay-')), 'qa.json');
    writeFileSync(overlay, JSON.stringify({ apiDefinition: { basePath: '/qa/v1' } }));
    const mock = await started(['--overlay', overlay]);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/qa\/v1$/);
    const list = await fetch(`${mock.url}/projects`, { headers: { 'x-api-key': 'k' } });
    expect(list.status).toBe(200);
    expect(await mock.stop()).toBe(0);
  });

  it('logs JSON lines with --format json, and takes every request with --no-auth --no-validate', async () => {
    const mock = await started(['-f', 'json', '--no-auth', '--no-validate']);
    expect(mock.err()).toContain('credentials are not checked (--no-auth)');
    const res = await fetch(`${mock.url}/projects/p1/tasks?status=bogus`);
    expect(res.status).toBe(200);
    await mock.stop();
    const entry = JSON.parse(mock.out().trim().split('\n')[0] ?? '{}') as {
      operation: string;
      status: number;
    };
    expect(entry).toMatchObject({ operation: 'ListTasks', status: 200, outcome: 'schema' });
  });

  it('fires one event of every trigger on a timer with --fire-every, and logs it', async () => {
    const mock = await started(['--fire-every', '1', '--no-auth']);
    for (let i = 0; i < 80 && !mock.out().includes('fire OnTaskCompleted'); i++)
      await new Promise((r) => setTimeout(r, 25));
    const poll = await fetch(`${mock.url}/completed-tasks?projectId=p1`);
    expect(poll.status).toBe(200);
    await mock.stop();
    expect(mock.out()).toContain('fire OnTaskCompleted 1 event(s) waiting for the next poll');
  });

  it('says which port is taken, without a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCli(['mock', example, '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `Port ${port} on 127.0.0.1 is in use; pass --port with a free one (0 takes any).`,
      );
      expect(run.stderr).not.toContain('    at ');
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is no port', async () => {
    const run = await runCli(['mock', example, '--port', '70000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port expects a port number');
  });
});
