/**
 * `flowport pr --smoke`: a smoke run of the example Brightdesk connector against the demo backend,
 * handed to `flowport pr` as the evidence that every operation was tested.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { runCli } from '../../src/cli/testing.ts';

const brightdesk = fileURLToPath(new URL('../../examples/brightdesk', import.meta.url));
const KEY = 'pr-e2e-key-3c71a0';

describe('flowport pr with a smoke run as evidence', () => {
  let backend: DemoBackend;
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY });
  });
  afterAll(() => backend?.close());

  it('ticks "every action answers 2xx" when the run says so, and shows the run', async () => {
    const connection = ['--base-url', backend.apiUrl, '--conn-set', 'api-key', '--conn', `api_key=${KEY}`];
    const smoke = await runCli(['smoke', brightdesk, ...connection, '--format', 'json']);
    expect(smoke.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'flowport-pr-smoke-')), 'smoke.json');
    writeFileSync(file, smoke.stdout);
    const out = join(mkdtempSync(join(tmpdir(), 'flowport-pr-body-')), 'pr.md');
    const pr = await runCli(['pr', brightdesk, '--kind', 'certified', '--smoke', file, '-o', out]);
    const body = readFileSync(out, 'utf8');
    expect(body).toContain('- [x] Every action answers 2xx when called with example arguments.');
    // Deploying and the Test tab stay for the submitter to confirm.
    expect(body).toContain(
      '- [ ] Every operation was deployed as a custom connector and tested in the Test tab',
    );
    expect(body).toMatch(
      /### Smoke run\n\n`flowport smoke`: (\d+) of \1 calls answered 2xx; every answer matches its response schema\./,
    );
    expect(body).toContain('| operation | status | response schema |');
    expect(body).toContain('| `ListTickets` | 200 | matches |');
    expect(body).not.toContain(KEY);
    expect(pr.stdout).toContain('Wrote the description to');

    // A run where an action failed leaves the item open with the failure.
    const rows = JSON.parse(smoke.stdout) as {
      operationId: string;
      ok: boolean;
      status: number | null;
      schema?: { findings: unknown[] };
    }[];
    // The example's response schemas describe what the demo backend answers.
    for (const row of rows.filter((r) => r.status !== null)) expect(row.schema?.findings).toEqual([]);
    const broken = rows.map((r) => (r.operationId === 'ListTickets' ? { ...r, ok: false, status: 500 } : r));
    writeFileSync(file, JSON.stringify(broken));
    const again = await runCli(['pr', brightdesk, '--kind', 'certified', '--smoke', file]);
    expect(again.stdout).toContain(
      '- [ ] Every action answers 2xx when called with example arguments. **Not yet:**\n  - `ListTickets` answered 500',
    );
  });

  it('names the file and what to give when --smoke is not a smoke run', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowport-pr-smoke-')), 'smoke.json');
    writeFileSync(file, '{"not": "rows"}');
    const run = await runCli(['pr', brightdesk, '--kind', 'certified', '--smoke', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} is not a JSON array of smoke rows`);
  });
});
