import pc from 'picocolors';
import { totalOf } from '../validate/diagnostic.ts';
import { annotationRoot, githubAnnotation } from '../validate/reporters/github-annotation.ts';
import type { Severity } from '../validate/rule.ts';
import type { AcceptedEntry } from './accepted.ts';
import type { BreakingChange, BreakingResult } from './change.ts';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

function where(c: BreakingChange): string {
  if (!c.file) return '';
  return c.line === undefined ? c.file : `${c.file}:${c.line}:${c.column ?? 1}`;
}

/**
 * The changes for people: each with its severity, Microsoft's sentence and change path, what changed
 * where, and the fix; then the totals.
 */
export function formatBreakingText(results: readonly BreakingResult[], color: boolean): string {
  const c = pc.createColors(color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const r of results) {
    out.push(c.bold(`${r.new}`) + c.dim(` compared with ${r.old}`));
    if (r.changes.length === 0) out.push(`  ${c.green('no breaking changes')}`);
    for (const ch of r.changes) {
      const label =
        ch.accepted === undefined ? paint[ch.severity](LABEL[ch.severity].padEnd(7)) : c.dim('accepted');
      out.push(
        `  ${label} ${ch.message} ${c.dim(`ValuePath: ${ch.path}`)}  ${c.dim(ch.kind)}`,
        `          ${ch.detail}${where(ch) ? c.dim(` (${where(ch)}, ${ch.version} version)`) : ''}`,
        `          ${c.dim(ch.accepted === undefined ? `Fix: ${ch.fix}` : `Accepted: ${ch.accepted}`)}`,
      );
    }
    out.push(`  ${updateLine(r, c.dim)}`, '');
  }
  const total = totalOf(results);
  const parts = [
    `${total.error} breaking (error)`,
    `${total.warning} warning${total.warning === 1 ? '' : 's'}`,
    `${total.info} info`,
  ];
  const accepted = results.reduce(
    (n, r) => n + r.changes.filter((ch) => ch.accepted !== undefined).length,
    0,
  );
  if (accepted > 0) parts.push(`${accepted} accepted`);
  out.push(total.error > 0 ? c.red(parts.join(', ')) : parts.join(', '));
  return out.join('\n');
}

const FILE_NAMES: Partial<Record<string, string>> = {
  swagger: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  readme: 'readme.md',
  icon: 'icon.png',
  script: 'script.csx',
  scriptTs: 'script.ts',
  intro: 'intro.md',
  settings: 'settings.json',
};

/** The certification class of the update, and for a major one the first places that make it so. */
function updateLine(r: BreakingResult, dim: (s: string) => string): string {
  const { kind, differences } = r.update;
  if (kind === 'none') return dim('update: no difference');
  if (kind === 'minor')
    return `update: minor ${dim('(only descriptions, summaries, contact, brand colour, publisher, readme or icon changed)')}`;
  const places = differences
    .filter((d) => !d.minor)
    .slice(0, 3)
    .map((d) => `${FILE_NAMES[d.file] ?? d.file}${d.pointer === undefined ? '' : ` ${d.pointer || '/'}`}`);
  const more = differences.filter((d) => !d.minor).length > 3 ? ', …' : '';
  return `update: major ${dim(`(certified more slowly than a minor one; e.g. ${places.join(', ')}${more})`)}`;
}

/** Changes an accepted-changes file does not accept: the pipeline and annotation formats leave the others out. */
const notAccepted = (r: BreakingResult) => r.changes.filter((ch) => ch.accepted === undefined);

/**
 * The lines of Microsoft's pull-request pipeline (`##[error]<message> ValuePath: <path> Source:
 * NewSwagger`), to compare with what it printed.
 */
export function formatBreakingPipeline(results: readonly BreakingResult[]): string {
  return results
    .flatMap((r) =>
      notAccepted(r).map(
        (ch) =>
          `##[${ch.severity === 'error' ? 'error' : 'warning'}]${ch.message} ValuePath: ${ch.path} Source: NewSwagger`,
      ),
    )
    .join('\n');
}

/**
 * Everything as JSON: the totals (accepted changes not counted), each result with its changes (an
 * accepted one says why in `accepted`), and the entries of the accepted-changes file that matched nothing.
 */
export function formatBreakingJson(
  results: readonly BreakingResult[],
  version: string,
  unusedAccepted: readonly AcceptedEntry[] = [],
): string {
  const summary = totalOf(results);
  return JSON.stringify({ tool: 'flowport', version, summary, results, unusedAccepted }, null, 2);
}

/**
 * GitHub Actions annotations, one per change, on the line of the new version it is in (changes found
 * in the old version, such as a deleted operation, are annotated on the connector's new swagger).
 */
export function formatBreakingGithub(results: readonly BreakingResult[], root = annotationRoot()): string {
  const lines: string[] = [];
  for (const r of results)
    for (const ch of notAccepted(r)) {
      const inNew = ch.version === 'new' && ch.file !== undefined;
      lines.push(
        githubAnnotation(
          {
            severity: ch.severity,
            file: inNew ? (ch.file as string) : (r.newSwagger ?? r.new),
            line: inNew ? ch.line : undefined,
            column: inNew ? ch.column : undefined,
            title: `flowport breaking ${ch.kind}`,
            message: `${ch.message} ValuePath: ${ch.path}\n${ch.detail}\n${ch.fix}`,
          },
          root,
        ),
      );
    }
  return lines.join('\n');
}
