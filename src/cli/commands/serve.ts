import { Command, InvalidArgumentError, Option } from 'commander';
import { PRESETS } from '../../validate/rule.ts';
import type { ServeFlags } from '../actions/serve.ts';
import { collect } from '../collect.ts';
import type { Io } from './validate.ts';

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port number, 0–65535.');
  return n;
}

function wholeNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return n;
}

export function serveCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('serve')
    .description(
      'Host connectors: a REST API for connections (API key, basic, OAuth 2) and invoking operations.',
    )
    .argument('[dirs...]', 'connector folders, or folders of connectors, to load (reloaded when they change)')
    .addOption(new Option('--port <port>', 'port to listen on').default(4321).argParser(port))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--public-url <url>',
      'the URL users and OAuth providers reach the server at (default http://host:port)',
    )
    .option(
      '--home <dir>',
      'state folder: SQLite file, secret key, admin token (default $FLOWPORT_HOME or ~/.flowport)',
    )
    .option('--database-url <url>', 'Postgres instead of SQLite (default $FLOWPORT_DATABASE_URL)')
    .option(
      '--backend <id=url>',
      "send a connector's calls to this base URL instead of its swagger host (staging, demo)",
      collect,
      [],
    )
    .addOption(
      new Option('--preset <preset>', 'validation preset stored with each imported version').choices([
        ...PRESETS,
      ]),
    )
    .addOption(
      new Option(
        '--rate-limit <n>',
        'requests per minute per API token (default 600; 0 turns it off)',
      ).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new InvalidArgumentError('expected a whole number, 0 or more.');
        return n;
      }),
    )
    .addOption(
      new Option(
        '--connection-rate-limit <n>',
        'backend calls per minute per connection, counted by each process (default 500, the platform limit; 0 turns it off)',
      ).argParser(wholeNumber),
    )
    .addOption(
      new Option(
        '--overlay-name <name>',
        "apply each connector folder's overlays/<name>.json (an environment's changes, as deploy --overlay) before hosting it",
      ).argParser((value: string) => {
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value))
          throw new InvalidArgumentError(
            'give the name of a file in overlays/ without .json (`qa`), not a path.',
          );
        return value;
      }),
    )
    .option('--no-watch', 'do not reload connector folders when they change')
    .option(
      '--callback-url <url>',
      'base URL backends send webhook callbacks to, e.g. a tunnel (default the public URL)',
    )
    .option(
      '--node-id <name>',
      "this node's name in trigger leases; a node restarted under the same name resumes its work at once (default host:pid; 'local' on SQLite)",
    )
    .option('--no-triggers', 'run no trigger polls or deliveries in this process (API only)')
    .option(
      '--private-sinks',
      'let trigger deliveries go to internal addresses (loopback, private networks); by default only when the public URL is one',
    )
    .addOption(
      new Option('--log-level <level>', 'request log level')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info'),
    )
    .addHelpText(
      'after',
      `
On the first start an admin user is created; its API token is printed once and saved as admin.token in
the home folder (mode 0600), where the other commands find it.

Examples:
  flowport serve examples
  flowport serve ./connectors --port 8080 --database-url postgres://flowport@db/flowport
  flowport serve examples --backend brightdesk=http://127.0.0.1:4100/api/v1`,
    )
    .action(async (dirs: string[], flags: ServeFlags) => {
      const { runServe } = await import('../actions/serve.ts');
      setExit(await runServe(dirs, flags, io));
    });
}
