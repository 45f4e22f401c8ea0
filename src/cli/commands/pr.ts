import { Command, Option } from 'commander';
import type { PrFlags } from '../actions/pr.ts';
import type { Io } from './validate.ts';

export function prCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('pr')
    .description(
      'Prepare the pull request to microsoft/PowerPlatformConnectors: the folder, the title, and the description with the checklist filled in from the certification rules.',
    )
    .argument('<connector>', 'connector folder, zip or swagger file')
    .addOption(
      new Option('--kind <kind>', "the submission (default: from the connector's folder)").choices([
        'certified',
        'independent-publisher',
      ]),
    )
    .option('--name <name>', "the folder name in the repository (default: the connector's title)")
    .option(
      '--repo <dir>',
      'a clone of PowerPlatformConnectors: write the connector folder into it (compared first with the version there)',
    )
    .option(
      '--smoke <file>',
      'the output of `flowport smoke <connector> --format json`: decides "every operation was tested"',
    )
    .option(
      '--base <version>',
      'the published version to compare with: a connector folder, or a git revision',
    )
    .option('-o, --output <file>', 'write the description to a file (default: standard output)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1, and write nothing into --repo, on a finding this severe')
        .choices(['error', 'warning', 'never'])
        .default('error'),
    )
    .option('--force', 'write into --repo even when --fail-on fails', false)
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'),
    )
    .addHelpText(
      'after',
      `
The checklist covers what the pull request template asks: items the certification rules decide are
ticked when no error-level finding is left (and list the findings when one is); the others stay for
you to confirm, with how. Independent publisher submissions get the title "<Name> (Independent
Publisher)" and a place for the screenshots reviewers ask for.

Exit codes: 0 ready, 1 a finding at --fail-on (the pipeline would refuse it), 2 usage error or
unreadable input.

Examples:
  flowport pr ./tasklane --kind independent-publisher -o pr.md
  flowport smoke ./tasklane --conn-file conn.json --format json > smoke.json
  flowport pr ./tasklane --kind certified --smoke smoke.json -o pr.md
  flowport pr ./tasklane --kind certified --repo ../PowerPlatformConnectors
  flowport pr certified-connectors/Tasklane --base origin/dev`,
    )
    .action(async (connector: string, flags: PrFlags) => {
      const { runPr } = await import('../actions/pr.ts');
      setExit(await runPr(connector, flags, io));
    });
}
