/**
 * `flowport mcp`: a connector served as a Model Context Protocol server, so that an agent (Claude,
 * VS Code, Copilot Studio's MCP onboarding, any MCP client) can call its actions with a connection
 * made here — the runtime builds each request exactly as the Power Platform would (policy templates,
 * custom code, paging, the asynchronous action pattern). Tools are listed from the connector
 * (src/mcp/tools.ts); each call goes through one runtime kept for the server's life.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Connector } from '../connector/model.ts';
import { isFlowportError } from '../errors.ts';
import { checkConnection } from '../runtime/connection/check.ts';
import { maskSecrets, secretValues } from '../runtime/connection/secrets.ts';
import { createRuntime, type InvokeResult, type Runtime, type RuntimeOptions } from '../runtime/runtime.ts';
import type { Arguments, ArgumentValue, Connection } from '../runtime/types.ts';
import { VERSION } from '../version.ts';
import { type ToolResult, toolError, toolResult } from './tool-result.ts';
import { type ConnectorTool, connectorTools, type ToolOptions, type ToolSet } from './tools.ts';

export interface McpServerOptions extends ToolOptions {
  readonly connection?: Connection;
  /** Runtime options (a base URL, a transport for tests). */
  readonly runtime?: RuntimeOptions;
  /** Follow `x-ms-pageable` next links and merge the pages (default: the first page only). */
  readonly allPages?: boolean;
  /** Values to mask besides the connection's secret parameters (an OAuth token given as such). */
  readonly secrets?: readonly string[];
  /** Receives one line per call (tool, status, time), secrets masked; default: none. */
  readonly log?: (line: string) => void;
  /**
   * Calls an operation instead of a runtime of the server's own (`flowport serve` passes its stored
   * connection's, which refreshes tokens and records status); `connection` and `runtime` are then
   * not used, and the caller masks with `secrets`.
   */
  readonly invoke?: Invoke;
  /** The tool list, when the caller keeps one per connector (default: built from the connector). */
  readonly tools?: ToolSet;
  /**
   * Errors that are the call's outcome, not a bug (a refused argument, an unreachable backend): their
   * code and message. Default: `FlowportError`s.
   */
  readonly expected?: (error: unknown) => { readonly code: string; readonly message: string } | undefined;
}

export type Invoke = (
  operationId: string,
  args: Arguments,
  options: { readonly allPages: boolean },
) => Promise<InvokeResult>;

export interface ConnectorMcpServer {
  /** The SDK server: connect it to a transport (`StdioServerTransport`, an in-memory pair…). */
  readonly server: Server;
  readonly tools: ToolSet;
  /** Calls a tool as a client would (what the `tools/call` handler does). */
  call(name: string, args: Record<string, unknown> | undefined): Promise<ToolResult>;
  /** Closes the server and its runtime's connections (not those of an `invoke` given to it). */
  close(): Promise<void>;
}

/**
 * An MCP server for a connector. Connect `server` to a transport; close it when done. Throws
 * `CONNECTION_INVALID` when the connection lacks a required value or names an unknown parameter.
 *
 * @example
 * const mcp = await createMcpServer(connector, { connection: { values: { api_key: key } } });
 * await mcp.server.connect(new StdioServerTransport());
 */
export async function createMcpServer(
  connector: Connector,
  options: McpServerOptions = {},
): Promise<ConnectorMcpServer> {
  const [{ Server }, types] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/index.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ]);
  const tools = options.tools ?? connectorTools(connector, options);
  const byName = new Map(tools.tools.map((t) => [t.name, t]));
  const secrets = [...(options.secrets ?? [])];
  let runtime: Runtime | undefined;
  let invoke: Invoke;
  if (options.invoke) invoke = options.invoke;
  else {
    // A connection that cannot work is refused now, not on every call (CONNECTION_INVALID).
    const connection: Connection = checkConnection(connector, options.connection ?? { values: {} });
    secrets.push(...secretValues(connector, connection));
    const local = createRuntime(connector, options.runtime);
    runtime = local;
    invoke = (operationId, args, { allPages }) => local.invoke(operationId, args, { connection, allPages });
  }
  const expected = options.expected ?? ((error: unknown) => (isFlowportError(error) ? error : undefined));
  const mask = (text: string) => maskSecrets(text, secrets);
  const info = connector.definition.info;
  const server = new Server(
    { name: info.title ?? 'connector', version: info.version ?? VERSION, title: info.title ?? undefined },
    {
      capabilities: { tools: { listChanged: false } },
      ...(info.description && { instructions: info.description }),
    },
  );

  const call = async (name: string, args: Record<string, unknown> | undefined): Promise<ToolResult> => {
    const tool = byName.get(name);
    if (!tool)
      throw new types.McpError(
        types.ErrorCode.InvalidParams,
        `No tool is named \`${name}\`; tools/list gives the ${byName.size} this connector has.`,
      );
    const started = performance.now();
    try {
      const result = await invoke(tool.operationId, argumentsOf(tool, args ?? {}), {
        allPages: options.allPages === true,
      });
      options.log?.(
        `${tool.name}: ${result.response.status} in ${Math.round(performance.now() - started)} ms`,
      );
      return toolResult(result, mask);
    } catch (error) {
      const known = expected(error);
      if (known) {
        options.log?.(`${tool.name}: ${known.code}`);
        return toolError(mask(known.message), known.code);
      }
      // A bug, not the caller's mistake: the client gets a readable error, never a stack trace.
      const message = mask(error instanceof Error ? error.message : String(error));
      options.log?.(`${tool.name}: internal error: ${message}`);
      return toolError(`flowport failed on this call (${message}); please report it`, 'INTERNAL_ERROR');
    }
  };

  server.setRequestHandler(types.ListToolsRequestSchema, async () => ({
    tools: tools.tools.map((t) => ({
      name: t.name,
      ...(t.title && { title: t.title }),
      description: t.description,
      inputSchema: t.inputSchema,
      annotations: t.annotations,
    })),
  }));
  server.setRequestHandler(types.CallToolRequestSchema, async (request) =>
    call(request.params.name, request.params.arguments),
  );

  let closing: Promise<void> | undefined;
  return {
    server,
    tools,
    call,
    close() {
      // Once, however many ask (the end of stdin and the transport's close both do).
      closing ??= (async () => {
        await server.close();
        await runtime?.close();
      })();
      return closing;
    },
  };
}

/** A tool's arguments for the runtime: file arguments from base64 text to file values. */
function argumentsOf(tool: ConnectorTool, args: Record<string, unknown>): Arguments {
  // Null-prototype: the keys come from the client.
  const out: Record<string, ArgumentValue> = Object.create(null);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    out[key] =
      tool.fileArguments.includes(key) && typeof value === 'string'
        ? {
            kind: 'file',
            name: key,
            contentType: 'application/octet-stream',
            bytes: new Uint8Array(Buffer.from(value, 'base64')),
          }
        : (value as ArgumentValue);
  }
  return out;
}
