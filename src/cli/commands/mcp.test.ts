import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const example = new URL('../../../examples/brightdesk', import.meta.url).pathname;

describe('flowport mcp', () => {
  it('--list prints the tools a client will see and what is left out', async () => {
    const run = await runCli(['mcp', example, '--list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Brightdesk — 7 tools');
    expect(run.stdout).toMatch(/ListTickets\(status\?, teamId\?, \$top\?\)\s+read-only/);
    expect(run.stdout).toMatch(/DeleteTicket\(ticketId\)\s+destructive/);
    expect(run.stdout).toContain('ExportTickets: it waits for the backend');
    const json = await runCli(['mcp', example, '--list', '-f', 'json']);
    const set = JSON.parse(json.stdout) as { tools: { name: string }[]; skipped: unknown[] };
    expect(set.tools).toHaveLength(7);
    expect(set.skipped).toHaveLength(1);
  });

  it('refuses a connection that cannot work before serving, without a stack trace', async () => {
    const run = await runCli(['mcp', example, '--conn-set', 'api-key']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/`API key` \(`api_key`\) is required.*\[CONNECTION_INVALID\]/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('needs a connector or --connection, not both', async () => {
    const none = await runCli(['mcp']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give the connector to serve');
    const both = await runCli(['mcp', example, '--connection', 'con_1', '--conn', 'api_key=x']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`drop <connector> (${example}), connection values`);
  });
});
