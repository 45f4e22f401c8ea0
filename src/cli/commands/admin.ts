import { Command, Option } from 'commander';
import type { StoreFlags, TokenCreateFlags } from '../actions/admin.ts';
import type { Io } from './validate.ts';

function storeOptions(command: Command): Command {
  return command
    .option('--home <dir>', 'state folder (default $FLOWPORT_HOME or ~/.flowport)')
    .option('--database-url <url>', 'Postgres instead of SQLite (default $FLOWPORT_DATABASE_URL)');
}

/** `flowport token create|list|revoke`: API tokens, on the store of the machine that runs the server. */
export function tokenCommand(io: Io, setExit: (code: number) => void): Command {
  const token = new Command('token').description(
    'Create, list and revoke API tokens of flowport serve users.',
  );
  token.addCommand(
    storeOptions(
      new Command('create')
        .description(
          'Create a token (and the user, as a maker unless --role admin, when new); prints it once.',
        )
        .requiredOption('--user <name>', 'user name')
        .addOption(new Option('--role <role>', 'role of a new user').choices(['admin', 'maker']))
        .option('--name <label>', 'what the token is for', 'cli')
        .option(
          '--expires <when>',
          'when it stops working: 30d or 12h from now, a date (2027-01-31: through that day, UTC) or an ISO date-time; at most 3650 days (default: never)',
        ),
    ).action(async (flags: TokenCreateFlags) => {
      const { tokenCreate } = await import('../actions/admin.ts');
      setExit(await tokenCreate(flags, io));
    }),
  );
  token.addCommand(
    storeOptions(
      new Command('list')
        .description('List tokens (never their values), with their expiry; expired ones are marked.')
        .option('--user <name>', 'only this user'),
    ).action(async (flags: StoreFlags & { user?: string }) => {
      const { tokenList } = await import('../actions/admin.ts');
      setExit(await tokenList(flags, io));
    }),
  );
  token.addCommand(
    storeOptions(
      new Command('revoke')
        .description('Revoke a token by id.')
        .argument('<id>', 'token id (see token list)'),
    ).action(async (id: string, flags: StoreFlags) => {
      const { tokenRevoke } = await import('../actions/admin.ts');
      setExit(await tokenRevoke(id, flags, io));
    }),
  );
  return token;
}

/** `flowport keys rotate`: re-seal every stored secret with a new key. */
export function keysCommand(io: Io, setExit: (code: number) => void): Command {
  const keys = new Command('keys').description('Manage the key that seals stored secrets.');
  keys.addCommand(
    storeOptions(
      new Command('rotate').description(
        'Generate a new key and re-seal every secret with it (stop the servers first).',
      ),
    ).action(async (flags: StoreFlags) => {
      const { keysRotate } = await import('../actions/admin.ts');
      setExit(await keysRotate(flags, io));
    }),
  );
  return keys;
}
