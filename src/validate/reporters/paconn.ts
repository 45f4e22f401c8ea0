import type { Diagnostic } from '../diagnostic.ts';
import type { ValidationResult } from '../engine.ts';

const FAILED = 'Swagger certification failed with errors. Please fix the errors and validate again.';
const SUCCEEDED = 'Swagger certification succeeded';

/**
 * Findings as `paconn validate` prints the answer of Microsoft's validation service: a first line
 * saying whether certification failed, then `Error : <path> : <message>` and `Warning : <path> :
 * <message>` lines (no path part for the document root), or "Swagger certification succeeded".
 * paconn sends only the swagger, so only the swagger's errors and warnings are listed; a last line
 * counts the findings left out (other files, info level), which `--format text` shows.
 */
export function formatPaconn(results: readonly ValidationResult[]): string {
  const blocks: string[] = [];
  for (const r of results) {
    const shown = r.diagnostics.filter((d) => d.fileKind === 'swagger' && d.severity !== 'info');
    const errors = shown.filter((d) => d.severity === 'error');
    const warnings = shown.filter((d) => d.severity === 'warning');
    const lines = results.length > 1 ? [`${r.source}:`] : [];
    if (errors.length > 0) lines.push(FAILED, ...errors.map((d) => line('Error', d)));
    lines.push(...warnings.map((d) => line('Warning', d)));
    if (errors.length === 0) lines.push(SUCCEEDED);
    const left = r.diagnostics.length - shown.length;
    if (left > 0)
      lines.push(
        `(flowport: ${left} finding${left === 1 ? '' : 's'} outside paconn's output, in other files or at info level; see --format text)`,
      );
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

function line(level: 'Error' | 'Warning', d: Diagnostic): string {
  const path = d.pointer ? d.pointer.slice(1) : '';
  return path ? `${level} : ${path} : ${d.message}` : `${level} : ${d.message}`;
}
