import { Command } from 'commander';
import type { LoginFlags } from '../actions/login.ts';
import type { Io } from './validate.ts';

export function loginCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('login')
    .description('Sign in to the Power Platform with a device code, for `flowport deploy` (as paconn login).')
    .option('-t, --tenant <tenant>', 'tenant id or domain (default: common)')
    .option(
      '-i, --client-id <id>',
      "the app to sign in with (default: the Azure CLI's public client, as paconn)",
    )
    .option(
      '-a, --authority <url>',
      'the identity provider (default: https://login.microsoftonline.com; sovereign clouds differ)',
    )
    .addHelpText(
      'after',
      `
Prints a code to enter at the address shown, waits for the sign-in, and keeps the token (and its
refresh token) in the flowport home ($FLOWPORT_HOME, else ~/.flowport), readable only by you.
\`flowport deploy\` uses it, refreshing it when near its end, unless FLOWPORT_POWERAPPS_TOKEN is set.

Exit codes: 0 signed in, 2 the sign-in was refused or expired.`,
    )
    .action(async (flags: LoginFlags) => {
      const { runLogin } = await import('../actions/login.ts');
      setExit(await runLogin(flags, io));
    });
}

export function logoutCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('logout')
    .description('Forget the Power Platform sign-in of `flowport login`.')
    .action(async () => {
      const { runLogout } = await import('../actions/login.ts');
      setExit(runLogout(io));
    });
}
