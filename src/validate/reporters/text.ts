import pc from 'picocolors';
import type { ConnectorFileKind } from '../../connector/model.ts';
import { type Diagnostic, fixableCount, totalOf } from '../diagnostic.ts';
import type { ValidationResult } from '../engine.ts';
import { codeFrame } from './code-frame.ts';
import { SourceLines } from './source-lines.ts';

export interface TextOptions {
  readonly color: boolean;
  /** Show source lines under each finding (default true). */
  readonly frames?: boolean;
}

const LABEL = { error: 'error', warning: 'warning', info: 'info' } as const;

function paint(color: boolean) {
  return color
    ? pc
    : {
        red: String,
        yellow: String,
        blue: String,
        dim: String,
        bold: String,
        green: String,
        underline: String,
      };
}

/** Texts of a connector's files by kind, for code frames. */
export type SourceTexts = Partial<Record<ConnectorFileKind, string>>;

function sourceText(texts: SourceTexts | undefined, d: Diagnostic): string | undefined {
  return texts && d.fileKind ? texts[d.fileKind] : undefined;
}

/** Human report of one connector's findings, with code frames. */
export function formatText(
  result: ValidationResult,
  texts: SourceTexts | undefined,
  options: TextOptions,
): string {
  const c = paint(options.color);
  const out: string[] = [];
  let lastFile: string | undefined;
  // Each file's lines, found once for all its findings.
  const lines = new Map<ConnectorFileKind, SourceLines>();
  for (const d of result.diagnostics) {
    if (d.file !== lastFile) {
      out.push('', c.underline(d.file ?? result.source));
      lastFile = d.file;
    }
    const where = d.line ? `${d.line}:${d.column ?? 1}` : '-';
    const sev =
      d.severity === 'error'
        ? c.red(LABEL.error)
        : d.severity === 'warning'
          ? c.yellow(LABEL.warning)
          : c.blue(LABEL.info);
    const id = d.microsoftId ? `${d.ruleId} (${d.microsoftId})` : d.ruleId;
    out.push(`  ${c.dim(where.padEnd(9))} ${sev.padEnd(options.color ? 17 : 7)}  ${d.message}  ${c.dim(id)}`);
    if (d.pointer !== undefined && d.pointer !== '')
      out.push(`  ${' '.repeat(9)} ${c.dim(`at ${d.pointer}`)}`);
    const text = options.frames === false ? undefined : sourceText(texts, d);
    if (text !== undefined && d.line) {
      const kind = d.fileKind as ConnectorFileKind;
      let source = lines.get(kind);
      if (!source) {
        source = new SourceLines(text);
        lines.set(kind, source);
      }
      out.push(
        codeFrame(source, d.line, d.column ?? 1, d.length, options.color)
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n'),
      );
    }
    if (d.fix) out.push(`  ${' '.repeat(9)} ${c.green('fix:')} ${d.fix}`);
  }
  return out.join('\n');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The closing line: totals across all connectors. */
export function formatTotals(results: readonly ValidationResult[], color: boolean): string {
  const c = paint(color);
  const t = totalOf(results);
  const n = t.error + t.warning + t.info;
  const counts = `${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info`;
  const scope = scopeOf(results);
  if (n === 0) return c.green(`✔ ${scope} checked: no problems.`);
  const mark = t.error > 0 ? c.red('✖') : c.yellow('⚠');
  const fixable = results.reduce((k, r) => k + fixableCount(r.diagnostics), 0);
  const hint = fixable > 0 ? `\n  ${fixable} of them can be fixed with the \`--fix\` option.` : '';
  return `${mark} ${plural(n, 'problem')} (${counts}) in ${scope}.${hint}`;
}

/** What a run checked: `2 connectors`, `1 package`, `2 connectors and 1 package`. */
function scopeOf(results: readonly ValidationResult[]): string {
  const packages = results.filter((r) => r.subject === 'package').length;
  const connectors = results.length - packages;
  if (packages === 0) return plural(connectors, 'connector');
  if (connectors === 0) return plural(packages, 'package');
  return `${plural(connectors, 'connector')} and ${plural(packages, 'package')}`;
}

/** A table of findings per connector, for runs over many connectors. */
export function formatSummaryTable(results: readonly ValidationResult[], color: boolean): string {
  const c = paint(color);
  const width = Math.min(70, Math.max(9, ...results.map((r) => r.source.length)));
  const rows = [
    `${'connector'.padEnd(width)}  ${'preset'.padEnd(21)} ${'errors'.padStart(6)} ${'warnings'.padStart(8)} ${'info'.padStart(5)}`,
  ];
  rows.push(c.dim('-'.repeat(rows[0]?.length ?? 0)));
  for (const r of results) {
    const name = r.source.length > width ? `…${r.source.slice(-(width - 1))}` : r.source;
    const e = String(r.summary.error).padStart(6);
    rows.push(
      `${name.padEnd(width)}  ${r.preset.padEnd(21)} ${r.summary.error ? c.red(e) : e} ${String(r.summary.warning).padStart(8)} ${String(r.summary.info).padStart(5)}`,
    );
  }
  return rows.join('\n');
}
