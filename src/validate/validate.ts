import type { Connector } from '../connector/model.ts';
import type { FlowportConfig } from './config.ts';
import { compileCustomRules } from './custom-rules.ts';
import { type ActiveRule, runRules, type ValidationResult } from './engine.ts';
import { activeRules, presetFor } from './presets.ts';
import { RULES } from './registry.ts';
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
  return runRules(connector, rulesFor(preset, options.config), preset);
}

// Active rule lists are the same for every connector of a run: compute them once per preset and config.
const NO_CONFIG: FlowportConfig = {};
const cache = new WeakMap<FlowportConfig, Map<PresetName, ActiveRule[]>>();

/** The active rules of a preset under a config (with its custom rules), made once per pair. */
export function rulesFor(preset: PresetName, config: FlowportConfig = NO_CONFIG): ActiveRule[] {
  const byPreset = cache.get(config) ?? new Map<PresetName, ActiveRule[]>();
  cache.set(config, byPreset);
  let rules = byPreset.get(preset);
  if (!rules) {
    const all = config.customRules ? [...RULES, ...compileCustomRules(config.customRules)] : RULES;
    rules = activeRules(preset, config.rules, all);
    byPreset.set(preset, rules);
  }
  return rules;
}
