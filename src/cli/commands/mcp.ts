import { Command, Option } from 'commander';
import type { McpFlags } from '../actions/mcp.ts';
import { collect } from '../collect.ts';
import { OVERLAY_HELP } from '../overlay-flag.ts';
import { addConnectionOptions, addServerOptions, positiveInt } from './run.ts';
import type { Io } from './validate.ts';

export function mcpCommand(io: Io, setExit: (code: number) => void): Command {
  return addServerOptions(
    addConnectionOptions(
      new Command('mcp')
        .description(
          "Serve a connector's actions as tools of a Model Context Protocol server (stdio), for AI agents and MCP clients.",
        )
        .argument('[connector]', 'connector folder, zip or swagger file (not with --connection)'),
    ),
  )
    .option(
      '--connection <id>',
      'relay to the MCP endpoint of a connection stored in a running `flowport serve` instead',
    )
    .option(
      '--base-url <url>',
      'send to this scheme://host/basePath instead of the swagger host or the one a dynamichosturl policy builds (a staging server or a mock)',
    )
    .option('--overlay <file>', OVERLAY_HELP, collect, [])
    .option('--all', 'also internal and deprecated actions', false)
    .option(
      '--only <operationIds...>',
      'only these actions (and the lists their dynamic values come from), for clients that take few tools',
    )
    .option('--all-pages', 'follow x-ms-pageable next links and merge the pages', false)
    .addOption(
      new Option('--timeout <seconds>', 'response timeout of each call (default 120)').argParser(
        positiveInt('--timeout'),
      ),
    )
    .option('--list', 'print the tools an MCP client would see, and exit', false)
    .addOption(
      new Option('-f, --format <format>', 'output format of --list')
        .choices(['text', 'json'])
        .default('text'),
    )
    .addHelpText(
      'after',
      `
The server speaks MCP over standard input and output, so an MCP client starts it as a command. Each
action a Power Platform user sees becomes a tool (triggers do not), with the hidden lists its
dynamic values come from; a call runs as \`flowport run\` would, with the connection given here.
Connection secrets never appear in what the client gets back. Logs go to standard error.

With --connection, the server is the connection of a running \`flowport serve\` (its OAuth refresh,
throttle and masking; \`POST /api/v1/connections/{id}/mcp\`), relayed to clients that start servers as
commands; the API token comes from --api-token, $FLOWPORT_API_TOKEN or the home's admin.token.

Exit codes: 0 the client disconnected (or --list printed), 2 usage error or unreadable connector.

Examples:
  flowport mcp ./tasklane --list
  flowport mcp ./tasklane --conn api_key=$TASKLANE_KEY
  claude mcp add tasklane -- npx flowport mcp ./tasklane --conn-file conn.json
  flowport mcp --connection con_8Yw2hTq1 --server https://flowport.contoso.com`,
    )
    .action(async (connector: string | undefined, flags: McpFlags) => {
      const { runMcp } = await import('../actions/mcp.ts');
      setExit(await runMcp(connector, flags, io));
    });
}
