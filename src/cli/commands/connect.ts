import { Command, Option } from 'commander';
import type { ClientFlags, ConnectFlags } from '../actions/connect.ts';
import { collect } from '../collect.ts';
import { positiveInt } from './run.ts';
import type { Io } from './validate.ts';

function clientOptions(command: Command): Command {
  return command
    .option('--server <url>', 'flowport server (default $FLOWPORT_URL or http://127.0.0.1:4321)')
    .option('--api-token <token>', "API token (default $FLOWPORT_API_TOKEN or the home folder's admin.token)")
    .option('--home <dir>', 'home folder holding admin.token (default $FLOWPORT_HOME or ~/.flowport)');
}

export function connectCommand(io: Io, setExit: (code: number) => void): Command {
  return clientOptions(
    new Command('connect')
      .description(
        'Create a connection on a running flowport serve; OAuth connections open the consent page and wait.',
      )
      .argument('<connector>', 'connector id on the server (see GET /api/v1/connectors)')
      .option('--name <name>', 'connection name')
      .option('--conn <name=value>', 'a connection parameter value; repeat for each', collect, [])
      .option('--conn-set <name>', 'the connection parameter set (multi-auth connectors)')
      .option('--no-open', 'print the consent URL without opening a browser')
      .addOption(
        new Option('--timeout <seconds>', 'how long to wait for the OAuth sign-in')
          .default(300)
          .argParser(positiveInt('--timeout')),
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  flowport connect tasklane --conn api_key=$KEY
  flowport connect brightdesk --conn-set oauth`,
    )
    .action(async (connector: string, flags: ConnectFlags) => {
      const { runConnect } = await import('../actions/connect.ts');
      setExit(await runConnect(connector, flags, io));
    });
}

export function connectionsCommand(io: Io, setExit: (code: number) => void): Command {
  return clientOptions(
    new Command('connections')
      .description('List your connections on a running flowport serve (secrets are never shown).')
      .option('--connector <id>', 'only connections of this connector')
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
      ),
  ).action(async (flags: ClientFlags & { connector?: string; format: 'text' | 'json' }) => {
    const { runConnections } = await import('../actions/connect.ts');
    setExit(await runConnections(flags, io));
  });
}
