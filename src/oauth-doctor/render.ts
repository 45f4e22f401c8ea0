import pc from 'picocolors';
import type { Verdict } from './checks.ts';
import type { DoctorReport } from './doctor.ts';

const MARKS: Record<Verdict, string> = { pass: '✓', info: 'i', warn: '!', fail: '✗' };

/** The doctor's report for a terminal: the endpoints, then one line per finding with its fix. */
export function renderDoctorReport(report: DoctorReport, color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const paint: Record<Verdict, (s: string) => string> = {
    pass: c.green,
    info: c.cyan,
    warn: c.yellow,
    fail: c.red,
  };
  const lines: string[] = [c.bold(`OAuth doctor — ${report.title ?? report.source}`)];
  const e = report.endpoints;
  if (e) {
    const rows: [string, string][] = [
      ['provider', `${e.provider} (connection parameter \`${e.parameter}\`)`],
      ['authorization', e.authorizationUrl],
      ['token', e.tokenUrl],
      ['refresh', e.refreshUrl === e.tokenUrl ? `${e.refreshUrl} (the token URL)` : e.refreshUrl],
      ['scopes', e.scopes || '(none)'],
      ['redirect', e.redirectUrl],
    ];
    for (const [k, v] of rows) lines.push(`  ${c.dim(k.padEnd(13))} ${v}`);
  }
  lines.push('');
  const width = Math.max(...report.findings.map((f) => f.check.length));
  for (const f of report.findings) {
    lines.push(`${paint[f.verdict](MARKS[f.verdict])} ${c.bold(f.check.padEnd(width))}  ${f.message}`);
    if (f.fix) lines.push(`  ${' '.repeat(width)}  ${c.dim('fix:')} ${f.fix}`);
  }
  const s = report.summary;
  lines.push(
    '',
    [
      s.fail && paint.fail(`${s.fail} failed`),
      s.warn && paint.warn(`${s.warn} ${s.warn === 1 ? 'warning' : 'warnings'}`),
      s.info && `${s.info} to know`,
      `${s.pass} passed`,
    ]
      .filter(Boolean)
      .join(', '),
  );
  return `${lines.join('\n')}\n`;
}
