/**
 * `flowport mcp` as an MCP client starts it: a child process speaking MCP over stdio (the SDK's own
 * client and transport), calling the example Brightdesk connector's actions against the demo backend.
 */
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { createTestServer, type TestServer, uploadOf } from '../../src/server/testing.ts';

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

describe('flowport mcp --connection: stdio relayed to a connection of flowport serve', () => {
  let backend: DemoBackend;
  let server: TestServer;
  let address: string;
  let connectionId: string;
  beforeAll(async () => {
    backend = await startDemoBackend({ port: 0, apiKey: KEY });
    server = await createTestServer({ backendOverrides: { brightdesk: backend.apiUrl } });
    await server.call(server.admin, 'POST', '/api/v1/connectors', { files: uploadOf(brightdesk) });
    const created = await server.call(server.maker, 'POST', '/api/v1/connections', {
      connectorId: 'brightdesk',
      parameterSet: 'api-key',
      values: { api_key: KEY },
    });
    connectionId = created.json().id;
    address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await backend?.close();
  });

  const relay = (token: string) => {
    const args = [bin, 'mcp', '--connection', connectionId, '--server', address, '--api-token', token];
    return new StdioClientTransport({ command: process.execPath, args, stderr: 'pipe' });
  };

  it("calls the hosted connection's tools through the relay, the stored key never reaching the client", async () => {
    const client = new Client({ name: 'relay-e2e', version: '1' });
    await client.connect(relay(server.maker.token));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('ExportTickets'); // serve runs callback actions
      const result = await client.callTool({ name: 'ListTeams', arguments: {} });
      expect(result.isError).toBeFalsy();
      expect(JSON.stringify(result)).toContain('support');
      expect(JSON.stringify(result)).not.toContain(KEY);
    } finally {
      await client.close();
    }
  });

  it("answers the client with the server's refusal: another user's connection", async () => {
    const client = new Client({ name: 'relay-e2e', version: '1' });
    await expect(client.connect(relay(server.other.token))).rejects.toThrow(/404|not found/i);
    await client.close();
  });
});
