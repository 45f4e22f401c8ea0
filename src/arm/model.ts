import type { JsonObject, JsonValue } from '../connector/json.ts';

/** A template parameter: https://learn.microsoft.com/azure/azure-resource-manager/templates/parameters */
export interface ArmParameter {
  readonly type: 'string' | 'securestring' | 'int' | 'bool' | 'object' | 'array';
  readonly defaultValue?: JsonValue;
  readonly metadata: { readonly description: string };
}

export type ArmNoteCode =
  | 'policy-templates-dropped'
  | 'custom-code-dropped'
  | 'parameter-set-chosen'
  | 'connection-parameter-type'
  | 'gateway-connection'
  | 'oauth-secret-parameter'
  | 'oauth-connection-consent'
  | 'committed-secret-not-copied'
  | 'oauth-setting-dropped'
  | 'parameter-key-dropped'
  | 'publisher-dropped'
  | 'icon-not-uploaded'
  | 'service-url-missing'
  | 'template-too-large';

/** Something of the connector the template does not carry over as it is, or that needs a step at deployment. */
export interface ArmNote {
  readonly code: ArmNoteCode;
  /** `warning`: behaviour the connector has on the Power Platform is lost in Logic Apps; `info`: a step for whoever deploys. */
  readonly severity: 'warning' | 'info';
  readonly message: string;
  readonly file?: 'swagger' | 'apiProperties' | 'script' | 'icon';
  /** JSON pointer into `file`, when the note is about one place. */
  readonly pointer?: string;
}

/** An ARM deployment template (https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax). */
export interface ArmTemplate {
  readonly $schema: string;
  readonly contentVersion: string;
  readonly metadata: JsonObject;
  readonly parameters: Readonly<Record<string, ArmParameter>>;
  readonly resources: readonly JsonObject[];
  readonly outputs: JsonObject;
}

export interface ArmResult {
  readonly template: ArmTemplate;
  readonly notes: readonly ArmNote[];
  /** The connection parameter set the template uses (multi-auth connectors); undefined otherwise. */
  readonly parameterSet: string | undefined;
}

export interface ArmOptions {
  /** Default of the `customApiName` parameter; default: from `info.title`. */
  readonly name?: string;
  /** Default of the `location` parameter; default: the resource group's, `[resourceGroup().location]`. */
  readonly location?: string;
  /** Default of the `iconUri` parameter: a public https URL of the icon; default: none (Logic Apps' default icon). */
  readonly iconUri?: string;
  /** Default of the `serviceUrl` parameter; default: the swagger's `<scheme>://<host><basePath>`. */
  readonly serviceUrl?: string;
  /** For multi-auth connectors: the `connectionParameterSets` value to deploy; default: the first. */
  readonly parameterSet?: string;
  /** Also create a `Microsoft.Web/connections` resource using the connector; the string is its default name. */
  readonly connection?: boolean | string;
}
