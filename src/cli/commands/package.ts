import { Command, Option } from 'commander';
import type { PackageFlags } from '../actions/package.ts';
import type { Io } from './validate.ts';

export function packageCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('package')
    .description(
      'Build the certification package Partner Center takes (intro.md and the Package Deployer zip), checked as Microsoft checks it.',
    )
    .requiredOption('-o, --output <file>', 'the submission zip to write')
    .option(
      '--connector <folder>',
      'the connector: checked with the certification preset, and its intro.md used',
    )
    .option('--intro <file>', "the intro.md to submit (default: the connector folder's)")
    .option('--pdpkg <file>', 'a Package Deployer zip (*.pdpkg.zip) built already')
    .option(
      '--solution <zip>',
      'a solution zip to build the Package Deployer zip from, with pac and dotnet (repeat: the connector solution, then the flow solution)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--name <name>',
      'name of the Package Deployer project and zip (default: from the connector title)',
    )
    .option('--force', 'replace the output file when it exists', false)
    .addOption(
      new Option('--fail-on <level>', 'write nothing when a finding at or above this level exists')
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Checks, in order: the connector folder with the certification preset (--connector); the solutions,
in a stand-in package, before anything is built; the submission zip itself, with the rules of
ConnectorPackageValidator.ps1 (\`flowport rules --category package\`). The output is written only
when no finding reaches --fail-on. Building from --solution runs \`pac package init\`,
\`pac package add-solution\` and \`dotnet publish\` (the Power Platform CLI and the .NET SDK must be
installed); --pdpkg takes a package built already, on Windows or in CI.

Exit codes: 0 written, 1 findings at or above --fail-on (nothing written), 2 usage error, unreadable
input, missing tools or a failed build.

Examples:
  flowport package --connector ./my-connector --pdpkg MyConnector.pdpkg.zip -o submission.zip
  flowport package --connector ./my-connector --solution connector.zip --solution flows.zip -o submission.zip`,
    )
    .action(async (flags: PackageFlags) => {
      const { runPackage } = await import('../actions/package.ts');
      setExit(await runPackage(flags, io));
    });
}
