import { Command, Option } from 'commander';
import type { BreakingFlags } from '../actions/breaking.ts';
import type { Io } from './validate.ts';

export function breakingCommand(io: Io, setExit: (code: number) => void): Command {
  return (
    new Command('breaking')
      // `flowport diff old new`, as DESIGN.md and oasdiff users say it.
      .alias('diff')
      .description(
        "Find the changes between two versions of a connector that break existing flows, as Microsoft's Breaking Change Detector does.",
      )
      .argument(
        '<paths...>',
        'the old and the new version (folders, zips or swagger files); with --base, the connectors to check',
      )
      .option(
        '--base <revision>',
        'compare each connector with itself at this git revision (origin/dev, HEAD~1, a tag)',
      )
      .addOption(
        new Option(
          '-f, --format <format>',
          'output format (pipeline: the lines of the PR pipeline; github: GitHub Actions annotations)',
        )
          .choices(['text', 'json', 'pipeline', 'github'])
          .default('text'),
      )
      .addOption(
        new Option('--fail-on <level>', 'exit with 1 when a change at or above this level exists')
          .choices(['error', 'warning', 'info', 'never'])
          .default('error'),
      )
      .option(
        '--accept <file>',
        'a file of changes made on purpose, each with a reason: they are reported as accepted and fail nothing',
      )
      .option(
        '--accept-all <reason>',
        'add every change not accepted yet to the --accept file (created if missing), with this reason',
      )
      .option('-o, --output <file>', 'write the report to a file instead of standard output')
      .option('--color', 'force colours')
      .option('--no-color', 'no colours')
      .addHelpText(
        'after',
        `
Operations are matched by operationId (a renamed operation counts as deleted), parameters by name,
fields by property name. Microsoft's pipeline runs the same check on every changed swagger of a
pull request and fails on errors.

Accepted changes (--accept): a JSON file { "accepted": [{ "kind", "path", "connector"?, "reason" }] }
kept in the repository; "path" is the ValuePath (ending in /** for everything under it). Entries
that match no change any more are named on standard error.

Exit codes: 0 no change at the --fail-on level, 1 such changes, 2 usage error or unreadable input.

Examples:
  flowport breaking ./old/my-connector ./my-connector
  flowport breaking certified-connectors/MyConnector --base origin/dev
  flowport breaking certified-connectors --base origin/dev --format pipeline
  flowport breaking old/ new/ --accept breaking-accepted.json --accept-all "Not published yet"`,
      )
      .action(async (paths: string[], flags: BreakingFlags) => {
        const { runBreaking } = await import('../actions/breaking.ts');
        setExit(await runBreaking(paths, flags, io));
      })
  );
}
