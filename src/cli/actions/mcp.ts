import pc from 'picocolors';
import type { Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { bridgeToHttp } from '../../mcp/bridge.ts';
import { createMcpServer } from '../../mcp/server.ts';
import { connectorTools, type ToolSet } from '../../mcp/tools.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { apiToken, flowportHome, serverUrl } from '../home.ts';
import { type ConnectionFlags, parseConnection } from '../invoke-flags.ts';
import { loadOverlaid, refuseRemoteOverlay } from '../overlay-flag.ts';
import type { ClientFlags } from './connect.ts';

export interface McpFlags extends ConnectionFlags, ClientFlags {
  /** `--overlay` files applied in order before the connector is used (docs/deploy.md#overlays). */
  overlay?: string[];
  connection?: string;
  baseUrl?: string;
  all: boolean;
  only?: string[];
  allPages: boolean;
  timeout?: number;
  list: boolean;
  format: 'text' | 'json';
}

/** Standard input and output of the process: the MCP stdio transport's (tests pass their own). */
export interface McpStreams {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
}

export async function runMcp(
  connectorPath: string | undefined,
  flags: McpFlags,
  io: Io,
  streams: McpStreams = { stdin: process.stdin, stdout: process.stdout },
): Promise<number> {
  refuseRemoteOverlay(flags);
  if (flags.connection !== undefined) return relay(connectorPath, flags, io, streams);
  if (connectorPath === undefined)
    throw new FlowportError(
      'USAGE',
      'Give the connector to serve (`flowport mcp ./my-connector`), or `--connection <id>` of a running `flowport serve`.',
    );
  const connector = await loadOverlaid(connectorPath, flags.overlay);
  if (flags.list) {
    const tools = connectorTools(connector, { all: flags.all, ...(flags.only && { only: flags.only }) });
    io.stdout.write(
      flags.format === 'json' ? `${JSON.stringify(tools, null, 2)}\n` : renderList(connector, tools, io),
    );
    return EXIT.ok;
  }
  const connection = parseConnection(flags);
  const token = flags.token ?? process.env.FLOWPORT_TOKEN;
  const mcp = await createMcpServer(connector, {
    connection,
    all: flags.all,
    ...(flags.only && { only: flags.only }),
    allPages: flags.allPages,
    ...(token && { secrets: [token] }),
    runtime: {
      ...(flags.baseUrl && { baseUrl: flags.baseUrl }),
      ...(flags.timeout && {
        transportOptions: { headersTimeoutMs: flags.timeout * 1000, bodyTimeoutMs: flags.timeout * 1000 },
      }),
    },
    log: (line) => io.stderr.write(`flowport mcp: ${line}\n`),
  });
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const transport = new StdioServerTransport(
    streams.stdin as ConstructorParameters<typeof StdioServerTransport>[0],
    streams.stdout as ConstructorParameters<typeof StdioServerTransport>[1],
  );
  const closed = new Promise<void>((resolve) => {
    mcp.server.onclose = resolve;
    // The client ends the session by closing our standard input (MCP specification, stdio transport).
    streams.stdin.once('end', () => void mcp.close());
  });
  await mcp.server.connect(transport);
  const title = connector.definition.info.title ?? connectorPath;
  io.stderr.write(
    `flowport mcp: serving ${mcp.tools.tools.length} tools of ${title} on standard input and output\n`,
  );
  await closed;
  await mcp.close();
  return EXIT.ok;
}

/** `--connection`: stdio relayed to the connection's MCP endpoint on a running `flowport serve`. */
async function relay(
  connectorPath: string | undefined,
  flags: McpFlags,
  io: Io,
  streams: McpStreams,
): Promise<number> {
  const others = [
    connectorPath !== undefined && `<connector> (${connectorPath})`,
    flags.list && '--list',
    (flags.conn.length > 0 || flags.connFile || flags.connSet || flags.token) && 'connection values',
    flags.baseUrl && '--base-url',
    flags.only && '--only',
  ].filter(Boolean);
  if (others.length > 0)
    throw new FlowportError(
      'USAGE',
      `--connection serves the connection stored in \`flowport serve\`, with its connector and values: drop ${others.join(', ')}.`,
    );
  const base = serverUrl(flags.server);
  const url = new URL(`${base}/api/v1/connections/${encodeURIComponent(flags.connection ?? '')}/mcp`);
  io.stderr.write(`flowport mcp: relaying standard input and output to ${url.href}\n`);
  await bridgeToHttp({
    url,
    token: apiToken(flags.apiToken, flowportHome(flags.home)),
    stdin: streams.stdin,
    stdout: streams.stdout,
    log: (line) => io.stderr.write(`flowport mcp: ${line}\n`),
  });
  return EXIT.ok;
}

function renderList(connector: Connector, set: ToolSet, io: Io): string {
  const c = io.stdout.isTTY === true && !process.env.NO_COLOR ? pc : pc.createColors(false);
  const out: string[] = [
    c.bold(`${connector.definition.info.title ?? connector.source} — ${set.tools.length} tools`),
  ];
  for (const tool of set.tools) {
    const schema = tool.inputSchema as { properties?: Record<string, unknown>; required?: string[] };
    const required = new Set(schema.required ?? []);
    const args = Object.keys(schema.properties ?? {}).map((k) => (required.has(k) ? k : `${k}?`));
    const hints = [
      tool.annotations.readOnlyHint ? 'read-only' : '',
      tool.annotations.destructiveHint ? 'destructive' : '',
    ].filter(Boolean);
    out.push(
      '',
      `  ${c.cyan(tool.name)}(${args.join(', ')})${hints.length ? c.dim(`  ${hints.join(', ')}`) : ''}`,
      `    ${c.dim(tool.description.split('\n')[0] ?? '')}`,
    );
  }
  if (set.skipped.length > 0) {
    out.push('', c.bold('Left out'));
    for (const s of set.skipped) out.push(`  ${s.operation}: ${s.reason}`);
  }
  if (set.cut.length > 0)
    out.push('', c.dim(`Argument schemas cut short (recursive or very large bodies): ${set.cut.join(', ')}`));
  return `${out.join('\n')}\n`;
}
