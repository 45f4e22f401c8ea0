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
  | 'USAGE';

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
