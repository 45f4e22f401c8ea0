import { discoverConnectors } from '../../connector/discover.ts';
import { lazy } from '../../lazy.ts';
import { validateManyCached } from '../../validate/cache.ts';
import { loadConfig } from '../../validate/config.ts';
import { severityRank } from '../../validate/diagnostic.ts';
import type { ValidationResult } from '../../validate/engine.ts';
import { validateMany } from '../../validate/pool.ts';
import { formatGithub } from '../../validate/reporters/github.ts';
import { formatJson } from '../../validate/reporters/json.ts';
import { formatJunit } from '../../validate/reporters/junit.ts';
import { formatPaconn } from '../../validate/reporters/paconn.ts';
import { formatPipeline } from '../../validate/reporters/pipeline.ts';
import { formatSarif } from '../../validate/reporters/sarif.ts';
import {
  formatSummaryTable,
  formatText,
  formatTotals,
  plural,
  type SourceTexts,
} from '../../validate/reporters/text.ts';
import type { PresetName, Severity } from '../../validate/rule.ts';
import { type Outcome, type RunOptions, runOne } from '../../validate/run-one.ts';
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
  /** Validate again whenever a connector's files change (`validate-watch.ts`). */
  watch?: boolean;
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
  } else outcomes = await validateMany(sources, options);
  bar?.stop();
  const fixNote = flags.fix ? await fixOutcomes(outcomes, options) : undefined;
  const failures: { code: string; message: string }[] = [];
  const validated: ValidationResult[] = [];
  const textsOf = new Map<ValidationResult, SourceTexts | undefined>();
  for (const outcome of outcomes) {
    if (outcome.error) failures.push(outcome.error);
    if (!outcome.result) continue;
    validated.push(outcome.result);
    textsOf.set(outcome.result, outcome.texts);
  }
  const bulk = suppress(validated, flags);
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
  else if (flags.format === 'sarif') output = formatSarif(results, VERSION, process.cwd(), texts);
  else if (flags.format === 'pipeline') output = formatPipeline(results);
  else if (flags.format === 'paconn') output = formatPaconn(results);
  else if (flags.format === 'github') output = formatGithub(results);
  else if (flags.format === 'junit') output = formatJunit(results, flags.failOn);
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
 * `--fix`: makes the edits the findings offer, file by file, and validates the connectors it changed
 * again, in passes until no change is left to make (at most `MAX_FIX_PASSES`), so that the report
 * shows what is left. Says what it did.
 */
async function fixOutcomes(outcomes: Outcome[], options: RunOptions): Promise<string> {
  const { MAX_FIX_PASSES, planFixes, writeFixes } = await import('../../validate/fix.ts');
  const files = new Set<string>();
  let fixed = 0;
  let elsewhere = 0;
  outcomes.forEach((first, i) => {
    let outcome = first;
    for (let pass = 0; pass < MAX_FIX_PASSES && outcome.result; pass++) {
      const plan = planFixes(outcome.result.diagnostics);
      if (pass === 0) elsewhere += plan.elsewhere;
      if (plan.fixes.length === 0) break;
      writeFixes(plan.fixes);
      for (const f of plan.fixes) files.add(f.file);
      fixed += plan.fixes.reduce((n, f) => n + f.fixed, 0);
      outcome = runOne(outcome.source, options);
    }
    outcomes[i] = outcome;
  });
  const inZip = (n: number) =>
    `${plural(n, 'finding')} --fix could fix ${n === 1 ? 'is' : 'are'} in files inside a zip: unzip the connector and run --fix on its folder.`;
  if (fixed === 0)
    return elsewhere > 0
      ? `nothing fixed: ${inZip(elsewhere)}`
      : 'nothing fixed: no finding has a change --fix can make.';
  return `fixed ${plural(fixed, 'finding')} in ${plural(files.size, 'file')}.${elsewhere > 0 ? ` ${inZip(elsewhere)}` : ''}`;
}
