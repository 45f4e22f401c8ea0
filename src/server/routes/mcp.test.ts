import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Backend,
  createTestServer,
  startBackend,
  type TestServer,
  type TestUser,
  uploadOf,
} from '../testing.ts';

const TASKLANE = new URL('../../../examples/tasklane/', import.meta.url).pathname;
const KEY = 'tl-key-mcp-90c3d1';

let t: TestServer | undefined;
let backend: Backend | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  await t?.close();
  await backend?.close();
  client = t = backend = undefined;
});

async function setup(options: Parameters<typeof createTestServer>[0] = {}) {
  backend = await startBackend((r) => {
    if (r.url.startsWith('/v1/projects/p1/tasks'))
      return { body: { value: [{ id: 't1', title: 'Water plants', echo: r.headers['x-api-key'] }] } };
    if (r.url === '/v1/projects') return { body: { value: [{ id: 'p1', name: 'Home' }] } };
    return { status: 404, body: { error: 'no such route' } };
  });
  t = await createTestServer({
    backendOverrides: { tasklane: `${backend.url}/v1` },
    transportOptions: { retry: { count: 0 } },
    ...options,
  });
  await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(TASKLANE) });
  const c = await t.call(t.maker, 'POST', '/api/v1/connections', {
    connectorId: 'tasklane',
    values: { api_key: KEY },
  });
  return { server: t, id: c.json().id as string };
}

async function connect(server: TestServer, id: string, as: TestUser) {
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const transport = new StreamableHTTPClientTransport(new URL(`${address}/api/v1/connections/${id}/mcp`), {
    requestInit: { headers: as.headers },
  });
  client = new Client({ name: 'test', version: '1' });
  await client.connect(transport);
  return client;
}

describe('POST /api/v1/connections/{id}/mcp', () => {
  it("serves the connection's connector to an MCP client: tools listed, a call made with the stored key, masked", async () => {
    const { server, id } = await setup();
    const mcp = await connect(server, id, server.maker);
    expect(mcp.getServerVersion()?.name).toBe('Tasklane');
    const { tools } = await mcp.listTools();
    expect(tools.map((tool) => tool.name)).toContain('ListTasks');
    const result = await mcp.callTool({ name: 'ListTasks', arguments: { projectId: 'p1' } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ value: [{ id: 't1', title: 'Water plants', echo: '***' }] });
    expect(backend?.requests.at(-1)?.headers['x-api-key']).toBe(KEY);
    expect(JSON.stringify(result)).not.toContain(KEY);
    const missing = await mcp.callTool({ name: 'ListTasks', arguments: {} });
    expect(missing).toMatchObject({
      isError: true,
      content: [{ text: expect.stringMatching(/\[PARAMETER_REQUIRED\]$/) }],
    });
  });

  it("counts calls against the connection's throttle, answered as a tool error", async () => {
    const { server, id } = await setup({ connectionRateLimit: 1 });
    const mcp = await connect(server, id, server.maker);
    expect((await mcp.callTool({ name: 'ListTasks', arguments: { projectId: 'p1' } })).isError).toBeFalsy();
    const throttled = await mcp.callTool({ name: 'ListTasks', arguments: { projectId: 'p1' } });
    expect(throttled).toMatchObject({
      isError: true,
      content: [{ text: expect.stringMatching(/\[CONNECTION_THROTTLED\]$/) }],
    });
  });

  it("is another user's connection as every route is: 404, and 401 without a token", async () => {
    const { server, id } = await setup();
    const body = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    expect((await server.call(server.other, 'POST', `/api/v1/connections/${id}/mcp`, body)).statusCode).toBe(
      404,
    );
    expect((await server.call(undefined, 'POST', `/api/v1/connections/${id}/mcp`, body)).statusCode).toBe(
      401,
    );
    const get = await server.call(server.maker, 'GET', `/api/v1/connections/${id}/mcp`);
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });
});
