import { deviceCodeLogin, removeStoredToken, TOKEN_FILE, writeStoredToken } from '../../deploy/login.ts';
import { objectIdOf } from '../../deploy/token.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { flowportHome } from '../home.ts';

export interface LoginFlags {
  tenant?: string;
  clientId?: string;
  authority?: string;
}

/** `flowport login`: the device code sign-in; the token kept in the flowport home, mode 0600. */
export async function runLogin(flags: LoginFlags, io: Io): Promise<number> {
  const token = await deviceCodeLogin(
    {
      ...(flags.tenant && { tenant: flags.tenant }),
      ...(flags.clientId && { clientId: flags.clientId }),
      ...(flags.authority && { authority: flags.authority }),
    },
    (p) =>
      io.stderr.write(
        `${p.message ?? `To sign in, open ${p.verificationUri} in a browser and enter the code ${p.userCode}.`}\nWaiting for the sign-in…\n`,
      ),
  );
  const path = writeStoredToken(flowportHome(), token);
  let who = '';
  try {
    who = ` (user object id ${objectIdOf(token.accessToken)})`;
  } catch {
    // a token without `oid` is still kept; deploy says what is wrong with it
  }
  io.stdout.write(
    `Signed in to the Power Platform${who}; the token is kept in ${path}, readable only by you. \`flowport deploy\` uses it.\n`,
  );
  return EXIT.ok;
}

export function runLogout(io: Io): number {
  const had = removeStoredToken(flowportHome());
  io.stdout.write(
    had ? `Signed out: ${TOKEN_FILE} removed.\n` : 'There was no Power Platform sign-in to remove.\n',
  );
  return EXIT.ok;
}
