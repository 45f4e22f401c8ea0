import { totalOf } from '../diagnostic.ts';
import type { ValidationResult } from '../engine.ts';
import { annotationRoot, githubAnnotation } from './github-annotation.ts';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`): a step that runs
 * `flowport validate --format github` shows each finding as an annotation on the pull request's
 * changed lines and in the run's summary, without code scanning (which private repositories only
 * have with GitHub Advanced Security). A last plain line gives the totals for the log.
 */
export function formatGithub(results: readonly ValidationResult[], root = annotationRoot()): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      let message = d.message;
      if (d.fix) message += `\n${d.fix}`;
      if (d.pointer) message += `\nValuePath: ${d.pointer}`;
      const title = `flowport ${d.microsoftId ? `${d.ruleId} (${d.microsoftId})` : d.ruleId}`;
      lines.push(
        githubAnnotation(
          { severity: d.severity, file: d.file ?? r.source, line: d.line, column: d.column, title, message },
          root,
        ),
      );
    }
  }
  const total = totalOf(results);
  const connectors = `${results.length} connector${results.length === 1 ? '' : 's'}`;
  lines.push(
    `flowport: ${total.error} error(s), ${total.warning} warning(s), ${total.info} info in ${connectors}`,
  );
  return lines.join('\n');
}
