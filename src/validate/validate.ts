import type { Connector } from '../connector/model.ts';
import type { FlowportConfig } from './config.ts';
import { type ActiveRule, runRules, type ValidationResult } from './engine.ts';
import { activeRules, presetFor, type RuleOverrides } from './presets.ts';
import type { PresetName } from './rule.ts';

export interface ValidateOptions {
  /** Rule set; defaults to the config's, else the one the connector's folder implies. */
  readonly preset?: PresetName;
  readonly config?: FlowportConfig;
}

/**
 * Checks a connector against a preset's rules.
 *
 * @example
 * const result = validateConnector(loadConnectorSync('examples/contoso-tasks'), { preset: 'certification' });
 * result.summary.error; // 0
 */
export function validateConnector(connector: Connector, options: ValidateOptions = {}): ValidationResult {
  const preset = options.preset ?? options.config?.preset ?? presetFor(connector.kind);
  return runRules(connector, rulesFor(preset, options.config?.rules), preset);
}

// Active rule lists are the same for every connector of a run: compute them once per preset and config.
const NO_OVERRIDES: RuleOverrides = {};
const cache = new WeakMap<RuleOverrides, Map<PresetName, ActiveRule[]>>();

function rulesFor(preset: PresetName, overrides: RuleOverrides = NO_OVERRIDES): ActiveRule[] {
  const byPreset = cache.get(overrides) ?? new Map<PresetName, ActiveRule[]>();
  cache.set(overrides, byPreset);
  const rules = byPreset.get(preset) ?? activeRules(preset, overrides);
  byPreset.set(preset, rules);
  return rules;
}
