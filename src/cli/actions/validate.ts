import pc from 'picocolors';
import { discoverConnectors } from '../../connector/discover.ts';
import { FlowportError } from '../../errors.ts';
import { lazy } from '../../lazy.ts';
import { validateManyCached } from '../../validate/cache.ts';
import { type FlowportConfig, loadConfig, namesRule } from '../../validate/config.ts';
import { severityRank } from '../../validate/diagnostic.ts';
import type { ValidationResult } from '../../validate/engine.ts';
import { validateMany } from '../../validate/pool.ts';
import { onlyRules } from '../../validate/presets.ts';
import { nearestRuleIds } from '../../validate/registry.ts';
import { formatGithub } from '../../validate/reporters/github.ts';
import { formatJson } from '../../validate/reporters/json.ts';
import { formatPaconn } from '../../validate/reporters/paconn.ts';
import { formatPipeline } from '../../validate/reporters/pipeline.ts';
import {
  formatSummaryTable,
  formatText,
  formatTotals,
  type SourceTexts,
} from '../../validate/reporters/text.ts';
import type { PresetName, Severity } from '../../validate/rule.ts';
import type { Outcome, RunOptions } from '../../validate/run-one.ts';
import { VERSION } from '../../version.ts';
import { EXIT } from '../exit.ts';
import { suppress } from './bulk-suppressions.ts';

const cliProgress = lazy<typeof import('cli-progress')>('cli-progress');

export interface ValidateFlags {
  format: 'text' | 'json' | 'sarif' | 'pipeline' | 'paconn' | 'github' | 'junit';
  preset?: PresetName;
  failOn: 'error' | 'warning' | 'info' | 'never';
  config?: string;
  output?: string;
  quiet: boolean;
  color?: boolean;
  progress?: boolean;
  frames: boolean;
  threads?: number;
  /** Reuse results of unchanged connectors (`--cache`); `cacheLocation` is the folder and implies it. */
  cache?: boolean;
  cacheLocation?: string;
  /** Bulk suppressions: the file (default `flowport-suppressions.json`), and what to do with it. */
  suppressionsLocation?: string;
  suppressAll?: boolean;
  suppressRule?: string[];
  pruneSuppressions?: boolean;
  passOnUnprunedSuppressions?: boolean;
  /** Make the edits rules offer in the connectors' files, then report what is left. */
  fix?: boolean;
  /** Show the changes `fix` would make as a unified diff, and write nothing. */
  diff?: boolean;
  /** Only these rules (flowport's or Microsoft's ids); any other is off. */
  only?: string[];
  /** Validate again whenever a connector's files change (`validate-watch.ts`). */
  watch?: boolean;
  /** Overlay files applied before validating (docs/deploy.md#overlays). */
  overlay?: string[];
}

export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** Runs validation for the CLI; returns the exit code. */
export async function runValidate(paths: string[], flags: ValidateFlags, io: Io): Promise<number> {
  if (flags.diff && (flags.fix || flags.watch))
    throw new FlowportError(
      'USAGE',
      `--diff shows the changes --fix would make and writes nothing: use it without ${flags.fix ? '--fix' : '--watch'}.`,
    );
  const overlays = flags.overlay ?? [];
  const clash = [
    flags.fix && '--fix',
    flags.diff && '--diff',
    flags.watch && '--watch',
    (flags.cache || flags.cacheLocation) && '--cache',
  ].find(Boolean);
  if (overlays.length > 0 && clash)
    throw new FlowportError(
      'USAGE',
      `--overlay validates the connector as the overlay changes it, in memory: use it without ${clash} (which ${clash === '--cache' ? 'keys results by the files' : 'works on the files themselves'}).`,
    );
  const config = withOnly(loadConfig({ ...(flags.config && { file: flags.config }) }), flags.only);
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
  const options = {
    ...(flags.preset && { preset: flags.preset }),
    ...(config && { config }),
    // Code frames, and SARIF's `fixes`, need the texts of the files findings point into.
    texts: (flags.format === 'text' && flags.frames) || flags.format === 'sarif',
    ...(flags.threads && { threads: flags.threads }),
    onProgress: (_done: number, _total: number, source: string) =>
      bar?.increment(1, { name: source.length > 40 ? `…${source.slice(-39)}` : source }),
  };
  let cacheNote: string | undefined;
  let outcomes: Awaited<ReturnType<typeof validateMany>>;
  if (flags.cache || flags.cacheLocation) {
    const cached = await validateManyCached(sources, {
      ...options,
      ...(flags.cacheLocation && { dir: flags.cacheLocation }),
    });
    outcomes = cached.outcomes;
    const { hits, misses, dir } = cached.stats;
    cacheNote = `cache: ${hits} of ${hits + misses} connector${hits + misses === 1 ? '' : 's'} unchanged, taken from ${dir}`;
  } else if (overlays.length > 0) {
    // Applied here, in this thread: overlays are for one connector or a few, and the plain path stays lean.
    const { validateOverlaid } = await import('./validate-overlaid.ts');
    outcomes = validateOverlaid(sources, overlays, options);
    if (flags.format === 'text' && !flags.quiet)
      cacheNote = `overlays applied: ${overlays.join(', ')} (lines and columns are in the overlaid documents)`;
  } else outcomes = await validateMany(sources, options);
  bar?.stop();
  if (flags.diff) return showFixes(outcomes, options, flags, io, color);
  // Loaded only for --fix: a plain run's process loads none of it.
  const fixNote = flags.fix
    ? (await (await import('./fix-connectors.ts')).fixConnectors(outcomes, options, 'write')).note
    : undefined;
  const failures: { code: string; message: string }[] = [];
  const validated: ValidationResult[] = [];
  const textsOf = new Map<ValidationResult, SourceTexts | undefined>();
  for (const outcome of outcomes) {
    if (outcome.error) failures.push(outcome.error);
    if (!outcome.result) continue;
    validated.push(outcome.result);
    textsOf.set(outcome.result, outcome.texts);
  }
  const bulk = suppress(validated, flags, config);
  const results: ValidationResult[] = [];
  const texts = new Map<ValidationResult, SourceTexts | undefined>();
  bulk.results.forEach((r, i) => {
    const result = flags.quiet
      ? { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }
      : r;
    results.push(result);
    texts.set(result, textsOf.get(validated[i] as ValidationResult));
  });

  let output: string;
  if (flags.format === 'json') output = formatJson(results, VERSION);
  // SARIF and JUnit reporters (and the fix machinery SARIF's fixes use) load only when asked for.
  else if (flags.format === 'sarif')
    output = (await import('../../validate/reporters/sarif.ts')).formatSarif(
      results,
      VERSION,
      process.cwd(),
      texts,
      config?.customRules,
    );
  else if (flags.format === 'pipeline') output = formatPipeline(results);
  else if (flags.format === 'paconn') output = formatPaconn(results);
  else if (flags.format === 'github') output = formatGithub(results);
  else if (flags.format === 'junit')
    output = (await import('../../validate/reporters/junit.ts')).formatJunit(results, flags.failOn);
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
  if (cacheNote && flags.format === 'text' && !flags.quiet) io.stderr.write(`${cacheNote}\n`);
  if (fixNote) io.stderr.write(`flowport: ${fixNote}\n`);
  for (const note of bulk.notes) io.stderr.write(`flowport: ${note}\n`);

  if (failures.length > 0) return EXIT.usage;
  if (bulk.unpruned) return EXIT.findings;
  if (flags.failOn === 'never') return EXIT.ok;
  const threshold = severityRank(flags.failOn as Severity);
  const failed = results.some((r) => r.diagnostics.some((d) => severityRank(d.severity) <= threshold));
  return failed ? EXIT.findings : EXIT.ok;
}

/**
 * `--diff`: the changes `--fix` would make, as a unified diff on standard output (or `--output`),
 * what they would fix on standard error, and nothing written. Exit 1 when there are changes, so that
 * a CI step can ask for a fixed connector; 2 when a connector could not be read.
 */
async function showFixes(
  outcomes: Outcome[],
  options: RunOptions,
  flags: ValidateFlags,
  io: Io,
  color: boolean,
): Promise<number> {
  const { fixConnectors } = await import('./fix-connectors.ts');
  const run = await fixConnectors(outcomes, options, 'diff');
  const failures = outcomes.flatMap((o) => (o.error ? [o.error] : []));
  if (flags.output) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(flags.output, run.diff);
  } else if (run.diff) io.stdout.write(color ? colorDiff(run.diff) : run.diff);
  for (const f of failures) io.stderr.write(`flowport: ${f.message} [${f.code}]\n`);
  io.stderr.write(`flowport: ${run.note}\n`);
  if (failures.length > 0) return EXIT.usage;
  return run.files > 0 ? EXIT.findings : EXIT.ok;
}

/** A unified diff with removed lines red, added ones green and hunk headers cyan. */
function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return pc.bold(line);
      if (line.startsWith('+')) return pc.green(line);
      if (line.startsWith('-')) return pc.red(line);
      if (line.startsWith('@@')) return pc.cyan(line);
      return line;
    })
    .join('\n');
}

/**
 * The config with only the `--only` rules on (each as the config sets it, or at the preset's or its
 * own severity, so that a rule outside the preset can be asked for); a name that is no rule is a
 * usage error naming the nearest ones.
 */
function withOnly(config: FlowportConfig | undefined, only: readonly string[] | undefined) {
  if (!only?.length) return config;
  const ids = only
    .flatMap((o) => o.split(','))
    .map((o) => o.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (namesRule(config, id)) continue;
    const near = nearestRuleIds(id);
    throw new FlowportError(
      'USAGE',
      `\`--only ${id}\` names no rule${near.length ? `; did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : '.'} \`flowport rules\` lists them.`,
    );
  }
  return { ...config, rules: onlyRules(ids, config?.rules) };
}
