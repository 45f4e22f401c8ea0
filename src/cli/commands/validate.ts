import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isFlowportError } from '../../errors.ts';
import { DEFAULT_CACHE_DIR } from '../../validate/cache.ts';
import { PRESETS } from '../../validate/rule.ts';
import { SUPPRESSIONS_FILE } from '../../validate/suppressions.ts';
import { VERSION } from '../../version.ts';
import { type Io, runValidate, type ValidateFlags } from '../actions/validate.ts';
import { collect } from '../collect.ts';
import { EXIT } from '../exit.ts';

export type { Io } from '../actions/validate.ts';

export function validateCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('validate')
    .description(
      'Check connectors offline against the certification rules, and certification packages against the package layout Partner Center requires.',
    )
    .argument(
      '<paths...>',
      'connector folders, zips or swagger files, or certification packages (the submission zip); a folder of connectors checks each one',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'output format (pipeline: the lines of the PR pipeline; paconn: the text `paconn validate` prints; github: GitHub Actions annotations; junit: JUnit XML test results)',
      )
        .choices(['text', 'json', 'sarif', 'pipeline', 'paconn', 'github', 'junit'])
        .default('text'),
    )
    .addOption(
      new Option(
        '-p, --preset <preset>',
        'rule set (default: from the config, else from the folder: certified-connectors → certification, independent-publisher-connectors → independent-publisher, a certification package → certification, otherwise recommended)',
      ).choices([...PRESETS]),
    )
    .addOption(
      new Option('--fail-on <level>', 'exit with 1 when a finding at or above this level exists')
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .option(
      '-c, --config <file>',
      'config file (default: flowport.config.json or the "flowport" key of package.json, searched upwards)',
    )
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-q, --quiet', 'report errors only', false)
    .option('--no-frames', 'do not print source lines under findings')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .option('--no-progress', 'no progress bar')
    .option(
      '--cache',
      'reuse the results of connectors whose files, rules and settings have not changed since an earlier --cache run',
    )
    .option('--cache-location <dir>', `folder of the cache (implies --cache; default: ${DEFAULT_CACHE_DIR})`)
    .option('-w, --watch', 'validate again whenever a connector file changes, until Ctrl-C')
    .option(
      '--fix',
      'make the changes some findings offer (a missing encoding, title case, a final period…) in the files, then report what is left',
    )
    .option(
      '--only <rule>',
      "report only this rule, by flowport's or Microsoft's id (repeat, or separate with commas, for more); a rule outside the preset is turned on",
      (v: string, previous?: string[]) => [...(previous ?? []), v],
    )
    .option(
      '--diff',
      'show the changes --fix would make as a unified diff and write nothing (exit 1 when there are any)',
    )
    .option(
      '--suppress-all',
      `record the findings at the --fail-on level in the suppressions file: later runs fail only on new ones`,
    )
    .option(
      '--suppress-rule <rule>',
      'the same for one rule (repeat for more)',
      (v: string, previous?: string[]) => [...(previous ?? []), v],
    )
    .option(
      '--suppressions-location <file>',
      `the suppressions file (default: ${SUPPRESSIONS_FILE} in the working directory, used when it exists)`,
    )
    .option(
      '--overlay <file>',
      "validate the connector as an environment's overlay changes it (repeatable, applied in order)",
      // No default: the fast path (validate-fast.ts) gives the flags of a plain run as commander does.
      collect,
    )
    .option('--prune-suppressions', 'remove suppressions of findings fixed since, then validate')
    .option(
      '--pass-on-unpruned-suppressions',
      'do not fail when suppressions allow more findings than there are',
    )
    .addOption(
      new Option(
        '--threads <n>',
        'threads for many connectors (default: one less than the number of cores, at most 4)',
      ).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new InvalidArgumentError('expected a whole number of threads, 1 or more.');
        return n;
      }),
    )
    .addHelpText(
      'after',
      `
Bulk suppressions (as ESLint's): --suppress-all records today's findings per connector and rule
in ${SUPPRESSIONS_FILE}; later runs leave those out and fail on new ones (one finding more of a rule
in a connector reports them all). Suppressions of findings fixed since fail the run until
--prune-suppressions records the fixes, so the file only shrinks.

Exit codes: 0 no findings at the --fail-on level, 1 findings (or suppressions to prune), 2 usage
error or unreadable input.

Examples:
  flowport validate ./my-connector
  flowport validate ./my-connector --preset certification --format sarif -o flowport.sarif
  flowport validate ./my-connector --preset certification --fix
  flowport validate ./my-connector --preset certification --diff    # what --fix would change
  flowport validate ./my-connector --only parameter-summary-title-case --fix   # one rule's fixes only
  flowport validate ./my-connector --preset certification --watch   # again on every save
  flowport validate certified-connectors/ --quiet
  flowport validate certified-connectors/ --cache   # again: only changed connectors are validated
  flowport validate certified-connectors/ --suppress-all   # adopt flowport: fail only on new findings`,
    )
    .action(async (paths: string[], flags: ValidateFlags) => {
      if (!flags.watch) {
        setExit(await runValidate(paths, flags, io));
        return;
      }
      const { watchValidate } = await import('../actions/validate-watch.ts');
      const stop = new AbortController();
      const abort = () => stop.abort();
      process.once('SIGINT', abort);
      process.once('SIGTERM', abort);
      setExit(await watchValidate(paths, flags, io, stop.signal));
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    });
}

/**
 * `flowport validate …` on its own, as `main` (src/cli/main.ts) runs it; a test compares the two.
 * bin/flowport.js falls back to it for what `validateFast` (src/cli/validate-fast.ts) leaves, so that
 * a fresh process loads neither the other commands nor their libraries (YAML, PNG, HTTP).
 */
export async function validateMain(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let code: number = EXIT.ok;
  const output = { writeOut: (s: string) => io.stdout.write(s), writeErr: (s: string) => io.stderr.write(s) };
  const program = new Command('flowport')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(output)
    .exitOverride();
  program.addCommand(
    validateCommand(io, (c) => {
      code = c;
    })
      .exitOverride()
      .configureOutput(output),
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isFlowportError(error)) {
      io.stderr.write(`flowport: ${error.message} [${error.code}]\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
