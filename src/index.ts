/**
 * flowport's library API.
 *
 * @example
 * import { loadConnector, validateConnector } from 'flowport';
 * const result = validateConnector(await loadConnector('./my-connector'), { preset: 'certification' });
 */
export { discoverConnectors } from './connector/discover.ts';
export type { JsonObject, JsonValue } from './connector/json.ts';
export { JsonDocument } from './connector/json-document.ts';
export { connectorFromFiles, loadConnector, loadConnectorSync } from './connector/load.ts';
export type * from './connector/model.ts';
export { type ConvertOptions, type ConvertResult, convert } from './convert/convert.ts';
export { type InitOptions, type InitResult, initConnector } from './convert/init.ts';
export { FlowportError, type FlowportErrorCode, isFlowportError } from './errors.ts';
export { type FlowportConfig, loadConfig, parseConfig } from './validate/config.ts';
export type { Diagnostic, Summary } from './validate/diagnostic.ts';
export type { ValidationResult } from './validate/engine.ts';
export { activeRules, presetFor, presetRules } from './validate/presets.ts';
export { findRule, RULES } from './validate/registry.ts';
export { formatJson } from './validate/reporters/json.ts';
export { formatPipeline } from './validate/reporters/pipeline.ts';
export { formatSarif } from './validate/reporters/sarif.ts';
export type { PresetName, Rule, RuleMeta, Severity } from './validate/rule.ts';
export { type ValidateOptions, validateConnector } from './validate/validate.ts';
export { VERSION } from './version.ts';
