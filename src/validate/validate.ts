import type { Connector } from '../connector/model.ts';
import type { FlowportConfig } from './config.ts';
import { runRules, type ValidationResult } from './engine.ts';
import { activeRules, presetFor } from './presets.ts';
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
  return runRules(connector, activeRules(preset, options.config?.rules), preset);
}
