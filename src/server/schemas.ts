/**
 * JSON schemas of the API's records. Routes use them to validate requests and serialise responses
 * (fields not in a response schema are never sent), and the OpenAPI document is generated from the
 * same route schemas (openapi.ts): one source of truth.
 */

const string = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const userSchema = {
  type: 'object',
  required: ['id', 'name', 'role', 'createdAt'],
  properties: {
    id: string,
    name: string,
    role: { type: 'string', enum: ['admin', 'maker'] },
    createdAt: dateTime,
    disabledAt: { ...dateTime, description: 'Set while the user is disabled: their tokens are refused.' },
  },
} as const;

export const tokenInfoSchema = {
  type: 'object',
  required: ['id', 'userId', 'name', 'prefix', 'createdAt'],
  properties: {
    id: string,
    userId: string,
    name: string,
    prefix: { type: 'string', description: 'The first characters of the token, to recognise it.' },
    createdAt: dateTime,
    lastUsedAt: dateTime,
    revokedAt: dateTime,
    expiresAt: {
      ...dateTime,
      description: 'When the token stops working; absent: never. An expired token stays listed.',
    },
  },
} as const;

export const validationSummarySchema = {
  type: 'object',
  required: ['preset', 'errors', 'warnings', 'infos'],
  properties: {
    preset: string,
    errors: { type: 'integer' },
    warnings: { type: 'integer' },
    infos: { type: 'integer' },
  },
} as const;

export const connectorInfoSchema = {
  type: 'object',
  required: ['id', 'title', 'latestVersion', 'createdAt', 'updatedAt'],
  properties: {
    id: string,
    title: string,
    latestVersion: { type: 'integer' },
    sourcePath: string,
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

export const versionSchema = {
  type: 'object',
  required: ['connectorId', 'version', 'validation', 'digest', 'createdAt'],
  properties: {
    connectorId: string,
    version: { type: 'integer' },
    validation: validationSummarySchema,
    digest: string,
    createdBy: string,
    createdAt: dateTime,
  },
} as const;

export const connectionParameterSchema = {
  type: 'object',
  properties: {
    name: string,
    set: string,
    type: string,
    displayName: string,
    description: string,
    required: { type: 'boolean' },
    secret: { type: 'boolean' },
    hidden: { type: 'boolean' },
    defaultValue: string,
    allowedValues: {
      type: 'array',
      items: { type: 'object', properties: { value: string, text: string } },
    },
  },
} as const;

export const diagnosticSchema = {
  type: 'object',
  properties: {
    ruleId: string,
    severity: { type: 'string', enum: ['error', 'warning', 'info'] },
    message: string,
    file: string,
    pointer: string,
    line: { type: 'integer' },
    column: { type: 'integer' },
    fixable: { type: 'boolean', description: '`flowport validate --fix` can fix it.' },
  },
} as const;

export const connectionSchema = {
  type: 'object',
  required: ['id', 'ownerId', 'connectorId', 'name', 'values', 'secretsSet', 'status', 'hasTokens'],
  properties: {
    id: string,
    ownerId: string,
    connectorId: string,
    name: string,
    parameterSet: string,
    values: { ...stringMap, description: 'Values of the non-secret connection parameters.' },
    secretsSet: {
      type: 'array',
      items: string,
      description: 'Names of the secret parameters that have a value; secret values are never returned.',
    },
    status: { type: 'string', enum: ['connected', 'unauthenticated', 'error'] },
    statusReason: string,
    hasTokens: { type: 'boolean' },
    tokenExpiresAt: dateTime,
    createdAt: dateTime,
    updatedAt: dateTime,
  },
} as const;

/** Any JSON value (operation arguments, backend bodies). */
export const anyJson = {} as const;

export const argumentsSchema = {
  type: 'object',
  description: 'Operation arguments by parameter name; the body parameter under its own name.',
  additionalProperties: anyJson,
} as const;

export const invokeResultSchema = {
  type: 'object',
  required: ['operationId', 'status', 'headers', 'bodyKind', 'durationMs', 'pages', 'warnings'],
  properties: {
    operationId: string,
    status: { type: 'integer' },
    headers: stringMap,
    bodyKind: { type: 'string', enum: ['none', 'json', 'text', 'binary'] },
    body: { description: 'JSON value, text, or base64 of binary bodies (see `bodyKind`).' },
    durationMs: { type: 'number' },
    pages: { type: 'integer' },
    async: {
      type: 'object',
      description:
        'The action answered 202 Accepted and its `Location` was polled until the final answer (runtime spec §12.4).',
      properties: { polls: { type: 'integer' }, location: string },
      required: ['polls', 'location'],
    },
    chunked: {
      type: 'object',
      description: 'The body went up, or the response came down, in chunks (runtime spec §12.5).',
      properties: { direction: { type: 'string', enum: ['upload', 'download'] }, parts: { type: 'integer' } },
      required: ['direction', 'parts'],
    },
    warnings: { type: 'array', items: string },
    connectionStatus: { type: 'string', enum: ['connected', 'unauthenticated', 'error'] },
    schema: {
      type: 'object',
      description:
        "How the answer compares with the response schema the operation declares for its status (`response`: the declared status used, `200` or `default`): each finding's `kind` (`type`, `null`, `required`, `enum`, `undeclared`, `no-schema`, `status-undeclared`), place in the body (`at`, a JSON pointer with `*` for array items), `count` of `of` values; values are never quoted. `partial` when the answer was checked in part.",
      required: ['findings', 'partial'],
      properties: {
        response: string,
        partial: { type: 'boolean' },
        findings: {
          type: 'array',
          items: {
            type: 'object',
            required: ['kind', 'severity', 'at', 'message', 'fix', 'count', 'of'],
            properties: {
              kind: {
                type: 'string',
                enum: ['status-undeclared', 'no-schema', 'type', 'null', 'required', 'enum', 'undeclared'],
              },
              severity: { type: 'string', enum: ['warning', 'info'] },
              at: string,
              message: string,
              fix: string,
              count: { type: 'integer' },
              of: { type: 'integer' },
            },
          },
        },
      },
    },
    request: {
      type: 'object',
      description: 'The first request sent to the backend, secrets masked.',
      properties: {
        method: string,
        url: string,
        headers: stringMap,
        body: {
          type: 'object',
          description:
            'The body as sent (after policies and encoding), secrets masked: `text` for JSON, text, XML, form and multipart bodies (binary parts shown as `·`), cut after 64 KiB with `omitted` characters left out; only `bytes` for other bodies.',
          properties: { text: string, bytes: { type: 'integer' }, omitted: { type: 'integer' } },
          required: ['bytes', 'omitted'],
        },
      },
    },
    trace: { type: 'array', items: string },
    callback: {
      type: 'object',
      description:
        'Callback actions: the callback the backend sent to the notification URL (the invoke waits for it).',
      properties: { receivedAt: string, headers: stringMap, body: {} },
    },
  },
} as const;

/** `{id}` and `{operationId}` of a route under a connector or a connection. */
export const operationParams = {
  type: 'object',
  required: ['id', 'operationId'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    operationId: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;
