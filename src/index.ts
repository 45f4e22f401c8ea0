/**
 * flowport's library API.
 *
 * @example
 * import { loadConnector, validateConnector } from 'flowport';
 * const result = validateConnector(await loadConnector('./my-connector'), { preset: 'certification' });
 */

export type { ArmNote, ArmNoteCode, ArmOptions, ArmParameter, ArmResult, ArmTemplate } from './arm/model.ts';
export { type ParametersFile, parametersFile } from './arm/parameters-file.ts';
export { armTemplate } from './arm/template.ts';
export {
  type AcceptedEntry,
  type AcceptedFile,
  applyAccepted,
  parseAccepted,
  readAccepted,
} from './breaking/accepted.ts';
export type { BreakingChange, BreakingResult } from './breaking/change.ts';
export { compareConnectors } from './breaking/compare.ts';
export { connectorAtRevision } from './breaking/git-version.ts';
export { CHANGE_KINDS, type ChangeKind } from './breaking/kinds.ts';
export { discoverConnectors } from './connector/discover.ts';
export type { JsonObject, JsonValue } from './connector/json.ts';
export { JsonDocument } from './connector/json-document.ts';
export { connectorFromFiles, loadConnector, loadConnectorSync } from './connector/load.ts';
export type * from './connector/model.ts';
export { type ConvertOptions, type ConvertResult, convert } from './convert/convert.ts';
export { type InitOptions, type InitResult, initConnector } from './convert/init.ts';
export { type DeployOptions, type DeployResult, deployConnector } from './deploy/deploy.ts';
export { type DownloadOptions, type DownloadResult, downloadConnector } from './deploy/download.ts';
export { deviceCodeLogin, freshToken, type StoredToken } from './deploy/login.ts';
export { FlowportError, type FlowportErrorCode, isFlowportError } from './errors.ts';
export { type ConnectorMcpServer, createMcpServer, type McpServerOptions } from './mcp/server.ts';
export { type ConnectorTool, connectorTools, type ToolSet } from './mcp/tools.ts';
export {
  type MockHandler,
  type MockLogEntry,
  type MockOptions,
  mockHandler,
  type RunningMock,
  startMock,
} from './mock/server.ts';
export { CHECKS as OAUTH_DOCTOR_CHECKS, type DoctorFinding } from './oauth-doctor/checks.ts';
export { type DoctorOptions, type DoctorReport, oauthDoctor } from './oauth-doctor/doctor.ts';
export type { CertificationPackage, Solution, ZipLevel } from './package/model.ts';
export { certificationPackageOf, readCertificationPackage } from './package/read.ts';
export {
  buildDeployer,
  type CommandResult,
  type CommandRunner,
  type DeployerBuild,
} from './package-build/deployer-build.ts';
export { type NamedBytes, submissionZip } from './package-build/submission.ts';
export { prBody } from './pr/body.ts';
export { CHECKLIST, type CheckedItem, type ChecklistItem } from './pr/checklist.ts';
export { type PrOptions, type PrReport, prReport } from './pr/report.ts';
export { type RecordedCall, type Recorder, type RecorderOptions, startRecorder } from './record/server.ts';
export { checkConnection } from './runtime/connection/check.ts';
export { oauthEndpointsOf } from './runtime/connection/oauth-settings.ts';
export { describeConnectionParameters } from './runtime/connection/parameters.ts';
export { maskSecrets, secretValues } from './runtime/connection/secrets.ts';
export { refreshingTokenProvider, staticTokenProvider } from './runtime/connection/token-provider.ts';
export * as dynamic from './runtime/dynamic/index.ts';
export { compilePolicies, POLICY_TEMPLATES } from './runtime/policies/registry.ts';
export { exampleArguments } from './runtime/request/example-arguments.ts';
export {
  createRuntime,
  type InvokeOptions,
  type InvokeResult,
  type Runtime,
  type RuntimeOptions,
} from './runtime/runtime.ts';
export type { ScriptContext, ScriptLogger } from './runtime/script/api.ts';
export { createTransport, type TransportOptions } from './runtime/send/transport.ts';
export { type SmokeOptions, type SmokeRow, smoke } from './runtime/smoke.ts';
export type * from './runtime/types.ts';
export {
  type CallbackActionOptions,
  type CallbackActionResult,
  invokeWithCallback,
} from './triggers/callback-action.ts';
export type { TriggerEvent } from './triggers/event.ts';
export { initialPollState, type PollResult, type PollState, poll } from './triggers/polling.ts';
export { SIGNATURE_HEADER, signPayload, verifySignature } from './triggers/signature.ts';
export { type SplitPlan, splitBody, splitPlan } from './triggers/split.ts';
export { callbackEvents, type Subscription, subscribe, unsubscribe } from './triggers/webhook.ts';
export {
  type ConnectorValidator,
  createBackgroundValidator,
  type FilesOptions,
  type FixOptions,
  type FixResult,
  inProcessValidator,
  rememberingValidator,
} from './validate/background.ts';
export { type CacheOptions, type CacheStats, validateManyCached } from './validate/cache.ts';
export { type FlowportConfig, loadConfig, parseConfig } from './validate/config.ts';
export type { Diagnostic, Summary } from './validate/diagnostic.ts';
export type { ValidationResult } from './validate/engine.ts';
export {
  createValidationPool,
  type ManyOptions,
  type ValidationPool,
  validateMany,
} from './validate/pool.ts';
export { activeRules, presetFor, presetRules } from './validate/presets.ts';
export { findRule, RULES } from './validate/registry.ts';
export { formatGithub } from './validate/reporters/github.ts';
export { formatJson } from './validate/reporters/json.ts';
export { formatJunit } from './validate/reporters/junit.ts';
export { formatPipeline } from './validate/reporters/pipeline.ts';
export { formatSarif } from './validate/reporters/sarif.ts';
export type { PresetName, Rule, RuleMeta, Severity } from './validate/rule.ts';
export {
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  type Suppressions,
  suppressFindings,
} from './validate/suppressions.ts';
export { type ValidateOptions, validateConnector } from './validate/validate.ts';
export { validatePackage } from './validate/validate-package.ts';
export { VERSION } from './version.ts';
