/** Design-time lookups (runtime spec §4.11–4.16, §4.19, §5), resolved through an injected call. */
export {
  type ArgumentContext,
  type ArgumentForm,
  buildTargetArguments,
  type LookupCall,
  lookupTarget,
  readLookup,
  type TargetArguments,
} from './arguments.ts';
export { type CallOperation, callForJson } from './call.ts';
export { filePickerCapability } from './file-picker.ts';
export {
  DYNAMIC_EXTENSION,
  type DynamicKind,
  type DynamicSite,
  dynamicTargets,
  locateDynamic,
  siteLabel,
} from './locate.ts';
export { compilePredicate, type ItemPredicate } from './predicate.ts';
export { getDynamicSchema, schemaLookup } from './schema.ts';
export { canSimulate, type SimulationResult, simulateTrigger } from './simulate.ts';
export {
  fallbackTestOperation,
  type TestConnectionOptions,
  type TestConnectionResult,
  testConnection,
} from './test-connection.ts';
export { type TreeOptions, treeBrowse, treeOpen } from './tree.ts';
export type { TreeNode, TreeSource } from './tree-node.ts';
export { type DynamicValue, listDynamicValues, valuesLookup } from './values.ts';
