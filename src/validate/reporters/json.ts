import type { ValidationResult } from '../engine.ts';

/** Machine-readable report: every finding with rule id, severity, message, pointer and position. */
export function formatJson(results: readonly ValidationResult[], version: string): string {
  const total = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    total.error += r.summary.error;
    total.warning += r.summary.warning;
    total.info += r.summary.info;
  }
  return JSON.stringify(
    {
      tool: 'flowport',
      version,
      summary: total,
      results: results.map((r) => ({
        source: r.source,
        preset: r.preset,
        summary: r.summary,
        diagnostics: r.diagnostics,
      })),
    },
    null,
    2,
  );
}
