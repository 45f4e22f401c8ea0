/**
 * The runtime's contract: the plain values that flow through an invocation
 * (arguments → request → auth → request policies → custom code or send → response policies → result).
 * Every stage is a function over these values; network, clock and token stores are passed in.
 */
import type { JsonValue } from '../connector/json.ts';
import type { Connector, Operation, PolicyInstance } from '../connector/model.ts';

/** A file passed for a `formData` parameter of type `file`, or as a binary body. */
export interface FileValue {
  readonly kind: 'file';
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** A value a caller passes for one operation parameter (or a body property). */
export type ArgumentValue = JsonValue | FileValue;

/** Caller inputs keyed by parameter name; the body parameter's value is under its own name. */
export type Arguments = Readonly<Record<string, ArgumentValue>>;

export interface MultipartPart {
  readonly name: string;
  readonly value: string | FileValue;
}

/**
 * A request body before serialisation, so request policies (`setproperty`, `convertarraytoobject`…)
 * can change it as data. `toWireRequest` serialises it by kind.
 */
export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; value: JsonValue }
  | { readonly kind: 'form'; readonly fields: Array<[string, string]> }
  | { readonly kind: 'multipart'; readonly parts: MultipartPart[] }
  | { readonly kind: 'text'; text: string }
  | { readonly kind: 'binary'; readonly bytes: Uint8Array };

/** The backend request while the pipeline builds and transforms it. Mutable by design. */
export interface RuntimeRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** `scheme://host[:port][/basePath]`, no trailing slash; `dynamichosturl` replaces it. */
  baseUrl: string;
  /** Operation path with path parameters substituted and percent-encoded; starts with `/`. */
  path: string;
  /** Query parameters, decoded and in order; percent-encoded once when sent. */
  query: URLSearchParams;
  headers: Headers;
  body: RequestBody;
  /**
   * Set when the request must go to this absolute URL verbatim (next-page links, polling `Location`);
   * `baseUrl`, `path` and `query` are then ignored.
   */
  absoluteUrl?: string;
}

/** A request ready for the wire: one URL, headers, serialised body. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Uint8Array | undefined;
}

/** A response body decoded by its content type. */
export type ResponseBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; value: JsonValue }
  | { readonly kind: 'text'; text: string }
  | { readonly kind: 'binary'; readonly bytes: Uint8Array };

/** A backend (or custom code, or policy-made) response. Mutable so response policies can change it. */
export interface RuntimeResponse {
  status: number;
  headers: Headers;
  body: ResponseBody;
}

/** Connection statuses (runtime spec §6.7, decided in docs/runtime.md). */
export type ConnectionStatus = 'connected' | 'unauthenticated' | 'error';

/** Gives OAuth 2 access tokens and refreshes them; the interactive flow lives in the server. */
export interface TokenProvider {
  /** Resolves an access token; `forceRefresh` after the backend answered 401. */
  getToken(options?: { readonly forceRefresh?: boolean }): Promise<string>;
}

/** A user's connection to a connector: the values of its connection parameters. */
export interface Connection {
  /** Name of the chosen `connectionParameterSets` value, for multi-auth connectors. */
  readonly parameterSet?: string;
  /** Connection parameter values as strings (`int`/`bool` values are presented as strings). */
  readonly values: Readonly<Record<string, string>>;
  /** Source of OAuth 2 bearer tokens when the connection has an `oauthSetting` parameter. */
  readonly tokenProvider?: TokenProvider;
  status?: ConnectionStatus;
}

/** Policy sections (`x-ms-apimTemplate-policySection`), lower-cased. */
export type PolicySection = 'request' | 'response' | 'failure';

/** What a policy may read and do besides the request or response it transforms. */
export interface PolicyContext {
  readonly connector: Connector;
  readonly operation: Operation;
  readonly connection: Connection;
  /** Path parameter values of the call, unencoded, for `{name}` placeholders. */
  readonly pathValues: Readonly<Record<string, string>>;
  /** The current request (in the response section: the request that was sent). */
  readonly request: RuntimeRequest;
  /** Sends a sub-request through the transport (`setvaluefromurl`); no auth or policies are added. */
  send(request: RuntimeRequest): Promise<RuntimeResponse>;
  setConnectionStatus(status: ConnectionStatus): void;
  /** Records a non-fatal problem shown with the result (`--verbose`). */
  warn(message: string): void;
  /**
   * Base of links that route back through the runtime (`updatenextlink`, polling `Location`);
   * `flowport://runtime` when no server hosts the connector.
   */
  readonly runtimeBaseUrl: string;
}

/** A policy instance checked once at load time and ready to run. */
export interface CompiledPolicy {
  readonly templateId: string;
  readonly instance: PolicyInstance;
  readonly section: PolicySection | 'trigger';
  appliesTo(operationId: string | undefined): boolean;
  request?(request: RuntimeRequest, ctx: PolicyContext): void | Promise<void>;
  response?(response: RuntimeResponse, ctx: PolicyContext): void | Promise<void>;
  /**
   * A Response-section policy's inverse on a JSON body (flowport's mock turns the answers it makes
   * from the swagger back into what the API sends); absent when running the policy twice changes
   * nothing.
   */
  unshape?(body: { value: JsonValue }): void;
}

/** A problem found while compiling an instance (unknown id, missing parameter, bad expression). */
export interface PolicyDiagnostic {
  readonly code: 'POLICY_UNKNOWN' | 'POLICY_INVALID' | 'EXPRESSION_INVALID';
  readonly message: string;
  /** JSON pointer into apiProperties.json. */
  readonly pointer: string;
  /** A required parameter is absent (`flowport validate` reports it as `policy-template-parameters`). */
  readonly missing?: true;
}

/** One policy template (`setheader`, …): declarative metadata plus a factory that validates once. */
export interface PolicyTemplate {
  /** Lower-case template id. */
  readonly id: string;
  readonly title: string;
  readonly documented: boolean;
  /** Sections the template supports; the first is the default. */
  readonly sections: readonly (PolicySection | 'trigger')[];
  /**
   * The `x-ms-apimTemplateParameter.*` names (without the prefix) its reader asks for, in the
   * order it asks: what an editor offers in an instance's `parameters`.
   */
  readonly parameters: readonly string[];
  compile(instance: PolicyInstance): { policy?: CompiledPolicy; diagnostics: PolicyDiagnostic[] };
}

/** Sends wire requests; undici-backed in production, a fake in unit tests. */
export interface Transport {
  send(request: WireRequest, options?: { readonly signal?: AbortSignal }): Promise<RuntimeResponse>;
  close(): Promise<void>;
}
