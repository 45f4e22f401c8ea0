/**
 * The console's only way to the server: the REST API with the user's bearer token. Errors are the
 * server's RFC 9457 problems, thrown as `ApiError` with their `code` and `detail`.
 */
import { toBase64 } from './base64.ts';
import { clearToken, getToken } from './token.ts';
import type {
  Connection,
  ConnectionTest,
  ConnectorDetail,
  ConnectorUpload,
  ConnectorVersion,
  CreatedToken,
  DynamicValue,
  FixResult,
  GalleryCard,
  ImportResult,
  InvokeResult,
  JsonObject,
  JsonValue,
  OperationDetail,
  OperationsView,
  ResponseSchemaResult,
  Role,
  Subscription,
  TokenInfo,
  TreeNode,
  TriggerEvent,
  User,
  ValidationReport,
  VersionChanges,
} from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: readonly string[];
  constructor(status: number, code: string, detail: string, errors: readonly string[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

/** Listeners told when the token stops working (revoked, expired), so the app shows sign-in. */
const signedOut = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOut.add(listener);
  return () => signedOut.delete(listener);
}

export function authHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const token = getToken();
  return { ...(token && { authorization: `Bearer ${token}` }), ...extra };
}

async function problemOf(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let detail = `${response.status} ${response.statusText}`;
  let errors: string[] = [];
  try {
    const body = (await response.json()) as { code?: string; detail?: string; errors?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.detail === 'string') detail = body.detail;
    if (Array.isArray(body.errors)) errors = body.errors.map(String);
  } catch {
    // Not a problem document (a proxy's page): the status line says enough.
  }
  return new ApiError(response.status, code, detail, errors);
}

export function request(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  return send(
    method,
    path,
    body === undefined ? undefined : { body: JSON.stringify(body), type: 'application/json' },
    signal,
  );
}

/** A call with a body of any type (`application/zip` bytes); a problem answer is thrown as `ApiError`. */
async function send(
  method: string,
  path: string,
  payload?: { body: BodyInit; type: string },
  signal?: AbortSignal,
): Promise<Response> {
  const response = await fetch(path, {
    method,
    headers: authHeaders(payload ? { 'content-type': payload.type } : {}),
    ...(payload && { body: payload.body }),
    ...(signal && { signal }),
  });
  if (!response.ok) {
    const error = await problemOf(response);
    if (response.status === 401) {
      clearToken();
      for (const listener of signedOut) listener();
    }
    throw error;
  }
  return response;
}

async function json<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await request(method, path, body, signal);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;
const connectionOps = (connectionId: string, operationId: string) =>
  `/api/v1/connections/${enc(connectionId)}/operations/${enc(operationId)}`;

export const api = {
  me: (signal?: AbortSignal) => json<User>('GET', '/api/v1/users/me', undefined, signal),
  users: (signal?: AbortSignal) => json<{ users: User[] }>('GET', '/api/v1/users', undefined, signal),
  /** Creates a user (admins) with a first token, which is in this answer only. */
  createUser: (body: { name: string; role: Role; tokenName?: string; tokenExpiresInDays?: number }) =>
    json<{ user: User; token: string; tokenInfo: TokenInfo }>('POST', '/api/v1/users', body),
  updateUser: (id: string, patch: { role?: Role; disabled?: boolean }) =>
    json<User>('PATCH', `/api/v1/users/${enc(id)}`, patch),

  /** The caller's tokens, or (admins) another user's. */
  tokens: (userId?: string, signal?: AbortSignal) =>
    json<{ tokens: TokenInfo[] }>(
      'GET',
      `/api/v1/tokens${userId ? `?userId=${enc(userId)}` : ''}`,
      undefined,
      signal,
    ),
  /** A token that expires in `expiresInDays` days, or never when undefined. */
  createToken: (name: string, userId?: string, expiresInDays?: number) =>
    json<CreatedToken>('POST', '/api/v1/tokens', {
      name,
      ...(userId && { userId }),
      ...(expiresInDays !== undefined && { expiresInDays }),
    }),
  revokeToken: (id: string) => json<void>('DELETE', `/api/v1/tokens/${enc(id)}`),

  gallery: (signal?: AbortSignal) =>
    json<{ connectors: GalleryCard[] }>('GET', '/api/v1/console/connectors', undefined, signal),
  connector: (id: string, signal?: AbortSignal) =>
    json<ConnectorDetail>('GET', `/api/v1/connectors/${enc(id)}`, undefined, signal),
  operations: (id: string, signal?: AbortSignal) =>
    json<OperationsView>('GET', `/api/v1/connectors/${enc(id)}/operations`, undefined, signal),
  operation: (id: string, operationId: string, signal?: AbortSignal) =>
    json<OperationDetail>(
      'GET',
      `/api/v1/console/connectors/${enc(id)}/operations/${enc(operationId)}`,
      undefined,
      signal,
    ),
  validation: (id: string, signal?: AbortSignal) =>
    json<ValidationReport>('GET', `/api/v1/connectors/${enc(id)}/validation`, undefined, signal),
  /** Stores the latest version with the changes `flowport validate --fix` makes (admins). */
  fixConnector: (id: string, options: { dryRun?: boolean } = {}) =>
    json<FixResult>('POST', `/api/v1/connectors/${enc(id)}/fix${options.dryRun ? '?dryRun=true' : ''}`),
  /** The response schema of an operation from sample answers: a preview, or a new version (admins). */
  responseSchema: (
    id: string,
    operationId: string,
    body: { samples: JsonValue[]; status: string; replace: boolean },
    options: { dryRun?: boolean } = {},
  ) =>
    json<ResponseSchemaResult>(
      'POST',
      `/api/v1/connectors/${enc(id)}/operations/${enc(operationId)}/response-schema${options.dryRun ? '?dryRun=true' : ''}`,
      body,
    ),
  versions: (id: string, signal?: AbortSignal) =>
    json<{ versions: ConnectorVersion[] }>(
      'GET',
      `/api/v1/connectors/${enc(id)}/versions`,
      undefined,
      signal,
    ),
  versionChanges: (id: string, version: number, from?: number, signal?: AbortSignal) =>
    json<VersionChanges>(
      'GET',
      `/api/v1/connectors/${enc(id)}/versions/${version}/changes${from === undefined ? '' : `?from=${from}`}`,
      undefined,
      signal,
    ),
  async file(id: string, name: string, signal?: AbortSignal): Promise<string> {
    return (
      await request('GET', `/api/v1/console/connectors/${enc(id)}/files/${enc(name)}`, undefined, signal)
    ).text();
  },
  async icon(id: string, signal?: AbortSignal): Promise<Blob> {
    return (await request('GET', `/api/v1/connectors/${enc(id)}/icon`, undefined, signal)).blob();
  },
  /** Imports a connector (admins): a zip goes as its bytes, loose files as base64 in JSON. */
  async importConnector(upload: ConnectorUpload, options: { id?: string; preset?: string } = {}) {
    let response: Response;
    if ('zip' in upload) {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(options)) if (v) query.set(k, v);
      const s = query.toString();
      response = await send('POST', `/api/v1/connectors${s ? `?${s}` : ''}`, {
        body: upload.zip,
        type: 'application/zip',
      });
    } else if ('url' in upload) {
      response = await request('POST', '/api/v1/connectors', { ...options, url: upload.url });
    } else {
      const files = await Promise.all(
        upload.files.map(async (f) => ({
          name: f.name,
          content: toBase64(new Uint8Array(await f.arrayBuffer())),
        })),
      );
      response = await request('POST', '/api/v1/connectors', { ...options, files });
    }
    return (await response.json()) as ImportResult;
  },

  connections: (connectorId?: string, signal?: AbortSignal) =>
    json<{ connections: Connection[] }>(
      'GET',
      `/api/v1/connections${connectorId ? `?connectorId=${enc(connectorId)}` : ''}`,
      undefined,
      signal,
    ),
  createConnection: (body: {
    connectorId: string;
    name?: string;
    parameterSet?: string;
    values: Record<string, string>;
  }) => json<Connection>('POST', '/api/v1/connections', body),
  updateConnection: (id: string, body: { name?: string; values?: Record<string, string | null> }) =>
    json<Connection>('PATCH', `/api/v1/connections/${enc(id)}`, body),
  deleteConnection: (id: string) => json<void>('DELETE', `/api/v1/connections/${enc(id)}`),
  testConnection: (id: string) => json<ConnectionTest>('POST', `/api/v1/connections/${enc(id)}/test`, {}),
  oauthStart: (id: string, body: { returnTo: string; clientId?: string; clientSecret?: string }) =>
    json<{ authorizationUrl: string; redirectUri: string; warnings?: string[] }>(
      'POST',
      `/api/v1/connections/${enc(id)}/oauth/start`,
      body,
    ),
  oauthRevoke: (id: string) => json<unknown>('POST', `/api/v1/connections/${enc(id)}/oauth/revoke`, {}),

  invoke: (connectionId: string, operationId: string, parameters: JsonObject) =>
    json<InvokeResult>('POST', connectionOps(connectionId, operationId), { parameters, trace: true }),
  dynamicValues: (
    connectionId: string,
    operationId: string,
    target: string,
    parameters: JsonObject,
    signal?: AbortSignal,
  ) =>
    json<{ values: DynamicValue[] }>(
      'POST',
      `${connectionOps(connectionId, operationId)}/dynamic-values`,
      { target, parameters },
      signal,
    ),
  dynamicSchema: (
    connectionId: string,
    operationId: string,
    target: string,
    parameters: JsonObject,
    signal?: AbortSignal,
  ) =>
    json<{ schema: JsonObject }>(
      'POST',
      `${connectionOps(connectionId, operationId)}/dynamic-schema`,
      { target, parameters },
      signal,
    ),

  tree: (
    connectionId: string,
    operationId: string,
    target: string,
    parameters: JsonObject,
    selectedItem?: JsonValue,
  ) =>
    json<{ nodes: TreeNode[] }>('POST', `${connectionOps(connectionId, operationId)}/tree`, {
      target,
      parameters,
      ...(selectedItem !== undefined && { selectedItem }),
    }),

  subscriptions: (connectionId?: string, signal?: AbortSignal) =>
    json<{ value: Subscription[] }>(
      'GET',
      `/api/v1/subscriptions${connectionId ? `?connectionId=${enc(connectionId)}` : ''}`,
      undefined,
      signal,
    ),
  createSubscription: (body: {
    connectionId: string;
    operationId: string;
    parameters?: JsonObject;
    body?: JsonValue;
    sink?: { url: string };
    intervalSeconds?: number;
    backfill?: boolean;
  }) => json<{ subscription: Subscription; signingSecret?: string }>('POST', '/api/v1/subscriptions', body),
  deleteSubscription: (id: string) =>
    json<{
      subscription: Subscription;
      unsubscribe: { ok: boolean; via: string; status?: number; warnings: string[] };
    }>('DELETE', `/api/v1/subscriptions/${enc(id)}`),
  events: (
    id: string,
    query: { after?: number; limit?: number; delivery?: string } = {},
    signal?: AbortSignal,
  ) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
    const s = q.toString();
    return json<{ value: TriggerEvent[] }>(
      'GET',
      `/api/v1/subscriptions/${enc(id)}/events${s ? `?${s}` : ''}`,
      undefined,
      signal,
    );
  },
  replayEvent: (id: string, eventId: string) =>
    json<unknown>('POST', `/api/v1/subscriptions/${enc(id)}/events/${enc(eventId)}/replay`, {}),
  replayDead: (id: string) =>
    json<{ replayed: number }>('POST', `/api/v1/subscriptions/${enc(id)}/replay`, {}),
};
