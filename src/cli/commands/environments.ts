import { Command, Option } from 'commander';
import type { EnvironmentsFlags } from '../actions/environments.ts';
import { withPowerAppsOptions } from './powerapps-options.ts';
import type { Io } from './validate.ts';

export function environmentsCommand(io: Io, setExit: (code: number) => void): Command {
  return withPowerAppsOptions(
    new Command('environments')
      .description(
        "List the Power Platform environments you can deploy to, or an environment's custom connectors.",
      )
      .argument('[environment]', 'an environment id: list its custom connectors instead')
      .option('--all', 'with an environment: list every connector, managed ones too', false)
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
      ),
  )
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
