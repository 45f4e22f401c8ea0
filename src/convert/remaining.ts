import { connectorFromFiles } from '../connector/load.ts';
import type { PresetName } from '../validate/rule.ts';
import { validateConnector } from '../validate/validate.ts';
import type { Remaining } from './report.ts';

/** Error-level findings of a converted connector under `preset`, by rule. */
export function remainingFindings(
  files: Readonly<Record<string, Uint8Array>>,
  preset: PresetName,
): Remaining[] {
  const connector = connectorFromFiles(
    Object.entries(files).map(([name, bytes]) => ({ name, bytes })),
    { source: 'converted' },
  );
  const result = validateConnector(connector, { preset });
  const byRule = new Map<string, Remaining>();
  for (const d of result.diagnostics) {
    if (d.severity !== 'error') continue;
    const seen = byRule.get(d.ruleId);
    byRule.set(d.ruleId, {
      rule: d.ruleId,
      count: (seen?.count ?? 0) + 1,
      message: seen?.message ?? d.message,
    });
  }
  return [...byRule.values()];
}

/** The findings of several connectors (the parts of a split) added up by rule. */
export function mergeRemaining(parts: readonly { readonly remaining: readonly Remaining[] }[]): Remaining[] {
  const byRule = new Map<string, Remaining>();
  for (const part of parts)
    for (const r of part.remaining) {
      const seen = byRule.get(r.rule);
      byRule.set(r.rule, {
        rule: r.rule,
        count: (seen?.count ?? 0) + r.count,
        message: seen?.message ?? r.message,
      });
    }
  return [...byRule.values()];
}
