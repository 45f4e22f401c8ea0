/**
 * Bulk suppressions, as ESLint has them: a file that records, per connector and rule, how many
 * findings existed when a team adopted flowport (or turned a rule on), so that CI fails only on new
 * ones while the old ones are fixed at leisure. Counts, not positions: edits that move a finding do
 * not wake it; one finding more of that rule in that connector reports them all.
 *
 * ```json
 * { "certified-connectors/Contoso": { "operation-summary-missing": { "count": 3 } } }
 * ```
 *
 * Connector paths are relative to the file's folder, with `/`, so that the file works from any
 * working directory.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { FlowportError } from '../errors.ts';
import { readJsonFile } from './config.ts';
import { type Diagnostic, severityRank, summarize } from './diagnostic.ts';
import type { ValidationResult } from './engine.ts';
import { findRule } from './registry.ts';
import type { Severity } from './rule.ts';

/** The default file, looked for in the working directory. */
export const SUPPRESSIONS_FILE = 'flowport-suppressions.json';

export interface Suppressions {
  readonly file: string;
  /** connector key → rule id → count. */
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** A suppression that found fewer findings than it allows: the rest were fixed. */
export interface UnusedSuppression {
  readonly connector: string;
  readonly ruleId: string;
  readonly count: number;
  readonly found: number;
}

/** The key a connector has in a suppressions file: its path relative to the file's folder, with `/`. */
export function connectorKey(source: string, file: string): string {
  const rel = relative(dirname(resolve(file)), resolve(source));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Checks a parsed suppressions file; throws `CONFIG_INVALID` naming the place and the fix. */
export function parseSuppressions(
  value: unknown,
  file: string,
  known: (ruleId: string) => boolean = (id) => Boolean(findRule(id)),
): Suppressions {
  const fail = (message: string): never => {
    throw new FlowportError('CONFIG_INVALID', `${file}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('the file must be a JSON object: connector path → rule id → { "count": n }.');
  const counts = new Map<string, Map<string, number>>();
  for (const [connector, rules] of Object.entries(value as Record<string, unknown>)) {
    if (connector === '$schema' || connector === '$comment') continue;
    if (isAbsolute(connector)) fail(`\`${connector}\`: use a path relative to the file's folder.`);
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules))
      fail(`\`${connector}\` must be an object of rule id → { "count": n }.`);
    const byRule = new Map<string, number>();
    for (const [ruleId, entry] of Object.entries(rules as Record<string, unknown>)) {
      if (!known(ruleId))
        fail(`\`${connector}\` → \`${ruleId}\` names no rule; see docs/rules/README.md for the rule ids.`);
      const count = (entry as { count?: unknown } | null)?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
        fail(`\`${connector}\` → \`${ruleId}\` must be { "count": n } with a whole number n ≥ 1.`);
      byRule.set(ruleId, count as number);
    }
    counts.set(connector, byRule);
  }
  return { file, counts };
}

/** Reads a suppressions file; a missing one is empty. */
export function readSuppressions(file: string, known?: (ruleId: string) => boolean): Suppressions {
  if (!existsSync(file)) return { file, counts: new Map() };
  return parseSuppressions(readJsonFile(file), file, known);
}

export interface Suppressed {
  /** The results without their suppressed findings (summaries counted again). */
  readonly results: readonly ValidationResult[];
  readonly suppressed: number;
  /** Suppressions of connectors in this run that allow more findings than there are. */
  readonly unused: readonly UnusedSuppression[];
}

const countByRule = (diagnostics: readonly Diagnostic[]) => {
  const by = new Map<string, number>();
  for (const d of diagnostics) by.set(d.ruleId, (by.get(d.ruleId) ?? 0) + 1);
  return by;
};

/**
 * Leaves out the findings a suppression covers: all of a rule's findings in a connector when there
 * are at most as many as its count, none when there are more (the new one cannot be told from the
 * old ones). Connectors not in this run keep their suppressions untouched.
 */
export function applySuppressions(
  results: readonly ValidationResult[],
  suppressions: Suppressions,
): Suppressed {
  let suppressed = 0;
  const unused: UnusedSuppression[] = [];
  const out = results.map((r) => {
    const connector = connectorKey(r.source, suppressions.file);
    const allowed = suppressions.counts.get(connector);
    if (!allowed) return r;
    const found = countByRule(r.diagnostics);
    const hidden = new Set<string>();
    for (const [ruleId, count] of allowed) {
      const n = found.get(ruleId) ?? 0;
      if (n <= count) {
        hidden.add(ruleId);
        suppressed += n;
      }
      if (n < count) unused.push({ connector, ruleId, count, found: n });
    }
    if (hidden.size === 0) return r;
    const diagnostics = r.diagnostics.filter((d) => !hidden.has(d.ruleId));
    return { ...r, diagnostics, summary: summarize(diagnostics) };
  });
  return { results: out, suppressed, unused };
}

/**
 * Records the findings of `results` at or above `threshold` (only of `rules`, when given) as
 * suppressed: each rule's count becomes the number found. Other connectors and rules keep theirs.
 */
export function suppressFindings(
  results: readonly ValidationResult[],
  suppressions: Suppressions,
  options: { readonly threshold: Severity; readonly rules?: readonly string[] },
): Suppressions {
  const counts = new Map([...suppressions.counts].map(([k, v]) => [k, new Map(v)]));
  const rank = severityRank(options.threshold);
  for (const r of results) {
    const connector = connectorKey(r.source, suppressions.file);
    const wanted = r.diagnostics.filter(
      (d) => severityRank(d.severity) <= rank && (!options.rules || options.rules.includes(d.ruleId)),
    );
    for (const [ruleId, n] of countByRule(wanted)) {
      const byRule = counts.get(connector) ?? new Map<string, number>();
      byRule.set(ruleId, n);
      counts.set(connector, byRule);
    }
  }
  return { file: suppressions.file, counts };
}

/** Lowers each unused suppression to what was found, and drops those that found nothing. */
export function pruneSuppressions(
  suppressions: Suppressions,
  unused: readonly UnusedSuppression[],
): Suppressions {
  const counts = new Map([...suppressions.counts].map(([k, v]) => [k, new Map(v)]));
  for (const u of unused) {
    const byRule = counts.get(u.connector);
    if (!byRule) continue;
    if (u.found === 0) byRule.delete(u.ruleId);
    else byRule.set(u.ruleId, u.found);
    if (byRule.size === 0) counts.delete(u.connector);
  }
  return { file: suppressions.file, counts };
}

/** Writes the file, connectors and rules sorted so that its diffs stay small. */
export function writeSuppressions(suppressions: Suppressions): void {
  const out: Record<string, Record<string, { count: number }>> = {};
  for (const connector of [...suppressions.counts.keys()].sort()) {
    const byRule = suppressions.counts.get(connector) as ReadonlyMap<string, number>;
    if (byRule.size === 0) continue;
    out[connector] = {};
    for (const ruleId of [...byRule.keys()].sort())
      (out[connector] as Record<string, { count: number }>)[ruleId] = { count: byRule.get(ruleId) as number };
  }
  writeFileSync(suppressions.file, `${JSON.stringify(out, null, 2)}\n`);
}

/** How many findings a suppressions file holds in all. */
export const suppressionTotal = (s: Suppressions) =>
  [...s.counts.values()].reduce((n, byRule) => n + [...byRule.values()].reduce((a, b) => a + b, 0), 0);
