/**
 * Using a stored connection: find it for its owner, load its connector, make the runtime connection,
 * record status changes the runtime reports, and show results with every secret masked.
 */
import type { JsonValue } from '../connector/json.ts';
import { maskSecrets, secretValues } from '../runtime/connection/secrets.ts';
import type { InvokeResult } from '../runtime/runtime.ts';
import type { Arguments, Connection, ConnectionStatus, RuntimeResponse } from '../runtime/types.ts';
import type { ConnectionInfo } from '../store/types.ts';
import type { AppContext } from './context.ts';
import type { Caller, LoadedConnector } from './deps.ts';
import { notFound } from './errors.ts';

/** A connection ready to call operations with. */
export interface OpenConnection {
  readonly info: ConnectionInfo;
  readonly loaded: LoadedConnector;
  readonly connection: Connection;
  /** Values that must never be shown. */
  readonly secrets: readonly string[];
}

/** The caller's connection `id` with its connector; another user's connection is a 404. */
export async function findConnection(ctx: AppContext, caller: Caller, id: string): Promise<ConnectionInfo> {
  const info = await ctx.store.getConnection(id, caller.user.id);
  if (!info) throw notFound('connection', id);
  return info;
}

export async function loadConnectorOf(ctx: AppContext, connectorId: string): Promise<LoadedConnector> {
  const loaded = await ctx.registry.get(connectorId);
  if (!loaded) throw notFound('connector', connectorId);
  return loaded;
}

const opened = new WeakMap<Connection, OpenConnection>();

export async function openConnection(ctx: AppContext, caller: Caller, id: string): Promise<OpenConnection> {
  const info = await findConnection(ctx, caller, id);
  const loaded = await loadConnectorOf(ctx, info.connectorId);
  const connection = await ctx.resolveConnection(info, loaded);
  // The resolver reuses a connection while its record is unchanged; so can the secrets to mask.
  const hit = opened.get(connection);
  if (hit && hit.info === info && hit.loaded === loaded) return hit;
  const stored = await ctx.store.connectionSecrets(info.id);
  const secrets = [...new Set([...secretValues(loaded.connector, connection), ...Object.values(stored)])];
  const open = { info, loaded, connection, secrets };
  opened.set(connection, open);
  return open;
}

/** Stores a status the runtime or a test reported, when it differs from the stored one. */
export async function recordStatus(
  ctx: AppContext,
  info: ConnectionInfo,
  status: ConnectionStatus | undefined,
  reason: string | undefined,
): Promise<void> {
  if (status === undefined || (status === info.status && (reason ?? undefined) === info.statusReason)) return;
  await ctx.store.updateConnection(info.id, undefined, { status, statusReason: reason ?? null });
}

/**
 * Invokes through the runtime and keeps the stored status in step: `unauthenticated` when a policy
 * (`setconnectionstatustounauthenticated`) says so. A refused refresh is recorded by the token
 * provider itself (oauth/token-provider.ts), which alone knows a refusal from an unreachable provider.
 */
export async function invokeWith(
  ctx: AppContext,
  open: OpenConnection,
  operationId: string,
  args: Arguments,
  options: { allPages?: boolean; trace?: boolean } = {},
): Promise<InvokeResult> {
  const result = await open.loaded.runtime.invoke(operationId, args, {
    connection: open.connection,
    ...(options.allPages !== undefined && { allPages: options.allPages }),
    ...(options.trace !== undefined && { trace: options.trace }),
  });
  if (result.connectionStatus === 'unauthenticated') {
    await recordStatus(
      ctx,
      open.info,
      'unauthenticated',
      'A policy of the connector marked it unauthenticated.',
    );
  }
  return result;
}

/** A `CallOperation` for the dynamic lookups: invokes with the connection and returns the response. */
export function callerFor(ctx: AppContext, open: OpenConnection) {
  return async (operationId: string, args: Arguments): Promise<RuntimeResponse> =>
    (await invokeWith(ctx, open, operationId, args)).response;
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const MAYBE_CREDENTIAL = /bearer|basic|authorization/i;

/** Builds a masker for one set of secrets: strings are only run through `maskSecrets` when needed. */
export function createMasker(secrets: readonly string[]) {
  const checked = secrets.filter((s) => s.length >= 4);
  const forms = checked.flatMap((s) => [
    s,
    encodeURIComponent(s),
    new URLSearchParams({ s }).toString().slice(2),
  ]);
  const text = (value: string): string =>
    MAYBE_CREDENTIAL.test(value) || forms.some((f) => value.includes(f))
      ? maskSecrets(value, checked)
      : value;
  const json = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, text(k), {
          value: json(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  };
  const headers = (h: Headers): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of h) {
      if (CREDENTIAL_HEADERS.has(name)) {
        const scheme = /^(Bearer|Basic|Token)\s/i.exec(value)?.[1];
        out[name] = scheme ? `${scheme} ***` : '***';
      } else {
        out[name] = text(value);
      }
    }
    return out;
  };
  return { text, json, headers };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The API's view of an invocation: status, headers, body and the request sent, secrets masked. */
export function presentResult(result: InvokeResult, secrets: readonly string[], trace: boolean) {
  const mask = createMasker(secrets);
  const { response } = result;
  const body = response.body;
  return {
    operationId: result.operationId,
    status: response.status,
    headers: mask.headers(response.headers),
    bodyKind: body.kind,
    ...(body.kind === 'json' && { body: mask.json(body.value) }),
    ...(body.kind === 'text' && { body: mask.text(body.text) }),
    ...(body.kind === 'binary' && { body: base64(body.bytes) }),
    durationMs: Math.round(result.durationMs * 1000) / 1000,
    pages: result.pages,
    warnings: result.warnings.map(mask.text),
    ...(result.connectionStatus !== undefined && { connectionStatus: result.connectionStatus }),
    ...(result.request && {
      request: {
        method: result.request.method,
        url: mask.text(result.request.url),
        headers: mask.headers(result.request.headers),
      },
    }),
    ...(trace && { trace: result.trace.map(mask.text) }),
  };
}
