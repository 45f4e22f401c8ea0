import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowportError } from '../errors.ts';
import { json, memoryConnector, type Responder, recordingTransport } from '../runtime/testing.ts';
import { type ConnectorMcpServer, createMcpServer } from './server.ts';

const KEY = 'sk-live-4f9c2a7e1b';

const connector = memoryConnector(
  {
    swagger: '2.0',
    info: { title: 'Tasks', version: '2.1', description: 'Tasks and projects.' },
    host: 'api.tasks.test',
    basePath: '/v1',
    schemes: ['https'],
    securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    security: [{ api_key: [] }],
    paths: {
      '/tasks': {
        get: {
          operationId: 'ListTasks',
          summary: 'List tasks',
          parameters: [{ name: 'status', in: 'query', type: 'string', enum: ['open', 'done'] }],
          responses: { '200': { description: 'OK' } },
        },
        post: {
          operationId: 'CreateTask',
          summary: 'Create a task',
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } },
            },
          ],
          responses: { '201': { description: 'Created' } },
        },
      },
      '/avatar': {
        get: {
          operationId: 'GetAvatar',
          summary: 'Get the avatar',
          produces: ['image/png'],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  },
  {
    connectionParameters: {
      api_key: {
        type: 'securestring',
        uiDefinition: { displayName: 'API key', constraints: { required: 'true' } },
      },
    },
  },
);

let mcp: ConnectorMcpServer | undefined;
afterEach(async () => {
  await mcp?.close();
  mcp = undefined;
});

async function connect(responder: Responder) {
  const transport = recordingTransport(responder);
  const lines: string[] = [];
  mcp = await createMcpServer(connector, {
    connection: { values: { api_key: KEY } },
    runtime: { transport },
    log: (line) => lines.push(line),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await mcp.server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(clientSide);
  return { client, sent: transport.sent, lines };
}

describe('createMcpServer', () => {
  it('introduces itself with the connector and lists its actions as tools', async () => {
    const { client } = await connect(() => json(200, {}));
    expect(client.getServerVersion()).toMatchObject({ name: 'Tasks', version: '2.1' });
    expect(client.getInstructions()).toBe('Tasks and projects.');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['ListTasks', 'CreateTask', 'GetAvatar']);
    expect(tools[0]).toMatchObject({
      title: 'List tasks',
      inputSchema: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'done'] } } },
      annotations: { readOnlyHint: true },
    });
  });

  it('calls the action through the runtime, with the connection, and gives back the JSON body', async () => {
    const { client, sent, lines } = await connect(() =>
      json(200, { value: [{ id: 1, title: 'Write docs' }] }),
    );
    const result = await client.callTool({ name: 'ListTasks', arguments: { status: 'open' } });
    expect(sent[0]?.url).toBe('https://api.tasks.test/v1/tasks?status=open');
    expect(sent[0]?.headers.get('x-key')).toBe(KEY);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ value: [{ id: 1, title: 'Write docs' }] });
    expect(JSON.parse((result.content as { text: string }[])[0]?.text ?? '')).toEqual({
      value: [{ id: 1, title: 'Write docs' }],
    });
    expect(lines).toEqual([expect.stringMatching(/^ListTasks: 200 in \d+ ms$/)]);
  });

  it('sends a body argument as the request body', async () => {
    const { client, sent } = await connect(() => json(201, { id: 7 }));
    await client.callTool({ name: 'CreateTask', arguments: { body: { title: 'Ship it' } } });
    expect(sent[0]?.method).toBe('POST');
    expect(JSON.parse(new TextDecoder().decode(sent[0]?.body as Uint8Array))).toEqual({ title: 'Ship it' });
  });

  it('reports a non-2xx answer as a tool error, the connection secret masked even when echoed', async () => {
    const { client } = await connect(() => json(401, { error: `key ${KEY} is revoked` }));
    const result = await client.callTool({ name: 'ListTasks', arguments: {} });
    expect(result.isError).toBe(true);
    const text = (result.content as { text: string }[]).map((c) => c.text).join('\n');
    expect(text).toContain('The backend answered 401 Unauthorized.');
    expect(text).not.toContain(KEY);
    expect(result.structuredContent).toBeUndefined();
  });

  it("turns the caller's mistakes into tool errors naming the fix, and an unknown tool into a protocol error", async () => {
    const { client, sent } = await connect(() => json(200, {}));
    const bad = await client.callTool({ name: 'ListTasks', arguments: { state: 'open' } });
    expect(bad.isError).toBe(true);
    expect((bad.content as { text: string }[])[0]?.text).toMatch(/`state`.*\[PARAMETER_INVALID\]$/s);
    const missing = await client.callTool({ name: 'CreateTask', arguments: {} });
    expect((missing.content as { text: string }[])[0]?.text).toMatch(/\[PARAMETER_REQUIRED\]$/);
    expect(sent).toHaveLength(0);
    await expect(client.callTool({ name: 'Nope', arguments: {} })).rejects.toThrow(/No tool is named `Nope`/);
  });

  it('gives an image body as an image', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const { client } = await connect(() => ({
      status: 200,
      headers: new Headers({ 'content-type': 'image/png' }),
      body: { kind: 'binary', bytes: png },
    }));
    const image = await client.callTool({ name: 'GetAvatar', arguments: {} });
    expect(image.content).toEqual([
      { type: 'image', mimeType: 'image/png', data: Buffer.from(png).toString('base64') },
    ]);
  });

  it('says when the backend is unreachable, and reports a bug as one, secrets masked and without a stack trace', async () => {
    let calls = 0;
    const { client } = await connect(() => {
      calls++;
      if (calls === 1) throw new FlowportError('UPSTREAM_UNREACHABLE', 'api.tasks.test did not answer.');
      throw new TypeError(`cannot read ${KEY}`);
    });
    const down = await client.callTool({ name: 'ListTasks', arguments: {} });
    expect(down).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: 'api.tasks.test did not answer. [UPSTREAM_UNREACHABLE]' }],
    });
    const bug = await client.callTool({ name: 'ListTasks', arguments: {} });
    const text = (bug.content as { text: string }[])[0]?.text ?? '';
    expect(text).toMatch(
      /^flowport failed on this call \(cannot read .*\); please report it \[INTERNAL_ERROR\]$/,
    );
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('    at ');
  });
});

describe('createMcpServer with a connection that cannot work', () => {
  it('refuses to start, naming the parameter, without echoing secrets', async () => {
    await expect(createMcpServer(connector, { connection: { values: {} } })).rejects.toMatchObject({
      code: 'CONNECTION_INVALID',
      message: expect.stringMatching(/API key.*required/),
    });
    await expect(
      createMcpServer(connector, { connection: { values: { api_key: KEY, apikey: KEY } } }),
    ).rejects.toMatchObject({ code: 'CONNECTION_INVALID', message: expect.not.stringContaining(KEY) });
  });
});
