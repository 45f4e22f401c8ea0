import { totalOf } from '../diagnostic.ts';
import type { ValidationResult } from '../engine.ts';

/** Machine-readable report: every finding with rule id, severity, message, pointer and position. */
export function formatJson(results: readonly ValidationResult[], version: string): string {
  const total = totalOf(results);
  return JSON.stringify(
    {
      tool: 'flowport',
      version,
      summary: total,
      results: results.map((r) => ({
        source: r.source,
        ...(r.subject && { subject: r.subject }),
        preset: r.preset,
        summary: r.summary,
        diagnostics: r.diagnostics,
      })),
    },
    null,
    2,
  );
}
