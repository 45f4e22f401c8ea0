import type { ConnectorFileKind } from '../connector/model.ts';
import type { RuleCategory, Severity } from './rule.ts';

/** One finding: data, never an exception. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly microsoftId: string | undefined;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string | undefined;
  /** Which connector file, and its path as shown to users. */
  readonly fileKind: ConnectorFileKind | undefined;
  readonly file: string | undefined;
  /** RFC 6901 pointer (`ValuePath` in Microsoft's output) for JSON files. */
  readonly pointer: string | undefined;
  /** 1-based; undefined when the place has no position (a missing file). */
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** Length of the highlighted text. */
  readonly length: number | undefined;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    ORDER[a.severity] - ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function severityRank(severity: Severity): number {
  return ORDER[severity];
}

export interface Summary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const s = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) s[d.severity]++;
  return s;
}
