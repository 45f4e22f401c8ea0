/**
 * `flowport mcp` as an MCP client starts it: a child process speaking MCP over stdio (the SDK's own
 * client and transport), calling the example Brightdesk connector's actions against the demo backend.
 */
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';

const bin = fileURLToPath(new URL('../../bin/flowport.js', import.meta.url));
const brightdesk = fileURLToPath(new URL('../../examples/brightdesk', import.meta.url));
const KEY = 'mcp-e2e-key-5b1d9c';

describe('flowport mcp over stdio', () => {
  let backend: DemoBackend;
  let client: Client;
  let transport: StdioClientTransport;
  let stderr = '';
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY });
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        bin,
        'mcp',
        brightdesk,
        '--base-url',
        backend.apiUrl,
        '--conn-set',
        'api-key',
        '--conn',
        `api_key=${KEY}`,
      ],
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    client = new Client({ name: 'flowport-e2e', version: '1' });
    await client.connect(transport);
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await backend?.close();
  });

  it("lists the connector's actions, not its triggers", async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toContain('CreateTicket');
    expect(names).toContain('ListTeams');
    expect(names).not.toContain('OnTicketCreated');
    expect(client.getServerVersion()?.name).toBe('Brightdesk');
  });

  it('creates and reads a ticket on the backend with the API key, which never reaches the client', async () => {
    const created = await client.callTool({
      name: 'CreateTicket',
      arguments: {
        body: { teamId: 'support', subject: 'Printer on fire', requesterEmail: 'sam@contoso.example' },
      },
    });
    expect(created.isError).toBeFalsy();
    const ticket = created.structuredContent as { id: string; subject: string };
    expect(ticket.subject).toBe('Printer on fire');
    const read = await client.callTool({ name: 'GetTicket', arguments: { ticketId: ticket.id } });
    expect((read.structuredContent as { id: string }).id).toBe(ticket.id);
    const missing = await client.callTool({ name: 'GetTicket', arguments: { ticketId: 'T-999999' } });
    expect(missing.isError).toBe(true);
    expect((missing.content as { text: string }[])[0]?.text).toBe('The backend answered 404 Not Found.');
    expect(JSON.stringify([created, read, missing])).not.toContain(KEY);
    expect(stderr).toMatch(/serving \d+ tools of Brightdesk/);
    expect(stderr).toMatch(/GetTicket: 404 in \d+ ms/);
    expect(stderr).not.toContain(KEY);
  });

  it('ends when the client closes the connection', async () => {
    const pid = transport.pid;
    await client.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pid).toBeTypeOf('number');
    expect(() => process.kill(pid as number, 0)).toThrow();
  });
});
