import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../runtime/testing.ts';
import { connectorTools, toolName } from './tools.ts';

const connector = memoryConnector({
  swagger: '2.0',
  info: { title: 'Tasks', version: '1.0' },
  host: 'api.tasks.test',
  paths: {
    '/projects': {
      get: {
        operationId: 'ListProjects',
        summary: 'List projects',
        'x-ms-visibility': 'internal',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/projects/{projectId}/tasks': {
      parameters: [
        {
          name: 'projectId',
          in: 'path',
          required: true,
          type: 'string',
          'x-ms-summary': 'Project',
          'x-ms-dynamic-values': { operationId: 'ListProjects', 'value-path': 'id' },
        },
      ],
      get: {
        operationId: 'ListTasks',
        summary: 'List tasks',
        description: 'Lists the tasks of a project.',
        'x-ms-visibility': 'important',
        parameters: [
          {
            name: 'api-version',
            in: 'query',
            required: true,
            type: 'string',
            default: '2024',
            'x-ms-visibility': 'internal',
          },
          { name: 'filter', in: 'query', type: 'string', 'x-ms-visibility': 'internal' },
          { name: 'id', in: 'query', type: 'string' },
          { name: 'id', in: 'header', type: 'string' },
        ],
        responses: { '200': { description: 'OK' } },
      },
      post: {
        operationId: 'Create task!',
        summary: 'Create a task',
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: { type: 'object', properties: { title: { type: 'string' } } },
          },
        ],
        responses: { '201': { description: 'Created' } },
      },
    },
    '/tasks/{id}': {
      delete: {
        operationId: 'DeleteTask',
        summary: 'Delete a task',
        deprecated: true,
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        responses: { '204': { description: 'Gone' } },
      },
      put: {
        summary: 'Replace a task',
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/hooks': {
      post: {
        operationId: 'OnNewTask',
        'x-ms-trigger': 'single',
        parameters: [
          {
            name: 'body',
            in: 'body',
            schema: {
              type: 'object',
              properties: { url: { type: 'string', 'x-ms-notification-url': true } },
            },
          },
        ],
        responses: { '201': { description: 'Created' } },
      },
    },
  },
});

describe('connectorTools', () => {
  const { tools, skipped } = connectorTools(connector);
  const byName = new Map(tools.map((t) => [t.name, t]));

  it('lists the actions a user sees, important first, then the hidden lists their dynamic values come from; no triggers', () => {
    expect(tools.map((t) => t.name)).toEqual(['ListTasks', 'Create_task_', 'ListProjects']);
    expect(skipped).toEqual([
      { operation: 'PUT /tasks/{id}', reason: 'it has no operationId to call it by' },
    ]);
  });

  it('builds the arguments from the parameters: internal ones with a default left to the runtime, shared names qualified', () => {
    const schema = byName.get('ListTasks')?.inputSchema ?? { type: 'object' };
    expect(Object.keys(schema.properties as object)).toEqual(['projectId', 'query:id', 'header:id']);
    expect(schema.required).toEqual(['projectId']);
    expect(schema.additionalProperties).toBe(false);
    expect((schema.properties as Record<string, { title?: string; description?: string }>).projectId).toEqual(
      {
        type: 'string',
        title: 'Project',
        description: 'Valid values come from the `ListProjects` tool.',
      },
    );
  });

  it('takes a body parameter as one argument holding its schema', () => {
    const tool = byName.get('Create_task_');
    expect(tool?.operationId).toBe('Create task!');
    expect(tool?.inputSchema.properties).toMatchObject({
      body: { type: 'object', properties: { title: { type: 'string' } } },
    });
  });

  it('describes each tool and hints what it does to the world', () => {
    const list = byName.get('ListTasks');
    expect(list?.description).toBe('List tasks. Lists the tasks of a project.');
    expect(list?.annotations).toEqual({
      title: 'List tasks',
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
    expect(byName.get('Create_task_')?.annotations).toMatchObject({
      readOnlyHint: false,
      idempotentHint: false,
    });
  });

  it('with `all`, also internal and deprecated actions', () => {
    const all = connectorTools(connector, { all: true }).tools;
    const remove = all.find((t) => t.name === 'DeleteTask');
    expect(remove?.description).toBe('Delete a task. Deprecated.');
    expect(remove?.annotations).toMatchObject({ destructiveHint: true, idempotentHint: true });
  });

  it('gives operationIds MCP does not allow a valid, unique name', () => {
    expect(toolName('Get items (v2)')).toBe('Get_items__v2_');
    expect(toolName('')).toBe('operation');
    expect(toolName('x'.repeat(200))).toHaveLength(128);
    const twins = memoryConnector({
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': { get: { operationId: 'Get a', responses: { '200': { description: 'OK' } } } },
        '/b': { get: { operationId: 'Get_a', responses: { '200': { description: 'OK' } } } },
      },
    });
    expect(connectorTools(twins).tools.map((t) => t.name)).toEqual(['Get_a', 'Get_a_2']);
  });
});

describe('connectorTools and callback actions', () => {
  const withCallback = memoryConnector({
    swagger: '2.0',
    info: { title: 'Exports', version: '1' },
    paths: {
      '/exports': {
        post: {
          operationId: 'ExportAll',
          parameters: [
            {
              name: 'body',
              in: 'body',
              schema: {
                type: 'object',
                properties: { callbackUrl: { type: 'string', 'x-ms-notification-url': true } },
              },
            },
          ],
          responses: { '202': { description: 'Accepted' } },
        },
      },
    },
  });

  it('leaves out an action that waits for a callback unless the host receives callbacks', () => {
    const plain = connectorTools(withCallback);
    expect(plain.tools).toEqual([]);
    expect(plain.skipped).toEqual([
      { operation: 'ExportAll', reason: expect.stringContaining('flowport serve') },
    ]);
    expect(connectorTools(withCallback, { callbackActions: true }).tools.map((t) => t.name)).toEqual([
      'ExportAll',
    ]);
  });
});

describe('connectorTools and what a connector says to AI models', () => {
  const ai = memoryConnector({
    swagger: '2.0',
    info: { title: 'Messages', version: '1' },
    paths: {
      '/messages': {
        post: {
          operationId: 'SendMessage',
          summary: 'Send a message',
          'x-ms-name-for-model': 'send_text_message',
          'x-ms-description-for-model': 'Sends a text message to one phone number.',
          parameters: [
            {
              name: 'to',
              in: 'query',
              type: 'string',
              description: 'Recipient',
              'x-ms-description-for-model': 'The phone number in E.164 form, such as +61400000000.',
            },
          ],
          'x-ms-openai-data': {
            'openai-enabled': true,
            operations: [{ operationId: 'SendMessage', 'x-ms-require-user-confirmation': true }],
          },
          responses: { '200': { description: 'OK' } },
        },
        get: {
          operationId: 'ListMessages',
          'x-ms-require-user-confirmation': true,
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  });
  const { tools } = connectorTools(ai);

  it('names and describes tools and arguments as the connector tells models, and asks for confirmation where it says so', () => {
    const send = tools.find((t) => t.operationId === 'SendMessage');
    expect(send?.name).toBe('send_text_message');
    expect(send?.description).toBe(
      "Sends a text message to one phone number. The connector asks for the user's confirmation before this runs.",
    );
    expect(
      (send?.inputSchema.properties as Record<string, { description?: string }> | undefined)?.to?.description,
    ).toBe('The phone number in E.164 form, such as +61400000000.');
    expect(send?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    // On the operation itself too, even for a GET.
    expect(tools.find((t) => t.name === 'ListMessages')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
  });
});

describe('connectorTools and C# custom code', () => {
  it('leaves out the operations script.csx covers, saying why', () => {
    const scripted = memoryConnector(
      {
        swagger: '2.0',
        info: { title: 'Scripted', version: '1' },
        paths: {
          '/a': { get: { operationId: 'Plain', responses: { '200': { description: 'OK' } } } },
          '/b': { get: { operationId: 'Scripted', responses: { '200': { description: 'OK' } } } },
        },
      },
      { scriptOperations: ['Scripted'] },
      { 'script.csx': 'public class Script : ScriptBase { }' },
    );
    const set = connectorTools(scripted);
    expect(set.tools.map((t) => t.name)).toEqual(['Plain']);
    expect(set.skipped).toEqual([{ operation: 'Scripted', reason: expect.stringContaining('script.csx') }]);
  });
});

describe('connectorTools with only some operations', () => {
  it('gives those (internal ones included) and the lists their dynamic values come from', () => {
    const set = connectorTools(connector, { only: ['ListTasks', 'ListTasks'] });
    expect(set.tools.map((t) => t.name)).toEqual(['ListTasks', 'ListProjects']);
    expect(connectorTools(connector, { only: ['ListProjects'] }).tools.map((t) => t.name)).toEqual([
      'ListProjects',
    ]);
  });

  it('refuses a name the connector lacks, with the nearest, and a trigger, saying why', () => {
    expect(() => connectorTools(connector, { only: ['ListTask'] })).toThrow(
      'The connector has no operation `ListTask`; did you mean `ListTasks`?',
    );
    expect(() => connectorTools(connector, { only: ['OnNewTask'] })).toThrow('`OnNewTask` is a trigger');
  });
});
