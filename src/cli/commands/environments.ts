import { Command, Option } from 'commander';
import type { EnvironmentsFlags } from '../actions/environments.ts';
import type { Io } from './validate.ts';

export function environmentsCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('environments')
    .description(
      "List the Power Platform environments you can deploy to, or an environment's custom connectors.",
    )
    .argument('[environment]', 'an environment id: list its custom connectors instead')
    .option('--all', 'with an environment: list every connector, managed ones too', false)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option(
      '--token-env <variable>',
      'environment variable holding an access token (default: the sign-in of `flowport login`)',
      'FLOWPORT_POWERAPPS_TOKEN',
    )
    .option('--powerapps-url <url>', 'the PowerApps API (default: https://api.powerapps.com)')
    .option('--api-version <version>', 'the API version (default: 2016-11-01)')
    .addHelpText(
      'after',
      `
The ids are what \`flowport deploy --environment\` and \`flowport download\` take.

Examples:
  flowport environments
  flowport environments Default-<tenant id>`,
    )
    .action(async (environment: string | undefined, flags: EnvironmentsFlags) => {
      const { runEnvironments } = await import('../actions/environments.ts');
      setExit(await runEnvironments(environment, flags, io));
    });
}
