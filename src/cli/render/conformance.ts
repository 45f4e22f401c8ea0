import pc from 'picocolors';
import type { Conformance, ConformanceFinding } from '../../runtime/response-conformance.ts';

/** Warnings among the findings: what `--strict-schema` fails on. */
export function schemaWarnings(conformance: Conformance | undefined): number {
  return conformance?.findings.filter((f) => f.severity === 'warning').length ?? 0;
}

function share(f: ConformanceFinding): string {
  return f.of > 1 ? ` (${f.count} of ${f.of} values)` : '';
}

/**
 * How an answer compares with its declared schema, for the text output of `run` and `smoke`: one
 * line per finding (warnings first), at most `max`, each with its fix when `fixes` is set.
 */
export function conformanceLines(
  conformance: Conformance,
  options: {
    readonly color: boolean;
    readonly max: number;
    readonly fixes: boolean;
    readonly indent?: string;
  },
): string[] {
  const c = options.color ? pc : pc.createColors(false);
  const indent = options.indent ?? '  ';
  const sorted = [...conformance.findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1,
  );
  const lines: string[] = [];
  for (const f of sorted.slice(0, options.max)) {
    const mark = f.severity === 'warning' ? c.yellow('!') : c.cyan('i');
    lines.push(`${indent}${mark} ${f.message}${share(f)}`);
    if (options.fixes) lines.push(`${indent}  ${c.dim(`fix: ${f.fix}`)}`);
  }
  const more = sorted.length - Math.min(sorted.length, options.max);
  if (more > 0 || conformance.partial)
    lines.push(
      `${indent}${c.dim(`${more > 0 ? `… ${more} more; ` : ''}${conformance.partial ? 'the answer was checked in part (the first 200 items of each array, 20,000 values, 50 findings); ' : ''}--format json lists what was found`)}`,
    );
  return lines;
}

/** The heading of the schema block of `flowport run`. */
export function conformanceHeading(conformance: Conformance, color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const where =
    conformance.response === undefined ? 'the declared responses' : `response \`${conformance.response}\``;
  const warnings = schemaWarnings(conformance);
  const infos = conformance.findings.length - warnings;
  if (conformance.findings.length === 0)
    return `${c.bold('Schema')}  ${c.green('the answer matches')} ${where}.`;
  const parts = [
    warnings > 0 && c.yellow(`${warnings} ${warnings === 1 ? 'difference' : 'differences'}`),
    infos > 0 && `${infos} ${infos === 1 ? 'note' : 'notes'}`,
  ].filter(Boolean);
  return `${c.bold('Schema')}  ${parts.join(', ')} against ${where}:`;
}
