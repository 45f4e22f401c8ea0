import { Command, Option } from 'commander';
import type { RecordFlags } from '../actions/record.ts';
import { portNumber } from '../listen.ts';
import type { Io } from './validate.ts';

export function recordCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('record')
    .description(
      'Record the calls a client makes to an API, as a proxy in front of it, into a HAR file that `flowport init --from` turns into a connector.',
    )
    .argument('<api-url>', "the API's base URL, such as https://api.contoso.com/v1")
    .addOption(
      new Option('-p, --port <port>', 'port to listen on (0: any free one)')
        .default(4020)
        .argParser(portNumber),
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('-o, --out <file>', 'the HAR file to write (one that holds a HAR is continued)', 'recording.har')
    .option(
      '--keep-secrets',
      'write credentials, cookies and secret fields as sent (default: masked, their names and schemes kept)',
      false,
    )
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Point the client at the recorder instead of the API (its base URL becomes http://127.0.0.1:4020):
every call is passed on to <api-url> + its path, the answer passed back unchanged, and both written
to the HAR file shortly after each call and when the recorder stops (Ctrl-C). Browsers record HARs
themselves (DevTools' Network tab); this is for scripts, SDKs, backends, Postman, curl.

Secrets are masked as they are written: Authorization keeps its scheme (Bearer ***), API key
headers, cookies, credential query parameters and body fields named like secrets (password,
client_secret, access_token…) become ***. flowport init needs only their names; --keep-secrets
writes them as sent.

Exit codes: 0 stopped, 2 usage error (not an http(s) URL, a port in use, --out not a HAR).

Examples:
  flowport record https://api.contoso.com/v1 -o contoso.har
  curl http://127.0.0.1:4020/tasks?top=5 -H "X-Api-Key: $KEY"        (from another shell)
  flowport init contoso --from contoso.har`,
    )
    .action(async (apiUrl: string, flags: RecordFlags) => {
      const { runRecord } = await import('../actions/record.ts');
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        setExit(await runRecord(apiUrl, flags, io, controller.signal));
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
