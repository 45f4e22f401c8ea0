/** The REST API's records as the console reads them (see `GET /api/openapi.json`). */

export type Severity = 'error' | 'warning' | 'info';

export interface ValidationSummary {
  readonly preset: string;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface GalleryCard {
  readonly id: string;
  readonly title: string;
  readonly version: number;
  readonly brandColor: string | null;
  readonly publisher: string | null;
  readonly description: string | null;
  readonly actions: number;
  readonly triggers: number;
  readonly parameterSets: readonly { readonly name: string; readonly displayName: string }[];
  readonly validation?: ValidationSummary;
}

export type Visibility = 'important' | 'none' | 'advanced' | 'internal';
export type OperationKind = 'action' | 'polling-trigger' | 'webhook-trigger' | 'callback-action';

export interface OperationSummary {
  readonly operationId: string | null;
  readonly method: string;
  readonly path: string;
  readonly kind: OperationKind;
  readonly visibility: Visibility;
  readonly deprecated: boolean;
  readonly summary: string | null;
  readonly description: string | null;
}

export interface OperationsView {
  readonly title: string | null;
  readonly operations: readonly OperationSummary[];
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ParameterDetail {
  readonly name: string;
  readonly in: string;
  readonly label: string;
  readonly description: string | null;
  readonly required: boolean;
  readonly type: string;
  readonly format: string | null;
  readonly visibility: Visibility;
  readonly enum: readonly JsonValue[] | null;
  readonly default: JsonValue;
  readonly items: JsonObject | null;
  readonly schema: JsonObject | null;
  readonly dynamicValues: boolean;
  readonly dynamicSchema: boolean;
  readonly dynamicTree: boolean;
  readonly testValue: JsonValue;
}

export interface OperationDetail extends OperationSummary {
  readonly triggerHint: string | null;
  readonly consumes: readonly string[];
  readonly parameters: readonly ParameterDetail[];
}

export interface ConnectionParameter {
  readonly name: string;
  readonly set?: string;
  readonly type: string;
  readonly displayName: string;
  readonly description?: string;
  readonly required: boolean;
  readonly secret: boolean;
  readonly hidden: boolean;
  readonly defaultValue?: string;
  readonly allowedValues?: readonly { readonly value: string; readonly text?: string }[];
}

export interface ConnectorDetail {
  readonly connector: { readonly id: string; readonly title: string; readonly latestVersion: number };
  readonly validation?: ValidationSummary;
  readonly parameterSets: readonly string[];
  readonly connectionParameters: readonly ConnectionParameter[];
  readonly operationCount: number;
}

export type ConnectionStatus = 'connected' | 'unauthenticated' | 'error';

export interface Connection {
  readonly id: string;
  readonly connectorId: string;
  readonly name: string;
  readonly parameterSet?: string;
  readonly values: Readonly<Record<string, string>>;
  readonly secretsSet: readonly string[];
  readonly status: ConnectionStatus;
  readonly statusReason?: string;
  readonly hasTokens: boolean;
  readonly tokenExpiresAt?: string;
  readonly createdAt?: string;
}

export interface ConnectionTest {
  readonly ok: boolean;
  readonly status?: number;
  readonly operationId?: string;
  readonly method?: 'capability' | 'fallback' | 'none';
  readonly error?: { readonly code: string; readonly message: string };
  readonly connection: Connection;
}

export interface InvokeResult {
  readonly operationId: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyKind: 'none' | 'json' | 'text' | 'binary';
  readonly body?: JsonValue;
  readonly durationMs: number;
  readonly pages: number;
  /** The action answered 202 Accepted and its `Location` was polled until the final answer. */
  readonly async?: { readonly polls: number; readonly location: string };
  /** The body went up, or the response came down, in chunks. */
  readonly chunked?: { readonly direction: 'upload' | 'download'; readonly parts: number };
  readonly warnings: readonly string[];
  readonly connectionStatus?: ConnectionStatus;
  readonly request?: {
    readonly method: string;
    readonly url: string;
    readonly headers: Record<string, string>;
    /** The body as sent (after policies and encoding), secrets masked: text, or only its size. */
    readonly body?: { readonly text?: string; readonly bytes: number; readonly omitted: number };
  };
  readonly trace?: readonly string[];
  /** How the answer compares with the operation's declared response schema. */
  readonly schema?: SchemaCheck;
}

/** The server's response-schema check of an answer (`schema` of an invoke result). */
export interface SchemaCheck {
  readonly response?: string;
  readonly partial: boolean;
  readonly findings: readonly {
    readonly kind: string;
    readonly severity: 'warning' | 'info';
    readonly at: string;
    readonly message: string;
    readonly fix: string;
    readonly count: number;
    readonly of: number;
  }[];
}

export interface DynamicValue {
  readonly value: JsonValue;
  readonly displayName?: string;
  readonly description?: string;
  readonly disabled?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  /** `flowport validate --fix` can fix it. */
  readonly fixable?: boolean;
}

export interface ValidationReport {
  readonly version: number;
  readonly summary: ValidationSummary;
  readonly findings: readonly Finding[];
}

/** A change that breaks flows built on an earlier version (`flowport breaking`, docs/breaking-changes.md). */
export interface BreakingChange {
  /** Change kind id, e.g. `operation-deleted`. */
  readonly kind: string;
  readonly severity: Severity;
  /** Microsoft's sentence for it. */
  readonly message: string;
  readonly detail: string;
  /** Microsoft's change path: `operation/ListTasks/parameter/body/schema/title`. */
  readonly path: string;
  /** The version `line` and `column` are in. */
  readonly version: 'old' | 'new';
  readonly line?: number;
  readonly column?: number;
}

/** What a version breaks, and whether certification would call the update minor or major. */
export interface BreakingReport {
  readonly summary: { readonly error: number; readonly warning: number; readonly info: number };
  readonly update: 'none' | 'minor' | 'major';
  /** The places the files differ (at most 50, major ones first). */
  readonly differences: readonly {
    readonly file: string;
    readonly pointer?: string;
    readonly minor: boolean;
  }[];
  /** At most 500; `summary` counts them all. */
  readonly changes: readonly BreakingChange[];
}

/** `GET /api/v1/connectors/{id}/versions/{to}/changes?from=`. */
export interface VersionChanges extends BreakingReport {
  readonly connectorId: string;
  readonly from: number;
  readonly to: number;
}

/** A stored version of a connector (`GET /api/v1/connectors/{id}/versions`). */
export interface ConnectorVersion {
  readonly connectorId: string;
  readonly version: number;
  readonly validation: ValidationSummary;
  readonly digest: string;
  readonly createdBy?: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** What `POST /api/v1/connectors` answers: the connector, its latest version and that version's findings. */
export interface ImportResult {
  readonly connector: { readonly id: string; readonly title: string; readonly latestVersion: number };
  readonly version: { readonly version: number; readonly validation: ValidationSummary };
  /** False when the files equal the latest version's (no version was made). */
  readonly created: boolean;
  readonly findings: readonly Finding[];
  /** For a new version of an existing connector: what it breaks for flows built on the previous one. */
  readonly breaking?: BreakingReport;
  /** Set when the upload was one API description converted into the connector (`flowport init`). */
  readonly converted?: ConversionReport;
}

/** How an uploaded API description became the connector: what was not carried over exactly. */
export interface ConversionReport {
  readonly source: string;
  /** `openapi-3.0`, `openapi-3.1`, `swagger-2.0`, `postman-2.1`, `har`, `curl`. */
  readonly format: string;
  readonly summary: string;
  readonly losses: readonly {
    readonly pointer: string;
    readonly construct: string;
    readonly action: string;
  }[];
}

/** `POST …/fix`: the latest version with `--fix`'s changes, stored as a new version. */
export interface FixResult extends ImportResult {
  /** Findings the changes fixed. */
  readonly fixed: number;
  /** Names of the files changed. */
  readonly files: readonly string[];
  /** A dry run's changes, as a unified diff. */
  readonly diff?: string;
}

/** `POST …/operations/{operationId}/response-schema`: a schema inferred from answers, previewed or stored. */
export interface ResponseSchemaResult extends Partial<ImportResult> {
  readonly schema: JsonValue;
  /** What the samples could not tell. */
  readonly notes: readonly string[];
  /** A dry run's change, as a unified diff. */
  readonly diff?: string;
}

/** A connector to import: a zip of its folder, or its files picked together. */
/** A zip, the connector's files, or the URL of an API description the server fetches. */
export type ConnectorUpload =
  | { readonly zip: Blob }
  | { readonly files: readonly File[] }
  | { readonly url: string };

export type Role = 'admin' | 'maker';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** ISO 8601. */
  readonly createdAt: string;
  /** Set while an admin has disabled the user: their tokens are refused. */
  readonly disabledAt?: string;
}

/** An API token as listed: its first characters, never the token. Without `expiresAt` it never expires. */
export interface TokenInfo {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
  /** When it stops working; an expired token stays listed. */
  readonly expiresAt?: string;
}

/** A new token: `token` is in this answer only. */
export interface CreatedToken {
  readonly token: string;
  readonly info: TokenInfo;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'none';

export interface Subscription {
  readonly id: string;
  readonly connectionId: string;
  readonly connectorId: string;
  readonly operationId: string;
  readonly kind: 'webhook' | 'polling';
  readonly status: 'active' | 'stopped' | 'error';
  readonly statusReason: string | null;
  readonly sink: { readonly url: string } | null;
  readonly intervalSeconds: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly counts: {
    readonly events: number;
    readonly pending: number;
    readonly delivered: number;
    readonly dead: number;
  };
}

export interface TriggerEvent {
  readonly id: string;
  readonly seq: number;
  readonly idempotencyKey: string | null;
  readonly receivedAt: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue;
  readonly delivery: {
    readonly status: DeliveryStatus;
    readonly attempts: number;
    readonly lastStatus: number | null;
    readonly lastError: string | null;
    readonly nextAttemptAt: string | null;
    readonly deliveredAt: string | null;
  };
}

export interface TreeNode {
  readonly value: JsonValue;
  readonly displayName?: string;
  readonly fullTitle?: string;
  readonly isParent?: boolean;
  readonly selectable?: boolean;
  readonly mediaType?: string;
  readonly item?: JsonValue;
}
