import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { discoverConnectors } from '../../connector/discover.ts';
import { isFlowportError } from '../../errors.ts';
import { lazy } from '../../lazy.ts';
import { loadConfig } from '../../validate/config.ts';
import { severityRank } from '../../validate/diagnostic.ts';
import type { ValidationResult } from '../../validate/engine.ts';
import { validateMany } from '../../validate/pool.ts';
import { formatJson } from '../../validate/reporters/json.ts';
import { formatPipeline } from '../../validate/reporters/pipeline.ts';
import { formatSarif } from '../../validate/reporters/sarif.ts';
import {
  formatSummaryTable,
  formatText,
  formatTotals,
  type SourceTexts,
} from '../../validate/reporters/text.ts';
import { PRESETS, type PresetName, type Severity } from '../../validate/rule.ts';
import { VERSION } from '../../version.ts';
import { EXIT } from '../exit.ts';

const cliProgress = lazy<typeof import('cli-progress')>('cli-progress');

interface ValidateFlags {
  format: 'text' | 'json' | 'sarif' | 'pipeline';
  preset?: PresetName;
  failOn: 'error' | 'warning' | 'info' | 'never';
  config?: string;
  output?: string;
  quiet: boolean;
  color?: boolean;
  progress?: boolean;
  frames: boolean;
  threads?: number;
}

export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** Runs validation for the CLI; returns the exit code. */
export async function runValidate(paths: string[], flags: ValidateFlags, io: Io): Promise<number> {
  const config = loadConfig({ ...(flags.config && { file: flags.config }) });
  const sources = paths.flatMap((p) => discoverConnectors(p));
  const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
  // `progress` is true unless `--no-progress` is given (commander's default for a negated option):
  // the bar is for many connectors on a terminal, and cli-progress is loaded only then.
  const showProgress =
    flags.progress !== false && sources.length > 1 && io.stderr.isTTY === true && flags.format === 'text';
  const bar = showProgress
    ? new (cliProgress().SingleBar)({
        format: 'validating {bar} {value}/{total} {name}',
        hideCursor: true,
        clearOnComplete: true,
        stream: process.stderr as NodeJS.WriteStream,
      })
    : undefined;
  bar?.start(sources.length, 0, { name: '' });
  const outcomes = await validateMany(sources, {
    ...(flags.preset && { preset: flags.preset }),
    ...(config && { config }),
    texts: flags.format === 'text' && flags.frames,
    ...(flags.threads && { threads: flags.threads }),
    onProgress: (_done, _total, source) =>
      bar?.increment(1, { name: source.length > 40 ? `…${source.slice(-39)}` : source }),
  });
  bar?.stop();
  const results: ValidationResult[] = [];
  const texts = new Map<ValidationResult, SourceTexts | undefined>();
  const failures: { code: string; message: string }[] = [];
  for (const outcome of outcomes) {
    if (outcome.error) failures.push(outcome.error);
    if (!outcome.result) continue;
    const result = flags.quiet
      ? { ...outcome.result, diagnostics: outcome.result.diagnostics.filter((d) => d.severity === 'error') }
      : outcome.result;
    results.push(result);
    texts.set(result, outcome.texts);
  }

  let output: string;
  if (flags.format === 'json') output = formatJson(results, VERSION);
  else if (flags.format === 'sarif') output = formatSarif(results, VERSION);
  else if (flags.format === 'pipeline') output = formatPipeline(results);
  else {
    const parts = results
      .map((r) => formatText(r, texts.get(r), { color, frames: flags.frames }))
      .filter((s) => s.trim() !== '');
    if (results.length > 1) parts.push('', formatSummaryTable(results, color));
    if (results.length > 0 || failures.length === 0) parts.push('', formatTotals(results, color));
    output = parts.join('\n').replace(/^\n+/, '');
  }
  if (flags.output) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(flags.output, `${output}\n`);
  } else io.stdout.write(`${output}\n`);
  for (const f of failures) io.stderr.write(`flowport: ${f.message} [${f.code}]\n`);

  if (failures.length > 0) return EXIT.usage;
  if (flags.failOn === 'never') return EXIT.ok;
  const threshold = severityRank(flags.failOn as Severity);
  const failed = results.some((r) => r.diagnostics.some((d) => severityRank(d.severity) <= threshold));
  return failed ? EXIT.findings : EXIT.ok;
}

export function validateCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('validate')
    .description('Check connectors offline against the certification rules.')
    .argument(
      '<paths...>',
      'connector folders, zips or swagger files; a folder of connectors checks each one',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'pipeline'])
        .default('text'),
    )
    .addOption(
      new Option(
        '-p, --preset <preset>',
        'rule set (default: from the config, else from the folder: certified-connectors → certification, independent-publisher-connectors → independent-publisher, otherwise recommended)',
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
    .addOption(
      new Option(
        '--threads <n>',
        'threads for many connectors (default: the number of cores, at most 4)',
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
Exit codes: 0 no findings at the --fail-on level, 1 findings, 2 usage error or unreadable input.

Examples:
  flowport validate ./my-connector
  flowport validate ./my-connector --preset certification --format sarif -o flowport.sarif
  flowport validate certified-connectors/ --quiet`,
    )
    .action(async (paths: string[], flags: ValidateFlags) => {
      setExit(await runValidate(paths, flags, io));
    });
}

/**
 * `flowport validate …` on its own, as `main` (src/cli/main.ts) runs it; a test compares the two.
 * bin/flowport.js starts a published `validate` here, so that a fresh process loads neither the other
 * commands nor their libraries (YAML, PNG, HTTP): a seventh of its time.
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
