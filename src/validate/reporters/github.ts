import { relative, resolve, sep } from 'node:path';
import type { ValidationResult } from '../engine.ts';
import type { Severity } from '../rule.ts';

/** GitHub's annotation commands for each severity (`info` findings become notices). */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** A command's message: `%`, CR and LF escaped as the runner expects. */
function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A command's property value: as data, plus `:` and `,`, which separate properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * GitHub matches annotations to files by their path from the repository root: the workspace in a
 * workflow (`GITHUB_WORKSPACE`), else the working folder.
 */
function repoPath(path: string, root: string): string {
  return relative(root, resolve(path)).split(sep).join('/');
}

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`): a step that runs
 * `flowport validate --format github` shows each finding as an annotation on the pull request's
 * changed lines and in the run's summary, without code scanning (which private repositories only
 * have with GitHub Advanced Security). A last plain line gives the totals for the log.
 */
export function formatGithub(
  results: readonly ValidationResult[],
  root = process.env.GITHUB_WORKSPACE || process.cwd(),
): string {
  const lines: string[] = [];
  const total = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    total.error += r.summary.error;
    total.warning += r.summary.warning;
    total.info += r.summary.info;
    for (const d of r.diagnostics) {
      const properties = [`file=${escapeProperty(repoPath(d.file ?? r.source, root))}`];
      if (d.line !== undefined) properties.push(`line=${d.line}`);
      if (d.column !== undefined) properties.push(`col=${d.column}`);
      const title = d.microsoftId ? `${d.ruleId} (${d.microsoftId})` : d.ruleId;
      properties.push(`title=${escapeProperty(`flowport ${title}`)}`);
      let message = d.message;
      if (d.fix) message += `\n${d.fix}`;
      if (d.pointer) message += `\nValuePath: ${d.pointer}`;
      lines.push(`::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(message)}`);
    }
  }
  const connectors = `${results.length} connector${results.length === 1 ? '' : 's'}`;
  lines.push(
    `flowport: ${total.error} error(s), ${total.warning} warning(s), ${total.info} info in ${connectors}`,
  );
  return lines.join('\n');
}
