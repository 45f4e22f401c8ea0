/**
 * Using a stored connection: find it for its owner, load its connector, make the runtime connection,
 * record status changes the runtime reports, and show results with every secret masked.
 */

import type { JsonValue } from '../connector/json.ts';
import type { AsyncActionOptions } from '../runtime/async-action.ts';
import { MIN_SECRET_LENGTH, maskSecrets, secretValues } from '../runtime/connection/secrets.ts';
import { type BodyPreview, requestBodyPreview } from '../runtime/request/body-preview.ts';
import type { InvokeResult } from '../runtime/runtime.ts';
import type { Arguments, Connection, ConnectionStatus, RuntimeResponse } from '../runtime/types.ts';
import type { ConnectionInfo } from '../store/types.ts';
import { connectionThrottled } from './connection-throttle.ts';
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
  // `findConnection` and `loadConnectorOf` inline: two promises less on every call.
  const info = await ctx.store.getConnection(id, caller.user.id);
  if (!info) throw notFound('connection', id);
  const loaded = await ctx.registry.get(info.connectorId);
  if (!loaded) throw notFound('connector', info.connectorId);
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
 * Counts a call through the connection against its calls a minute (runtime spec §12.3); over the
 * limit it throws `429 CONNECTION_THROTTLED` with `Retry-After`, before anything is sent.
 */
export function throttle(ctx: AppContext, connectionId: string): void {
  const waitMs = ctx.throttle.take(connectionId);
  if (waitMs > 0) throw connectionThrottled(connectionId, ctx.throttle.perMinute, waitMs);
}

/**
 * Invokes through the runtime and keeps the stored status in step: `unauthenticated` when a policy
 * (`setconnectionstatustounauthenticated`) says so. A refused refresh is recorded by the token
 * provider itself (oauth/token-provider.ts), which alone knows a refusal from an unreachable provider.
 * Every call counts against the connection's throttle first (`throttle`).
 */
export async function invokeWith(
  ctx: AppContext,
  open: OpenConnection,
  operationId: string,
  args: Arguments,
  options: { allPages?: boolean; trace?: boolean; async?: AsyncActionOptions | false } = {},
): Promise<InvokeResult> {
  throttle(ctx, open.info.id);
  const invokeOptions: {
    connection: Connection;
    allPages?: boolean;
    trace?: boolean;
    async?: AsyncActionOptions | false;
  } = {
    connection: open.connection,
  };
  if (options.allPages !== undefined) invokeOptions.allPages = options.allPages;
  if (options.trace !== undefined) invokeOptions.trace = options.trace;
  if (options.async !== undefined) invokeOptions.async = options.async;
  const result = await open.loaded.runtime.invoke(operationId, args, invokeOptions);
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
const CREDENTIAL_SCHEME = /^(Bearer|Basic|Token)\s/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Masker {
  /** `maskSecrets(value, secrets)`, skipped when the text holds neither a secret nor a credential word. */
  text(value: string): string;
  /** Every string and key masked; the value itself when nothing in it needs masking. */
  json(value: JsonValue): JsonValue;
  /** Plain headers; credential headers keep only their scheme (`Bearer ***`). */
  headers(h: Headers): Record<string, string>;
}

// Keyed by the secrets array: an open connection keeps its array, so its masker is built once.
const maskers = new WeakMap<readonly string[], Masker>();

/**
 * The masker of one set of secrets, built once per array: the secrets' forms (as is, percent- and
 * form-encoded, as `maskSecrets` masks them) are compiled into one pattern, and strings that match
 * neither it nor a credential word are passed through untouched.
 */
export function createMasker(secrets: readonly string[]): Masker {
  const known = maskers.get(secrets);
  if (known) return known;
  const checked = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  const forms = [
    ...new Set(
      checked.flatMap((s) => [s, encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2)]),
    ),
  ].sort((a, b) => b.length - a.length);
  const alternation = forms.map(escapeRegExp).join('|');
  // `maskSecrets` with these secrets: its credential patterns first, then every form, longest first.
  const formPattern = forms.length > 0 ? new RegExp(alternation, 'g') : undefined;
  // One test for "might need masking"; case-insensitive, so it may say yes when the forms would not.
  const suspect = new RegExp(
    forms.length > 0 ? `bearer|basic|authorization|${alternation}` : MAYBE_CREDENTIAL.source,
    'i',
  );
  const mask = (value: string): string => {
    const out = MAYBE_CREDENTIAL.test(value) ? maskSecrets(value, []) : value;
    return formPattern ? out.replace(formPattern, '***') : out;
  };
  // Strings shorter than every alternative of `suspect` (`basic`, the shortest form) cannot match it.
  const shortest = Math.min(5, ...forms.map((f) => f.length));
  const suspicious = (value: string): boolean => value.length >= shortest && suspect.test(value);
  const text = (value: string): string => (suspicious(value) ? mask(value) : value);
  const clean = (value: JsonValue): boolean => {
    if (typeof value === 'string') return !suspicious(value);
    if (value === null || typeof value !== 'object') return true;
    if (Array.isArray(value)) {
      for (const item of value) if (!clean(item)) return false;
      return true;
    }
    for (const key in value) if (suspicious(key) || !clean(value[key] as JsonValue)) return false;
    return true;
  };
  const copy = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(copy);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, text(k), {
          value: copy(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  };
  const json = (value: JsonValue): JsonValue => (clean(value) ? value : copy(value));
  const headers = (h: Headers): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of h) {
      if (CREDENTIAL_HEADERS.has(name)) {
        const scheme = CREDENTIAL_SCHEME.exec(value)?.[1];
        out[name] = scheme ? `${scheme} ***` : '***';
      } else {
        out[name] = text(value);
      }
    }
    return out;
  };
  const masker = { text, json, headers };
  maskers.set(secrets, masker);
  return masker;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** An invocation as the API shows it (`invokeResultSchema`). */
export interface PresentedResult {
  operationId: string;
  status: number;
  headers: Record<string, string>;
  bodyKind: 'none' | 'json' | 'text' | 'binary';
  body?: JsonValue;
  durationMs: number;
  pages: number;
  /** Set when an asynchronous action's `Location` was polled (runtime spec §12.4). */
  async?: { polls: number; location: string };
  /** Set when the body went up, or the response came down, in chunks (§12.5). */
  chunked?: { direction: 'upload' | 'download'; parts: number };
  warnings: string[];
  connectionStatus?: ConnectionStatus;
  request?: {
    method: string;
    url: string;
    headers: Record<string, string>;
    /** The body as sent (policies and encoding applied): text, or only its size for bytes. */
    body?: BodyPreview;
  };
  trace?: string[];
}

/** Request bodies are shown up to this many characters. */
const SENT_BODY_PREVIEW = 64 * 1024;

/** The API's view of an invocation: status, headers, body and the request sent, secrets masked. */
export function presentResult(
  result: InvokeResult,
  secrets: readonly string[],
  trace: boolean,
): PresentedResult {
  const mask = createMasker(secrets);
  const { response } = result;
  const body = response.body;
  const shown: PresentedResult = {
    operationId: result.operationId,
    status: response.status,
    headers: mask.headers(response.headers),
    bodyKind: body.kind,
    durationMs: Math.round(result.durationMs * 1000) / 1000,
    pages: result.pages,
    warnings: result.warnings.length === 0 ? [] : result.warnings.map(mask.text),
  };
  if (body.kind === 'json') shown.body = mask.json(body.value);
  else if (body.kind === 'text') shown.body = mask.text(body.text);
  else if (body.kind === 'binary') shown.body = base64(body.bytes);
  if (result.connectionStatus !== undefined) shown.connectionStatus = result.connectionStatus;
  if (result.async) shown.async = { polls: result.async.polls, location: mask.text(result.async.location) };
  if (result.chunked) shown.chunked = { ...result.chunked };
  if (result.request) {
    shown.request = {
      method: result.request.method,
      url: mask.text(result.request.url),
      headers: mask.headers(result.request.headers),
    };
    const sent = requestBodyPreview(result.request, SENT_BODY_PREVIEW);
    if (sent !== undefined)
      shown.request.body = sent.text === undefined ? sent : { ...sent, text: mask.text(sent.text) };
  }
  if (trace) shown.trace = result.trace.map(mask.text);
  return shown;
}
