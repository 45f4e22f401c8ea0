import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'fp-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A swagger whose own request cannot fit it: its test value for the body's `n` is not an integer. */
const swagger = {
  swagger: '2.0',
  info: { title: 'Counter', version: '1', description: 'Counts.' },
  host: 'api.counter.test',
  basePath: '/',
  schemes: ['https'],
  securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  paths: {
    '/counts': {
      get: {
        operationId: 'ListCounts',
        responses: { 200: { description: 'OK', schema: { type: 'array', items: { type: 'integer' } } } },
      },
      post: {
        operationId: 'AddCount',
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              required: ['id', 'n'],
              properties: { id: { type: 'string' }, n: { type: 'integer', 'x-ms-test-value': 'many' } },
            },
          },
        ],
        responses: { 201: { description: 'Created' } },
      },
    },
  },
};

const file = join(dir, 'counter.swagger.json');
writeFileSync(file, JSON.stringify(swagger));

describe('flowport smoke --mock', () => {
  it('calls a mock of the swagger itself, placeholders for the connection, and names the requests it refused', async () => {
    const run = await runCli(['smoke', file, '--mock']);
    expect(run.stderr).toContain(
      "calling a mock of the connector's own swagger (flowport mock) at http://127.0.0.1:",
    );
    expect(run.stdout).toMatch(/ListCounts\s+200/);
    expect(run.stdout).toMatch(/AddCount\s+400/);
    expect(run.stdout).toContain('The mock refused these requests');
    expect(run.stdout).toContain('body/n: `/n` is a string; the schema says an integer.');
    expect(run.code).toBe(1);
  });

  it('carries the refusal in the JSON row of the operation with --format json', async () => {
    const run = await runCli(['smoke', file, '--mock', '-f', 'json']);
    const rows = JSON.parse(run.stdout) as { operationId: string; status: number; refused?: unknown }[];
    expect(rows.find((r) => r.operationId === 'ListCounts')).not.toHaveProperty('refused');
    // Marked as the mock's answers, so that `flowport pr --smoke` does not take them for the API's.
    expect(rows.every((r) => (r as { mock?: boolean }).mock === true)).toBe(true);
    expect(rows.find((r) => r.operationId === 'AddCount')).toMatchObject({
      status: 400,
      refused: [{ at: 'body/n', message: '`/n` is a string; the schema says an integer.' }],
    });
  });

  it('names the parameters it can make no value for, and how to give one', async () => {
    const dated = structuredClone(swagger) as typeof swagger & { paths: Record<string, unknown> };
    dated.paths['/usage'] = {
      get: {
        operationId: 'GetUsage',
        parameters: [
          // DQ on Demand's: a .NET date format written as the pattern, which no date matches.
          {
            name: 'StartDate',
            in: 'query',
            required: true,
            type: 'string',
            format: 'date-time',
            pattern: 'yyyy-MM-dd hh:mm:ss.fff',
          },
        ],
        responses: { 200: { description: 'OK' } },
      },
    };
    const dq = join(dir, 'usage.swagger.json');
    writeFileSync(dq, JSON.stringify(dated));
    const run = await runCli(['smoke', dq, '--mock', '--only', 'GetUsage']);
    expect(run.stdout).toContain(
      'NO_EXAMPLE: no example value could be made for `StartDate` (nothing fits its schema); give it an `x-ms-test-value` (what certification testers send too), or call the operation with `flowport run` and `--param`',
    );
    expect(run.code).toBe(1);
  });

  it('takes --mock or --base-url, not both', async () => {
    const run = await runCli(['smoke', file, '--mock', '--base-url', 'http://x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--mock calls a mock of the connector made here; drop --base-url');
  });
});
