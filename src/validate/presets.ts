import type { ConnectorKind } from '../connector/model.ts';
import type { ActiveRule } from './engine.ts';
import { RULES } from './registry.ts';
import type { PresetName, Rule, Severity } from './rule.ts';

/**
 * Rule ids → a severity, `off`, or `on` (the rule at the severity the preset gives it, or at its own
 * outside the preset), as written in a config file.
 */
export type RuleOverrides = Readonly<Record<string, Severity | 'off' | 'on'>>;

/** The preset a connector's folder implies: certified and independent-publisher folders get theirs. */
export function presetFor(kind: ConnectorKind): PresetName {
  if (kind === 'certified') return 'certification';
  if (kind === 'independent-publisher') return 'independent-publisher';
  return 'recommended';
}

/** Rules of a preset, with their severities; derived from each rule's metadata. */
export function presetRules(preset: PresetName, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((r) => r.presets.includes(preset));
}

/** Active rules for a preset after config overrides (which may also turn on rules outside it). */
export function activeRules(
  preset: PresetName,
  overrides: RuleOverrides = {},
  rules: readonly Rule[] = RULES,
): ActiveRule[] {
  const byKey = new Map<string, Severity | 'off' | 'on'>();
  for (const [key, value] of Object.entries(overrides)) byKey.set(key.toLowerCase(), value);
  const out: ActiveRule[] = [];
  for (const rule of rules) {
    const override =
      byKey.get(rule.id) ?? (rule.microsoftId ? byKey.get(rule.microsoftId.toLowerCase()) : undefined);
    if (override === 'off') continue;
    if (override === 'on' || (!override && rule.presets.includes(preset)))
      out.push({ rule, severity: rule.presetSeverity?.[preset] ?? rule.severity });
    else if (override) out.push({ rule, severity: override });
  }
  return out;
}

/**
 * Overrides that leave only `ids` on (`validate --only`): each at the setting `overrides` gives it,
 * or `on`; every other rule `off`.
 */
export function onlyRules(ids: readonly string[], overrides: RuleOverrides = {}): RuleOverrides {
  const byKey = new Map(Object.entries(overrides).map(([k, v]) => [k.toLowerCase(), v]));
  const kept = new Set(
    ids.map((id) => RULES.find((r) => r.id === id || r.microsoftId?.toLowerCase() === id.toLowerCase())?.id),
  );
  const out: Record<string, Severity | 'off' | 'on'> = {};
  for (const rule of RULES) {
    if (!kept.has(rule.id)) {
      out[rule.id] = 'off';
      continue;
    }
    const own =
      byKey.get(rule.id) ?? (rule.microsoftId ? byKey.get(rule.microsoftId.toLowerCase()) : undefined);
    out[rule.id] = own && own !== 'off' ? own : 'on';
  }
  return out;
}
