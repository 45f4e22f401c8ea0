import { Command, Option } from 'commander';
import type { OAuthDoctorFlags } from '../actions/oauth-doctor.ts';
import { collect } from '../collect.ts';
import { OVERLAY_HELP } from '../overlay-flag.ts';
import { positiveInt } from './run.ts';
import type { Io } from './validate.ts';

export function oauthDoctorCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('oauth-doctor')
    .description(
      "Sign in to a connector's OAuth provider from this machine and check what production meets later: the refresh token, the token's lifetime, scopes and audience, the API call, and the refresh as the platform sends it; says which setting mends what it finds.",
    )
    .argument('<connector>', 'connector folder, zip or swagger file')
    .option('--overlay <file>', OVERLAY_HELP, collect, [])
    .option('--client-id <id>', "the app registered with the provider (default: the connector's clientId)")
    .option(
      '--client-secret-env <variable>',
      'the environment variable holding the client secret',
      'FLOWPORT_CLIENT_SECRET',
    )
    .option(
      '--conn <name=value>',
      'a connection parameter value (`token:customHost=…`); repeat for each',
      collect,
      [],
    )
    .option('--conn-set <name>', 'the connection parameter set (multi-auth connectors)')
    .addOption(
      new Option('--port <port>', 'loopback port the sign-in returns to')
        .default(8400)
        .argParser(positiveInt('--port')),
    )
    .option('--redirect-url <url>', 'the whole redirect URL instead (http on 127.0.0.1, localhost or [::1])')
    .option('--no-open', 'print the sign-in URL without opening a browser')
    .addOption(
      new Option('--timeout <seconds>', 'how long to wait for the sign-in')
        .default(300)
        .argParser(positiveInt('--timeout')),
    )
    .option(
      '--base-url <url>',
      'call the API at this scheme://host/basePath instead of the swagger host or the one a dynamichosturl policy builds',
    )
    .option('--no-call', 'do not call the API with the tokens')
    .addOption(
      new Option('--aad-version <version>', 'Entra ID endpoints for `aad`')
        .choices(['v1', 'v2'])
        .default('v1'),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--color', 'force colour in the text output')
    .option('--no-color', 'no colour in the text output')
    .addHelpText(
      'after',
      `
You sign in once, in the browser, with a test account; the doctor then does what the platform does
with the tokens (the refresh right away, not an hour later) and reports each check as pass, info,
warn or fail with the fix. When the provider refuses the platform's refresh, the doctor tries the
usual variants (the standard body, scope, redirect_uri, HTTP Basic client authentication) and names
the apiProperties change that makes the one it takes. Register the redirect URL it prints with the
app first. Tokens and the client secret never appear in its output.

Exit codes: 0 no check failed, 1 a check failed, 2 usage error, unreadable connector, or no sign-in
in time.

Examples:
  FLOWPORT_CLIENT_SECRET=… flowport oauth-doctor ./tasklane
  flowport oauth-doctor ./zoho-mail --client-id 1000.ABC --conn token:customHost=accounts.zoho.eu
  flowport oauth-doctor ./contoso --port 8765 --no-open --format json`,
    )
    .action(async (connector: string, flags: OAuthDoctorFlags) => {
      const { runOAuthDoctor } = await import('../actions/oauth-doctor.ts');
      setExit(await runOAuthDoctor(connector, flags, io));
    });
}
