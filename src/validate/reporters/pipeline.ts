import type { ValidationResult } from '../engine.ts';

/**
 * Findings in the shape Microsoft's pull-request pipeline prints (`##[error]<message> ValuePath: <pointer>`),
 * so they can be compared line by line with what the certification pipeline says.
 */
export function formatPipeline(results: readonly ValidationResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const path = d.pointer ? ` ValuePath: ${d.pointer}` : '';
      const tag = d.severity === 'error' ? 'error' : 'warning';
      const rule = d.microsoftId ?? d.ruleId;
      lines.push(
        `##[${tag}]${d.file ?? r.source}(${d.line ?? ''},${d.column ?? ''}): ${rule}: ${d.message}${path}`,
      );
    }
  }
  return lines.join('\n');
}
