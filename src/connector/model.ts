import type { JsonObject, JsonValue } from './json.ts';
import type { JsonDocument } from './json-document.ts';

/** The files a connector folder may hold, keyed by what they are. */
export type ConnectorFileKind =
  | 'swagger'
  | 'apiProperties'
  | 'icon'
  | 'script'
  | 'scriptTs'
  | 'readme'
  | 'intro'
  | 'settings';

export interface ConnectorFile {
  readonly kind: ConnectorFileKind;
  /** File name as found on disk or in the zip. */
  readonly name: string;
  /** Path shown to users in findings. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** UTF-8 text (files other than the icon). */
  readonly text: string | undefined;
}

/** Where in a connector's files something is: a JSON pointer into a JSON file. */
export interface Location {
  readonly file: ConnectorFileKind;
  readonly pointer: string;
}

/** Which review the connector's folder says it is headed for. */
export type ConnectorKind = 'certified' | 'independent-publisher' | 'custom' | 'unknown';

/**
 * `csharp` is `script.csx`, which the Power Platform runs; `typescript` is `script.ts`, which flowport runs.
 * When a folder has both, flowport runs `script.ts` (docs/runtime/custom-code.md).
 */
export type CustomCodeLanguage = 'csharp' | 'typescript';

export type Visibility = 'important' | 'advanced' | 'internal' | 'none';

export type OperationKind = 'action' | 'polling-trigger' | 'webhook-trigger' | 'callback-action';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';
export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
];

export interface Info {
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly version: string | undefined;
  readonly contact: { readonly name?: string; readonly url?: string; readonly email?: string } | undefined;
  /** `x-ms-api-annotation.status` at `info`. */
  readonly status: string | undefined;
  readonly raw: JsonObject | undefined;
}

export interface ConnectorMetadataItem {
  readonly propertyName: string | undefined;
  readonly propertyValue: string | undefined;
  readonly pointer: string;
}

/** `x-ms-dynamic-values`, `x-ms-dynamic-list`, `x-ms-dynamic-schema`, `x-ms-dynamic-properties`. */
export interface DynamicReference {
  readonly extension:
    | 'x-ms-dynamic-values'
    | 'x-ms-dynamic-list'
    | 'x-ms-dynamic-schema'
    | 'x-ms-dynamic-properties';
  readonly operationId: string | undefined;
  readonly builtInOperation: string | undefined;
  readonly capability: string | undefined;
  readonly parameters: JsonObject;
  readonly raw: JsonObject;
  readonly pointer: string;
}

export interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly type: string | undefined;
  readonly format: string | undefined;
  readonly schema: JsonObject | undefined;
  readonly default: JsonValue | undefined;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly visibility: Visibility;
  /** `x-ms-url-encoding`; undefined when absent (which means `single`). */
  readonly urlEncoding: string | undefined;
  readonly collectionFormat: string | undefined;
  readonly dynamic: readonly DynamicReference[];
  readonly raw: JsonObject;
  /** Where the parameter's own object is (the `$ref` target for shared parameters). */
  readonly pointer: string;
  /** Where the operation or path item lists it (differs from `pointer` for `$ref` parameters). */
  readonly usedAt: string;
  /** Set for parameters referenced through `#/parameters/...`. */
  readonly ref: string | undefined;
  readonly level: 'operation' | 'path' | 'shared';
}

export interface Response {
  /** `200`, `default`, … */
  readonly status: string;
  readonly description: string | undefined;
  /** The schema, with a top-level `$ref` left as is. */
  readonly schema: JsonObject | undefined;
  readonly raw: JsonObject;
  readonly pointer: string;
  readonly ref: string | undefined;
}

export interface NotificationContent {
  readonly description: string | undefined;
  readonly schema: JsonObject | undefined;
  readonly raw: JsonObject;
  readonly pointer: string;
}

export interface Operation {
  /** `operationId`, or undefined when missing. */
  readonly id: string | undefined;
  /** The operationId, or `METHOD path` when there is none; unique enough to name it in messages. */
  readonly label: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly pointer: string;
  readonly raw: JsonObject;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly visibility: Visibility;
  readonly deprecated: boolean;
  readonly trigger: string | undefined;
  readonly kind: OperationKind;
  /** Path-level and operation-level parameters merged (operation wins), `$ref`s resolved. */
  readonly parameters: readonly Parameter[];
  readonly responses: readonly Response[];
  readonly consumes: readonly string[];
  readonly produces: readonly string[];
  /** Path inside the body (property names) of the property marked `x-ms-notification-url`. */
  readonly notificationUrlPath: readonly string[] | undefined;
  readonly notificationContent: NotificationContent | undefined;
  /** True when custom code (`script.csx` or `script.ts`) runs for this operation. */
  readonly customCode: boolean;
  /** The language of the custom code that runs for this operation; undefined when none does. */
  readonly customCodeLanguage: CustomCodeLanguage | undefined;
}

export interface PathItem {
  readonly path: string;
  readonly pointer: string;
  readonly raw: JsonObject;
  readonly parameters: readonly Parameter[];
  readonly operations: readonly Operation[];
  readonly notificationContent: NotificationContent | undefined;
}

export interface SecurityDefinition {
  readonly name: string;
  readonly type: string | undefined;
  readonly raw: JsonObject;
  readonly pointer: string;
}

export interface ApiDefinition {
  readonly raw: JsonObject | undefined;
  readonly swagger: JsonValue | undefined;
  readonly info: Info;
  readonly host: string | undefined;
  readonly basePath: string | undefined;
  readonly schemes: readonly string[];
  readonly consumes: readonly string[];
  readonly produces: readonly string[];
  readonly securityDefinitions: readonly SecurityDefinition[];
  readonly connectorMetadata: readonly ConnectorMetadataItem[] | undefined;
  readonly paths: readonly PathItem[];
  readonly definitions: JsonObject;
  readonly sharedParameters: JsonObject;
  readonly sharedResponses: JsonObject;
}

export interface ConnectionParameter {
  readonly name: string;
  readonly type: string | undefined;
  readonly raw: JsonObject;
  readonly pointer: string;
  /** Set when the parameter belongs to a `connectionParameterSets` value. */
  readonly set: string | undefined;
}

export interface OAuthSettings {
  readonly identityProvider: string | undefined;
  readonly clientId: string | undefined;
  readonly scopes: readonly string[];
  readonly redirectUrl: string | undefined;
  readonly redirectMode: string | undefined;
  readonly customParameters: JsonObject | undefined;
  readonly properties: JsonObject | undefined;
  readonly raw: JsonObject;
  readonly pointer: string;
}

export interface PolicyInstance {
  /** Template id lower-cased (`setheader`); ids are matched case-insensitively. */
  readonly templateId: string;
  readonly rawTemplateId: string | undefined;
  readonly title: string | undefined;
  /** `x-ms-apimTemplateParameter.*` values keyed without the prefix. */
  readonly parameters: Readonly<Record<string, JsonValue>>;
  /** Operations the instance is limited to; empty means all. */
  readonly operations: readonly string[];
  readonly raw: JsonObject;
  readonly pointer: string;
}

export interface ParameterSet {
  readonly name: string;
  readonly displayName: string | undefined;
  readonly parameters: readonly ConnectionParameter[];
  readonly pointer: string;
}

export interface ApiProperties {
  readonly raw: JsonObject | undefined;
  /** The `properties` object. */
  readonly properties: JsonObject | undefined;
  readonly iconBrandColor: string | undefined;
  readonly publisher: string | undefined;
  readonly stackOwner: string | undefined;
  readonly capabilities: readonly string[];
  readonly connectionParameters: readonly ConnectionParameter[];
  readonly parameterSets: readonly ParameterSet[];
  readonly oauthSettings: readonly OAuthSettings[];
  readonly policies: readonly PolicyInstance[];
  /** `scriptOperations`; undefined when absent (custom code then runs for every operation). */
  readonly scriptOperations: readonly string[] | undefined;
}

/** Everything flowport knows about one connector: its files, parsed, indexed and typed. */
export interface Connector {
  /** The folder, zip or file it was read from. */
  readonly source: string;
  readonly sourceType: 'folder' | 'zip' | 'file';
  readonly kind: ConnectorKind;
  readonly files: Readonly<Partial<Record<ConnectorFileKind, ConnectorFile>>>;
  /** Files in the folder that are not part of a connector (for layout findings). */
  readonly otherFiles: readonly string[];
  readonly documents: Readonly<Partial<Record<'swagger' | 'apiProperties' | 'settings', JsonDocument>>>;
  readonly definition: ApiDefinition;
  readonly properties: ApiProperties;
  readonly operations: readonly Operation[];
  operation(id: string): Operation | undefined;
  /** Resolves a local `$ref` in the swagger document (follows chains, stops at cycles). */
  resolve(ref: string): { value: JsonValue; pointer: string } | undefined;
}
