/**
 * Stable error codes. Every error flowport throws carries one; the CLI maps them to exit codes and
 * (later) the server to HTTP statuses. Documented in docs/errors.md.
 */
export type FlowportErrorCode =
  | 'CONNECTOR_NOT_FOUND'
  | 'CONNECTOR_UNREADABLE'
  | 'CONNECTOR_PARSE_FAILED'
  | 'CONNECTOR_SWAGGER_MISSING'
  | 'ZIP_INVALID'
  | 'CONFIG_INVALID'
  | 'USAGE'
  // Runtime: calling operations (docs/errors.md, docs/runtime.md).
  | 'OPERATION_NOT_FOUND'
  | 'PARAMETER_REQUIRED'
  | 'PARAMETER_INVALID'
  | 'REQUEST_UNSAFE'
  | 'CONNECTION_INVALID'
  | 'CONNECTION_UNAUTHENTICATED'
  | 'AUTH_UNSUPPORTED'
  | 'AUTH_TOKEN_EXPIRED'
  | 'AUTH_REFRESH_FAILED'
  | 'POLICY_UNKNOWN'
  | 'POLICY_INVALID'
  | 'POLICY_FAILED'
  | 'EXPRESSION_INVALID'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNREACHABLE'
  | 'UPSTREAM_RESPONSE_TOO_LARGE'
  | 'UPSTREAM_INVALID_RESPONSE'
  | 'UPSTREAM_REDIRECT_REFUSED'
  | 'UPSTREAM_HOST_REFUSED'
  | 'CUSTOM_CODE_UNSUPPORTED'
  | 'CUSTOM_CODE_FAILED'
  | 'CUSTOM_CODE_TIMEOUT'
  | 'DYNAMIC_LOOKUP_FAILED'
  | 'PAGING_FAILED'
  | 'ASYNC_ACTION_FAILED'
  | 'ASYNC_ACTION_TIMEOUT'
  | 'CHUNKED_TRANSFER_FAILED'
  // CLI commands that talk to a running `flowport serve`.
  | 'API_PROBLEM'
  | 'API_UNREACHABLE'
  // Conversion: `flowport init` (docs/errors.md, docs/init.md).
  | 'CONVERT_INPUT_INVALID'
  | 'CONVERT_UNSUPPORTED_VERSION'
  | 'INIT_TARGET_EXISTS'
  // Certification packages: `flowport package` (docs/errors.md, docs/packages.md).
  | 'PACKAGE_TOOLS_MISSING'
  | 'PACKAGE_BUILD_FAILED'
  | 'OUTPUT_EXISTS'
  // Breaking-change detection: `flowport breaking` (docs/errors.md, docs/breaking-changes.md).
  | 'GIT_FAILED'
  // Server and store: `flowport serve` (docs/errors.md, docs/store.md).
  | 'STORE_UNAVAILABLE'
  | 'STORE_MIGRATION_FAILED'
  | 'SECRET_KEY_INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOKEN_EXPIRY_INVALID'
  // Triggers: subscriptions, polling, callbacks (docs/errors.md, docs/triggers.md).
  | 'TRIGGER_NOT_A_TRIGGER'
  | 'TRIGGER_SUBSCRIBE_FAILED'
  | 'TRIGGER_UNSUBSCRIBE_FAILED'
  | 'TRIGGER_CALLBACK_TIMEOUT';

/** The one error class flowport throws; `code` is part of the public contract. */
export class FlowportError extends Error {
  readonly code: FlowportErrorCode;

  constructor(code: FlowportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FlowportError';
    this.code = code;
  }
}

export function isFlowportError(error: unknown): error is FlowportError {
  return error instanceof FlowportError;
}
