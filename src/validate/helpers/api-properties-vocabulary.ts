/**
 * The words of apiProperties.json that rules check and the editor offers: its keys under
 * `properties`, connection parameter types, OAuth identity providers and capabilities.
 */

/**
 * Keys real connectors use under `properties`. The paconn schema is stale: it lacks
 * `scriptOperations` and `connectionParameterSets`, and three certified connectors declare custom code
 * as `script: { language, operationIds }`.
 */
export const PROPERTIES_KEYS: readonly string[] = [
  'iconBrandColor',
  'publisher',
  'stackOwner',
  'capabilities',
  'connectionParameters',
  'connectionParameterSets',
  'policyTemplateInstances',
  'scriptOperations',
  'script',
];

/** The `type`s of a connection parameter. */
export const CONNECTION_PARAMETER_TYPES: readonly string[] = [
  'string',
  'securestring',
  'int',
  'bool',
  'oauthSetting',
  'gatewaySetting',
];

/** Identity providers of the paconn schema. */
export const IDENTITY_PROVIDERS: readonly string[] = [
  'oauth2',
  'oauth2generic',
  'aad',
  'aadcertificate',
  'facebook',
];

/** Values in the templates (`actions`, `triggers`) and the Dataverse connector capability picklist. */
export const CAPABILITIES: readonly string[] = [
  'actions',
  'triggers',
  'gateway',
  'cloud',
  'composite',
  'tabular',
  'blob',
];
