/**
 * `POST /api/v1/connections/{id}/mcp`: a stored connection as a Model Context Protocol server over
 * Streamable HTTP (stateless, JSON responses), so an agent calls the connector's actions as tools with
 * the connection of the API token's user — refreshed tokens, recorded status, the connection's
 * throttle and masking as for `POST …/operations/{operationId}`. Actions that wait for a callback run
 * too: the tool's answer is the callback (docs/mcp.md).
 */
import type { FastifyInstance } from 'fastify';
import type { Connector } from '../../connector/model.ts';
import { isFlowportError } from '../../errors.ts';
import { createMcpServer, type Invoke } from '../../mcp/server.ts';
import { connectorTools, type ToolSet } from '../../mcp/tools.ts';
import type { InvokeResult } from '../../runtime/runtime.ts';
import { callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { ServerError } from '../errors.ts';
import { invokeWith, type OpenConnection, openConnection, throttle } from '../invocation.ts';

const tags = ['mcp'];

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/** Headers of the HTTP exchange itself, not of the MCP message (the body is already parsed). */
const SKIPPED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'host']);

/** Tool lists, one per loaded connector (a reload loads a new connector object). */
const toolSets = new WeakMap<Connector, ToolSet>();

function toolsOf(connector: Connector): ToolSet {
  let set = toolSets.get(connector);
  if (!set) {
    set = connectorTools(connector, { callbackActions: true });
    toolSets.set(connector, set);
  }
  return set;
}

/** The host's invoke: callback actions wait for their callback, whose body is the tool's answer. */
function invokerOf(ctx: AppContext, app: FastifyInstance, open: OpenConnection, userId: string): Invoke {
  return async (operationId, args, { allPages }) => {
    const operation = open.loaded.connector.operation(operationId);
    if (operation?.kind !== 'callback-action') return invokeWith(ctx, open, operationId, args, { allPages });
    throttle(ctx, open.info.id);
    const { result, callback } = await app.triggers.service.invokeCallbackAction(
      userId,
      open,
      operationId,
      args,
    );
    if (!callback) return result;
    const answered: InvokeResult = {
      ...result,
      response: {
        status: 200,
        headers: new Headers({ 'content-type': 'application/json' }),
        body: callback.body === undefined ? { kind: 'none' } : { kind: 'json', value: callback.body },
      },
    };
    return answered;
  };
}

export async function mcpRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Params: { id: string } }>(
    '/api/v1/connections/:id/mcp',
    {
      schema: {
        tags,
        summary: "The connection's MCP server (Streamable HTTP)",
        description:
          "A Model Context Protocol endpoint (stateless Streamable HTTP, JSON responses): `tools/list` gives the connector's actions, `tools/call` runs one with this connection, as `POST …/operations/{operationId}` does. Point an MCP client at this URL with `Authorization: Bearer <API token>`.",
        params: idParams,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const open = await openConnection(ctx, caller, request.params.id);
      const { WebStandardStreamableHTTPServerTransport } = await import(
        '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
      );
      const mcp = await createMcpServer(open.loaded.connector, {
        tools: toolsOf(open.loaded.connector),
        invoke: invokerOf(ctx, app, open, caller.user.id),
        secrets: open.secrets,
        expected: (error) =>
          isFlowportError(error) || error instanceof ServerError
            ? { code: error.code, message: error.message }
            : undefined,
        log: (line) => request.log.info({ connection: open.info.id }, `mcp ${line}`),
      });
      // Stateless: a server and a transport per request, nothing kept between them.
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      try {
        await mcp.server.connect(transport);
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === 'string' && !SKIPPED_HEADERS.has(name)) headers.set(name, value);
        const url = `http://${request.host}${request.url}`;
        const answer = await transport.handleRequest(new Request(url, { method: 'POST', headers }), {
          parsedBody: request.body,
        });
        reply.code(answer.status);
        answer.headers.forEach((value, name) => {
          reply.header(name, value);
        });
        const text = await answer.text();
        return reply.send(text === '' ? undefined : text);
      } finally {
        await mcp.close();
      }
    },
  );

  // A stateless server has no stream to open and no session to end (MCP, Streamable HTTP transport).
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/v1/connections/:id/mcp',
      schema: {
        tags,
        summary: `${method}: not allowed (405)`,
        description: 'The MCP endpoint is stateless: it opens no event stream and has no session to end.',
        params: idParams,
      },
      handler: async (_request, reply) =>
        reply
          .code(405)
          .header('allow', 'POST')
          .type('application/json')
          .send({
            jsonrpc: '2.0',
            error: { code: -32000, message: 'This MCP endpoint is stateless: send requests with POST.' },
            id: null,
          }),
    });
  }
}
