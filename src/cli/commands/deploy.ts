import { Command, Option } from 'commander';
import type { DeployFlags } from '../actions/deploy.ts';
import { collect } from '../collect.ts';
import { withPowerAppsOptions } from './powerapps-options.ts';
import type { Io } from './validate.ts';

export function deployCommand(io: Io, setExit: (code: number) => void): Command {
  return withPowerAppsOptions(
    new Command('deploy')
      .description(
        'Create or update the connector as a custom connector in a Power Platform environment, as paconn create/update do.',
      )
      .argument('<connector>', 'connector folder, zip or swagger file')
      .option(
        '-e, --environment <id>',
        "environment id, a GUID or Default-<tenant id> (default: settings.json's environment)",
      )
      .option(
        '-c, --connector-id <id>',
        "update this connector (default: settings.json's connectorId; none: create one)",
      )
      .option(
        '--secret-env <variable>',
        "environment variable holding the OAuth app's client secret (needed to create an OAuth connector)",
      )
      .option(
        '--overlay <file>',
        "apply this environment's changes first (JSON Merge Patch of apiDefinition / apiProperties); repeat to stack",
        collect,
        [],
      )
      .option(
        '--dry-run',
        'send nothing: compare with the connector deployed in the environment and print what a deploy would change (exit 1 when it would)',
        false,
      )
      .addOption(
        new Option('-f, --format <format>', "output: the deploy's result, or the --dry-run differences")
          .choices(['text', 'json'])
          .default('text'),
      )
      .option('--keep-stack-owner', "send apiProperties' stackOwner, which the service has refused", false)
      .option('--no-validate', 'do not ask the service to validate the swagger first')
      .option('--no-settings', "do not write a new connector's id into settings.json"),
    true,
  )
    .addHelpText(
      'after',
      `
Uses the protocol of paconn (the Power Platform Connectors CLI): the service validates the swagger,
the icon and script.csx are uploaded to the storage it gives, then the connector is created (POST)
or updated (PATCH) with apiProperties, the swagger and backendService.serviceUrl. A new connector's
id is written to settings.json, so that the next deploy updates it. The access token is the one of
\`flowport login\`, or one in the --token-env variable (the Azure CLI gives one); the OAuth client
secret is read from the --secret-env variable: secrets never come from the command line.

--dry-run reads the deployed connector (as \`flowport download\` does) and compares it with this one,
overlays applied: the swagger member by member, apiProperties.json's members, the icon and custom
code byte for byte. Run it in CI to catch an environment that drifted from its overlay.

Exit codes: 0 deployed (--dry-run: nothing would change), 1 --dry-run found differences, 2 usage
error, unreadable input or a refusal of the service (its message is shown).

Examples:
  flowport login
  flowport deploy ./my-connector --environment Default-<tenant id>
  CLIENT_SECRET=… flowport deploy ./my-connector --secret-env CLIENT_SECRET
  flowport deploy ./my-connector --overlay overlays/qa.json --environment <qa id> --dry-run`,
    )
    .action(async (connector: string, flags: DeployFlags) => {
      const { runDeploy } = await import('../actions/deploy.ts');
      setExit(await runDeploy(connector, flags, io));
    });
}
