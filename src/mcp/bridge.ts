/**
 * `flowport mcp --connection <id>`: a stdio MCP server that relays every message to the MCP endpoint
 * of a connection stored in a running `flowport serve` (`POST /api/v1/connections/{id}/mcp`), for
 * clients that only start servers as commands. The hosted connection keeps its OAuth refresh, its
 * throttle and its masking; this process holds nothing but the API token.
 */
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface BridgeOptions {
  /** The connection's MCP endpoint. */
  readonly url: URL;
  /** The API token sent as `Authorization: Bearer …`. */
  readonly token: string | undefined;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly log: (line: string) => void;
}

/** Relays until the client closes standard input. */
export async function bridgeToHttp(options: BridgeOptions): Promise<void> {
  const [{ StdioServerTransport }, { StreamableHTTPClientTransport }, types] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ]);
  const local = new StdioServerTransport(
    options.stdin as ConstructorParameters<typeof StdioServerTransport>[0],
    options.stdout as ConstructorParameters<typeof StdioServerTransport>[1],
  );
  const remote = new StreamableHTTPClientTransport(options.url, {
    requestInit: { headers: options.token ? { authorization: `Bearer ${options.token}` } : {} },
  });
  // The SDK reports a failed send twice (its error callback and the rejection): logged once.
  let last = '';
  const log = (line: string) => {
    if (line !== last) options.log(line);
    last = line;
  };
  // A request the server could not take (a wrong token, another user's connection, the server
  // down) is answered here, so the client shows why instead of waiting.
  const refuse = (message: JSONRPCMessage, error: unknown) => {
    const text = describe(error, options.url);
    log(`the server did not take a message: ${text}`);
    if (!types.isJSONRPCRequest(message)) return;
    void local.send({
      jsonrpc: '2.0',
      id: message.id,
      error: {
        code: types.ErrorCode.InternalError,
        message: `flowport mcp --connection: ${text}`,
      },
    });
  };
  local.onmessage = (message) => {
    remote.send(message).catch((error: unknown) => refuse(message, error));
  };
  remote.onmessage = (message) => {
    void local.send(message);
  };
  remote.onerror = (error) => log(`the server did not take a message: ${describe(error, options.url)}`);
  const ended = new Promise<void>((resolve) => {
    options.stdin.once('end', resolve);
    options.stdin.once('close', resolve);
  });
  await remote.start();
  await local.start();
  await ended;
  await Promise.allSettled([remote.close(), local.close()]);
}

/** A failed exchange with the server, said so that the user knows what to change. */
function describe(error: unknown, url: URL): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (
    typeof cause?.code === 'string' &&
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT)$/.test(cause.code)
  )
    return `cannot reach ${url.origin} (${cause.code}); is \`flowport serve\` running there? Give its address with --server or $FLOWPORT_URL`;
  return error instanceof Error ? error.message : String(error);
}
