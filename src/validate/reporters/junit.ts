import type { ValidationResult } from '../engine.ts';
import type { Severity } from '../rule.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 cannot hold.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML 1.0 allows it: markup escaped, characters XML cannot hold (and lone surrogates) as U+FFFD. */
function xml(s: string): string {
  return s
    .toWellFormed()
    .replace(NOT_XML, '\ufffd')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Where a finding is, as `file:line:column`. */
function place(file: string, line: number | undefined, column: number | undefined): string {
  return line === undefined ? file : `${file}:${line}:${column ?? 1}`;
}

/**
 * JUnit XML, which Azure Pipelines (`PublishTestResults@2`), GitLab, Jenkins and most CI servers show
 * as test results: a test suite per connector and a failed test case per finding at or above
 * `failOn` (the level at which `flowport validate` exits with 1, so the report fails exactly when the
 * run does); a connector without such findings has one passed test case. Findings below that level
 * are listed in the suite's `system-out`, so that nothing is left out.
 */
export function formatJunit(results: readonly ValidationResult[], failOn: Severity | 'never'): string {
  const limit = failOn === 'never' ? -1 : RANK[failOn];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const cases: string[] = [];
    const other: string[] = [];
    for (const d of r.diagnostics) {
      const where = place(d.file ?? r.source, d.line, d.column);
      const rule = d.microsoftId ? `${d.ruleId} (${d.microsoftId})` : d.ruleId;
      if (RANK[d.severity] > limit) {
        other.push(`${d.severity} ${rule} at ${where}: ${d.message}`);
        continue;
      }
      const details = [`${d.severity} ${rule} at ${where}`, d.message];
      if (d.fix) details.push(`Fix: ${d.fix}`);
      if (d.pointer) details.push(`ValuePath: ${d.pointer}`);
      cases.push(
        `    <testcase classname="${xml(r.source)}" name="${xml(`${d.ruleId} at ${where}`)}"${d.file ? ` file="${xml(d.file)}"` : ''}${d.line === undefined ? '' : ` line="${d.line}"`} time="0">\n` +
          `      <failure type="${d.severity}" message="${xml(d.message)}">${xml(details.join('\n'))}</failure>\n` +
          '    </testcase>',
      );
    }
    const failed = cases.length;
    if (failed === 0)
      cases.push(
        `    <testcase classname="${xml(r.source)}" name="${xml(`flowport validate (${r.preset})`)}" time="0"/>`,
      );
    tests += cases.length;
    failures += failed;
    const out = other.length > 0 ? `\n    <system-out>${xml(other.join('\n'))}</system-out>` : '';
    suites.push(
      `  <testsuite name="${xml(r.source)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0">\n` +
        `    <properties>\n      <property name="preset" value="${xml(r.preset)}"/>\n    </properties>\n` +
        `${cases.join('\n')}${out}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flowport validate" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}
