/**
 * Errors of the REST API: every failure leaves as an RFC 9457 problem (`application/problem+json`)
 * carrying a stable code. Runtime and loader failures keep their `FlowportError` code; failures only
 * the server has (no token, a route that does not exist, a body too large) use a `ServerErrorCode`.
 */
import { FlowportError, type FlowportErrorCode, isFlowportError } from '../errors.ts';

/** Codes only the server produces (docs/server.md, errors). */
export type ServerErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'ROUTE_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IMPORT_INVALID'
  | 'CONNECTOR_FROM_FOLDER'
  | 'RESPONSE_SCHEMA_EXISTS'
  | 'RATE_LIMITED'
  | 'CONNECTION_THROTTLED'
  | 'NOT_READY'
  | 'INTERNAL';

export type ApiErrorCode = FlowportErrorCode | ServerErrorCode;

/**
 * The one table from codes to HTTP statuses. Typed over every code, so a new `FlowportErrorCode`
 * does not compile until it is given a status here.
 *
 * The connection's own sign-in problems are 409, not 401: 401 always means the caller's API token.
 */
export const STATUS_OF: Readonly<Record<ApiErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_INVALID: 422,
  CONNECTOR_FROM_FOLDER: 409,
  RESPONSE_SCHEMA_EXISTS: 409,
  RATE_LIMITED: 429,
  CONNECTION_THROTTLED: 429,
  NOT_READY: 503,
  INTERNAL: 500,

  CONNECTOR_NOT_FOUND: 404,
  CONNECTOR_UNREADABLE: 422,
  CONNECTOR_PARSE_FAILED: 422,
  CONNECTOR_SWAGGER_MISSING: 422,
  ZIP_INVALID: 400,
  CONFIG_INVALID: 400,
  USAGE: 400,

  OPERATION_NOT_FOUND: 404,
  PARAMETER_REQUIRED: 400,
  PARAMETER_INVALID: 400,
  REQUEST_UNSAFE: 400,
  CONNECTION_INVALID: 400,
  CONNECTION_UNAUTHENTICATED: 409,
  AUTH_UNSUPPORTED: 422,
  AUTH_TOKEN_EXPIRED: 409,
  AUTH_REFRESH_FAILED: 409,
  POLICY_UNKNOWN: 422,
  POLICY_INVALID: 422,
  POLICY_FAILED: 502,
  EXPRESSION_INVALID: 422,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_UNREACHABLE: 502,
  UPSTREAM_RESPONSE_TOO_LARGE: 502,
  UPSTREAM_INVALID_RESPONSE: 502,
  UPSTREAM_REDIRECT_REFUSED: 502,
  UPSTREAM_HOST_REFUSED: 502,
  CUSTOM_CODE_UNSUPPORTED: 422,
  CUSTOM_CODE_FAILED: 502,
  CUSTOM_CODE_TIMEOUT: 504,
  DYNAMIC_LOOKUP_FAILED: 502,
  PAGING_FAILED: 502,
  ASYNC_ACTION_FAILED: 502,
  ASYNC_ACTION_TIMEOUT: 504,
  CHUNKED_TRANSFER_FAILED: 502,
  // Only the CLI raises these (client of a server); never answered by the API.
  API_PROBLEM: 502,
  API_UNREACHABLE: 502,

  CONVERT_INPUT_INVALID: 400,
  CONVERT_UNSUPPORTED_VERSION: 400,
  INIT_TARGET_EXISTS: 409,
  GIT_FAILED: 500,
  PACKAGE_TOOLS_MISSING: 500,
  PACKAGE_BUILD_FAILED: 500,
  OUTPUT_EXISTS: 409,

  STORE_UNAVAILABLE: 503,
  STORE_MIGRATION_FAILED: 500,
  SECRET_KEY_INVALID: 500,
  CONFLICT: 409,
  TOKEN_EXPIRY_INVALID: 400,

  TRIGGER_NOT_A_TRIGGER: 400,
  TRIGGER_SUBSCRIBE_FAILED: 502,
  TRIGGER_UNSUBSCRIBE_FAILED: 502,
  TRIGGER_CALLBACK_TIMEOUT: 504,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An error the server raises itself; the error handler turns it into a problem. */
export class ServerError extends Error {
  readonly code: ServerErrorCode;
  /** Response headers the problem is sent with (`retry-after` of a 429). */
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(
    code: ServerErrorCode,
    message: string,
    options?: { cause?: unknown; headers?: Readonly<Record<string, string>> },
  ) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'ServerError';
    this.code = code;
    this.headers = options?.headers;
  }
}

/** RFC 9457 problem details with flowport's `code`. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ApiErrorCode;
  readonly instance: string;
  /** Fastify's validation messages, when a body, query or path did not match its schema. */
  readonly errors?: readonly string[];
}

export const PROBLEM_TYPE_BASE = 'https://flowport.dev/errors/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The JSON schema of a problem body, for the OpenAPI document. */
export const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Fastify's own error codes for malformed requests, by our code. */
const FASTIFY_CODES: Readonly<Record<string, ApiErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
};

/** What a thrown value means for the client: its code, status, message and whether it is our fault. */
export interface Classified {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly string[];
  /** True for 5xx that are not an upstream's fault: logged at error level. */
  readonly internal: boolean;
}

interface FastifyLikeError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly message?: unknown;
  readonly validation?: readonly { readonly instancePath?: string; readonly message?: string }[];
  readonly validationContext?: unknown;
}

function validationMessages(error: FastifyLikeError): string[] {
  const where = typeof error.validationContext === 'string' ? error.validationContext : 'request';
  return (error.validation ?? []).map(
    (v) =>
      `${where}${v.instancePath ? v.instancePath.replaceAll('/', '.') : ''} ${v.message ?? 'is invalid'}`,
  );
}

const INTERNAL_DETAIL = 'The server failed to handle the request; the error is in its log.';

/** Sorts any thrown value into a problem; an unknown error never shows its message to the client. */
export function classify(error: unknown): Classified {
  if (isFlowportError(error) || error instanceof ServerError) {
    const status = STATUS_OF[error.code];
    // The server's own failures (a store key that does not fit) are for its log, not for clients.
    const detail = status === 500 ? INTERNAL_DETAIL : error.message;
    return { code: error.code, status, detail, internal: status === 500 || status === 503 };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (e.validation) {
    const errors = validationMessages(e);
    return {
      code: 'VALIDATION_FAILED',
      status: 400,
      detail: `The request does not match the route's schema: ${errors.join('; ')}.`,
      errors,
      internal: false,
    };
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    const mapped = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
    const code: ApiErrorCode =
      mapped ??
      (statusCode === 413
        ? 'BODY_TOO_LARGE'
        : statusCode === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : statusCode === 429
            ? 'RATE_LIMITED'
            : statusCode === 404
              ? 'NOT_FOUND'
              : 'BAD_REQUEST');
    const detail = typeof e.message === 'string' && e.message !== '' ? e.message : 'The request is invalid.';
    return {
      code,
      status: STATUS_OF[code] === statusCode ? statusCode : STATUS_OF[code],
      detail,
      internal: false,
    };
  }
  return {
    code: 'INTERNAL',
    status: 500,
    detail: INTERNAL_DETAIL,
    internal: true,
  };
}

/** The problem body of a classified error for the request at `instance` (its path, without query). */
export function toProblem(c: Classified, instance: string): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${c.code}`,
    title: TITLES[c.status] ?? 'Error',
    status: c.status,
    detail: c.detail,
    code: c.code,
    instance,
    ...(c.errors && { errors: c.errors }),
  };
}

/** A 404 for a record the caller may not see or that does not exist (never 403, which would leak it). */
export function notFound(what: string, id: string): FlowportError {
  return new FlowportError('NOT_FOUND', `No ${what} \`${id}\` exists for this user.`);
}
