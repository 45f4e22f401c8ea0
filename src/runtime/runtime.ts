import type { Connector, Operation } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { type AsyncActionOptions, asyncLocation, followAsyncAction } from './async-action.ts';
import {
  type ChunkedOptions,
  completeDownload,
  DEFAULT_CHUNKED,
  declaresChunkTransfer,
  decodeWhole,
  uploadInChunks,
} from './chunked.ts';
import { closest } from './closest.ts';
import { type Auth, resolveAuth } from './connection/auth.ts';
import { checkConnection } from './connection/check.ts';
import { mergePages, nextLinkName, nextLinkOf } from './paging.ts';
import { matchOperation, queryArguments } from './path-match.ts';
import { compilePolicies } from './policies/registry.ts';
import { runRequestPolicies, runResponsePolicies } from './policies/run.ts';
import { baseUrlOf, overrideBaseUrl } from './request/base-url.ts';
import { buildRequest } from './request/build.ts';
import { toWireRequest } from './request/wire.ts';
import { assertRunnable } from './script/csharp.ts';
import { type CustomCodeHook, customCodeFor } from './script/custom-code.ts';
import { createTransport, type TransportOptions } from './send/transport.ts';
import type {
  Arguments,
  CompiledPolicy,
  Connection,
  ConnectionStatus,
  PolicyContext,
  PolicyDiagnostic,
  ResponseBody,
  RuntimeRequest,
  RuntimeResponse,
  Transport,
  WireRequest,
} from './types.ts';

export interface RuntimeOptions {
  /** Sends requests; default: an undici transport with the options below. */
  readonly transport?: Transport;
  readonly transportOptions?: TransportOptions;
  /**
   * Replaces the swagger's scheme, host and basePath (a staging server or a mock), and the base URL a
   * `dynamichosturl` or `dynamicsubdomain` policy builds: every request goes there.
   */
  readonly baseUrl?: string;
  /** Base of links that route back through flowport (`updatenextlink`); default `flowport://runtime`. */
  readonly runtimeBaseUrl?: string;
  /** Custom code (`script.ts`); default: `customCodeFor(connector)`, a worker per run. */
  readonly customCode?: CustomCodeHook;
  /** Default for `InvokeOptions.async`: how actions answering 202 + `Location` are followed. */
  readonly async?: AsyncActionOptions | false;
  /**
   * Chunked transfer (§12.5): sizes and limits; `false` returns a 206 as it is and never uploads in
   * chunks.
   */
  readonly chunked?: ChunkedOptions | false;
}

export interface InvokeOptions {
  readonly connection?: Connection;
  /** Follow `x-ms-pageable` next links and merge the pages (default false: first page only). */
  readonly allPages?: boolean;
  /** Page cap when `allPages` is on (default 100). */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** Record each step (auth, each policy, custom code) in `InvokeResult.trace`. */
  readonly trace?: boolean;
  /**
   * Send the operation's request to this absolute URL, taken verbatim instead of the operation's path
   * and query (a polling `Location`, runtime spec §8.2). It must be on the origin of the request's base
   * URL after the request policies ran; any other is `UPSTREAM_HOST_REFUSED`.
   */
  readonly url?: string;
  /**
   * The asynchronous action pattern (§12.4): an action's 202 with a `Location` is polled until the
   * answer is not 202, which becomes the result. On by default for actions (not for triggers); `false`
   * returns the 202 as it is.
   */
  readonly async?: AsyncActionOptions | false;
  /**
   * A call relayed to one of the connector's own URLs (`createNotificationUrl`, runtime spec §9.3) by
   * someone who has no connection: none is checked or used, so the operation must need no credentials
   * (`security: []`; the caller checks). `body` is sent as received when the operation declares no
   * body or form parameter.
   */
  readonly relay?: { readonly body?: { readonly bytes: Uint8Array; readonly contentType: string } };
}

/** An absolute URL mapped back to an operation (runtime spec §13.2, steps 1–3). */
export interface UrlMatch {
  readonly operation: Operation;
  /** Path parameter values, percent-decoded. */
  readonly pathValues: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Which base was stripped: the runtime's own (`runtimeBaseUrl`) or the connector's backend base. */
  readonly via: 'runtime' | 'backend';
  /** The same path and query on the backend base; undefined when the connector has no base URL. */
  readonly backendUrl: string | undefined;
}

/** What one invocation did: the first request sent, the final response and what happened on the way. */
export interface InvokeResult {
  readonly operationId: string;
  /** The first request as sent to the backend (before masking; use `maskSecrets` to show it). */
  readonly request: WireRequest | undefined;
  readonly response: RuntimeResponse;
  readonly ok: boolean;
  readonly durationMs: number;
  readonly pages: number;
  readonly warnings: readonly string[];
  readonly connectionStatus: ConnectionStatus | undefined;
  /** The steps taken, when `trace` was asked for: `auth: api-key`, `policy: Set header (request)`… */
  readonly trace: readonly string[];
  /** Set when the action answered 202 and its `Location` was polled (§12.4). */
  readonly async?: { readonly polls: number; readonly location: string };
  /** Set when the body went up, or the response came down, in chunks (§12.5). */
  readonly chunked?: { readonly direction: 'upload' | 'download'; readonly parts: number };
}

export interface Runtime {
  readonly connector: Connector;
  /** Problems found while compiling `policyTemplateInstances` (unknown ids, missing parameters). */
  readonly policyDiagnostics: readonly PolicyDiagnostic[];
  invoke(operationId: string, args?: Arguments, options?: InvokeOptions): Promise<InvokeResult>;
  /**
   * Maps an absolute URL (a webhook or polling `Location`, a next link) back to the operation whose
   * method and path template it matches, after stripping the runtime's own base URL or the backend
   * base URL (the `baseUrl` option, else the swagger's; a `dynamichosturl` host is not known here).
   */
  locate(method: string, url: string): UrlMatch | undefined;
  /**
   * Sends `method` to an absolute URL on the backend's origin with the connection's auth (as
   * `operationId`'s security asks), no body and no policies: §13.2 step 4, when no operation matches.
   */
  callUrl(
    method: string,
    url: string,
    options: {
      readonly operationId: string;
      readonly connection?: Connection;
      readonly signal?: AbortSignal;
    },
  ): Promise<InvokeResult>;
  close(): Promise<void>;
}

const EMPTY: Connection = { values: {} };

/** A relayed call's connection and auth: nothing (the operation declares `security: []`). */
const RELAYED: { readonly connection: Connection; readonly auth: Auth } = {
  connection: EMPTY,
  auth: { kind: 'none', warnings: [], apply: () => undefined },
};

/** What the steps of one invocation share. */
interface CallState {
  readonly connection: Connection;
  readonly auth: Auth;
  status: ConnectionStatus | undefined;
  readonly trace: string[] | undefined;
  /** An absolute URL given by the caller must stay on the base URL's origin. */
  readonly pinOrigin?: boolean;
  /** Chunks the body went up in, when it did (§12.5). */
  uploadParts?: number;
}
const DEFAULT_MAX_PAGES = 100;

/** The request as sent (undefined when custom code answered alone) and the response. */
interface Exchanged {
  readonly wire: WireRequest | undefined;
  readonly response: RuntimeResponse;
}

/** Per operation, fixed for the runtime's life. */
interface OperationPlan {
  readonly policies: readonly CompiledPolicy[];
  readonly linkName: string | undefined;
}

function findOperation(connector: Connector, operationId: string): Operation {
  const operation = connector.operation(operationId);
  if (operation) return operation;
  const ids = connector.operations.flatMap((o) => (o.id ? [o.id] : []));
  const near = closest(operationId, ids);
  throw new FlowportError(
    'OPERATION_NOT_FOUND',
    `The connector has no operation \`${operationId}\`${near ? `; did you mean \`${near}\`?` : '.'} Run \`flowport operations\` to list them.`,
  );
}

const origins = new Map<string, string>();

/** The origin of a URL; computed once per distinct base URL (a handful per connector). */
function originOf(url: string): string {
  let origin = origins.get(url);
  if (origin === undefined) {
    origin = new URL(url).origin;
    if (origins.size > 256) origins.clear();
    origins.set(url, origin);
  }
  return origin;
}

const pinned = new Map<string, { readonly allowedOrigins: readonly string[] }>();

/** Wire options that keep a request on the origin of `baseUrl`; one object per distinct base URL. */
function sameOriginAs(baseUrl: string): { readonly allowedOrigins: readonly string[] } {
  let wireOptions = pinned.get(baseUrl);
  if (wireOptions === undefined) {
    wireOptions = { allowedOrigins: [originOf(baseUrl)] };
    if (pinned.size > 256) pinned.clear();
    pinned.set(baseUrl, wireOptions);
  }
  return wireOptions;
}

const NO_TRACE: readonly string[] = Object.freeze([]);
const REFRESH = { forceRefresh: true } as const;
const NO_REFRESH = { forceRefresh: false } as const;

/**
 * A connector ready to run: policies compiled once, one transport with keep-alive pools.
 *
 * @example
 * const runtime = createRuntime(await loadConnector('./tasklane'), { baseUrl: 'http://127.0.0.1:4010' });
 * const result = await runtime.invoke('ListTasks', { top: 5 }, { connection: { values: { api_key: 'k' } } });
 */
export function createRuntime(connector: Connector, options: RuntimeOptions = {}): Runtime {
  const { policies, diagnostics } = compilePolicies(connector);
  const ownTransport = options.transport === undefined;
  const transport = options.transport ?? createTransport(options.transportOptions);
  const runtimeBaseUrl = options.runtimeBaseUrl ?? 'flowport://runtime';
  const customCode = options.customCode ?? customCodeFor(connector, { runtimeBaseUrl });
  const checked = new WeakMap<Connection, { connection: Connection; auth: Auth }>();
  const buildOptions = options.baseUrl ? { baseUrl: options.baseUrl } : {};
  const plans = new WeakMap<Operation, OperationPlan>();
  const chunked = options.chunked === false ? undefined : { ...DEFAULT_CHUNKED, ...options.chunked };
  /** Operations whose large bodies go up in chunks (§12.5); empty when chunking is off. */
  const chunkUploads = new WeakSet<Operation>();
  if (chunked)
    for (const operation of connector.operations)
      if (operation.kind === 'action' && declaresChunkTransfer(operation)) chunkUploads.add(operation);

  /** What invoking `operation` needs that does not change between calls, computed on its first call. */
  function planFor(operation: Operation): OperationPlan {
    let plan = plans.get(operation);
    if (!plan) {
      plan = {
        policies: policies.filter((p) => p.appliesTo(operation.id)),
        linkName: nextLinkName(operation),
      };
      plans.set(operation, plan);
    }
    return plan;
  }

  function prepare(connection: Connection): { connection: Connection; auth: Auth } {
    let entry = checked.get(connection);
    if (!entry) {
      const normal = checkConnection(connector, connection);
      entry = { connection: normal, auth: resolveAuth(connector, normal) };
      checked.set(connection, entry);
    }
    return entry;
  }

  /** Steps 5–9 for one request. */
  function sendOnce(
    operation: Operation,
    list: readonly CompiledPolicy[],
    request: RuntimeRequest,
    pathValues: Readonly<Record<string, string>>,
    state: CallState,
    warnings: string[],
    forceRefresh: boolean,
    signal: AbortSignal | undefined,
  ): Promise<Exchanged> {
    if (list.length > 0 || state.trace || operation.customCode || chunkUploads.has(operation))
      return sendThroughSteps(operation, list, request, pathValues, state, warnings, forceRefresh, signal);
    // No policy, custom code or trace: auth, then the backend, without a frame of its own.
    const applied = state.auth.apply(request, operation, forceRefresh ? REFRESH : NO_REFRESH);
    const sendOptions = signal ? { signal } : undefined;
    const sendDirect = (): Promise<Exchanged> => {
      const wire = toWireRequest(
        request,
        request.absoluteUrl && !state.pinOrigin ? undefined : sameOriginAs(request.baseUrl),
      );
      return transport.send(wire, sendOptions).then((response) => ({ wire, response }));
    };
    return applied === undefined ? sendDirect() : applied.then(sendDirect);
  }

  async function sendThroughSteps(
    operation: Operation,
    list: readonly CompiledPolicy[],
    request: RuntimeRequest,
    pathValues: Readonly<Record<string, string>>,
    state: CallState,
    warnings: string[],
    forceRefresh: boolean,
    signal: AbortSignal | undefined,
  ): Promise<Exchanged> {
    const trace = state.trace;
    trace?.push(`request: ${request.method} ${request.absoluteUrl ?? request.baseUrl + request.path}`);
    const applied = state.auth.apply(request, operation, forceRefresh ? REFRESH : NO_REFRESH);
    // API key and basic auth finish at once; only a token provider makes the call wait.
    if (applied !== undefined) await applied;
    trace?.push(`auth: ${state.auth.kind}${forceRefresh ? ' (token refreshed)' : ''}`);
    const sendOptions = signal ? { signal } : undefined;
    const send = (wire: WireRequest, opts?: { readonly signal?: AbortSignal }) =>
      transport.send(wire, opts?.signal ? { signal: opts.signal } : sendOptions);
    const ctx: PolicyContext | undefined =
      list.length === 0
        ? undefined
        : {
            connector,
            operation,
            connection: state.connection,
            pathValues,
            request,
            runtimeBaseUrl,
            send: (sub) => send(toWireRequest(sub)),
            setConnectionStatus: (status) => {
              state.status = status;
            },
            warn: (message) => warnings.push(message),
          };
    const run = trace
      ? {
          onApply: (p: CompiledPolicy) =>
            trace.push(`policy: ${p.instance.title ?? p.templateId} [${p.templateId}, ${p.section}]`),
        }
      : undefined;
    if (ctx) {
      const base = request.baseUrl;
      await runRequestPolicies(list, request, ctx, run);
      // The `baseUrl` option (a staging server, a mock) takes every request, also where a policy
      // built another base URL (`dynamichosturl`, `dynamicsubdomain`): the policy still runs, so its
      // errors still show, but its host is not called.
      if (options.baseUrl !== undefined && request.baseUrl !== base) {
        trace?.push(`base URL: ${base} (the option), not the policy's`);
        request.baseUrl = base;
      }
    }
    const wire = toWireRequest(
      request,
      request.absoluteUrl && !state.pinOrigin ? undefined : sameOriginAs(request.baseUrl),
    );
    const custom = operation.customCode
      ? customCode(operation, request, wire, state.connection, send)
      : undefined;
    if (custom) trace?.push('custom code: script.ts');
    const response = await (custom ?? sendBody(operation, wire, sendOptions, state));
    trace?.push(`response: ${response.status}`);
    if (ctx) {
      await runResponsePolicies(list, response, ctx, 'response', run);
      if (response.status >= 400) await runResponsePolicies(list, response, ctx, 'failure', run);
    }
    return { wire, response };
  }

  /** Sends `wire`, in chunks when the operation declares `chunkTransfer` and the body is large (§12.5). */
  async function sendBody(
    operation: Operation,
    wire: WireRequest,
    sendOptions: { readonly signal?: AbortSignal } | undefined,
    state: CallState,
  ): Promise<RuntimeResponse> {
    const body = wire.body;
    if (!chunked || !chunkUploads.has(operation) || !body || body.byteLength <= chunked.uploadThresholdBytes)
      return transport.send(wire, sendOptions);
    const upload = await uploadInChunks(
      operation.label,
      { ...wire, body },
      (w) => transport.send(w, sendOptions),
      originOf(wire.url),
      chunked,
    );
    state.trace?.push(`upload: ${body.byteLength} bytes in ${upload.parts} chunks`);
    state.uploadParts = upload.parts;
    return upload.response;
  }

  function call(
    operation: Operation,
    list: readonly CompiledPolicy[],
    request: RuntimeRequest,
    pathValues: Readonly<Record<string, string>>,
    state: CallState,
    warnings: string[],
    signal: AbortSignal | undefined,
  ): Promise<Exchanged> {
    if (state.auth.kind !== 'oauth2')
      return sendOnce(operation, list, request, pathValues, state, warnings, false, signal);
    return callWithRefresh(operation, list, request, pathValues, state, warnings, signal);
  }

  async function callWithRefresh(
    operation: Operation,
    list: readonly CompiledPolicy[],
    request: RuntimeRequest,
    pathValues: Readonly<Record<string, string>>,
    state: CallState,
    warnings: string[],
    signal: AbortSignal | undefined,
  ): Promise<Exchanged> {
    const snapshot = cloneRequest(request);
    const first = await sendOnce(operation, list, request, pathValues, state, warnings, false, signal);
    // An expired or revoked OAuth token: refresh once and repeat the whole call (the platform does
    // the same before it marks the connection unauthenticated).
    if (first.response.status !== 401) return first;
    warnings.push('The backend answered 401; the OAuth token was refreshed and the call repeated.');
    return sendOnce(operation, list, snapshot, pathValues, state, warnings, true, signal);
  }

  /** Step 11: follows `x-ms-pageable` next links from the first page and merges the pages. */
  async function followPages(
    operationId: string,
    operation: Operation,
    list: readonly CompiledPolicy[],
    pathValues: Readonly<Record<string, string>>,
    state: CallState,
    warnings: string[],
    first: {
      readonly pristine: RuntimeRequest;
      readonly linkName: string;
      readonly wire: WireRequest | undefined;
      readonly response: RuntimeResponse;
      readonly maxPages: number;
      readonly signal: AbortSignal | undefined;
    },
  ): Promise<{ response: RuntimeResponse; pages: number }> {
    const { pristine, linkName, wire, response } = first;
    let final = response;
    let pages = 1;
    const bodies: ResponseBody[] = [response.body];
    const seen = new Set<string>();
    const max = first.maxPages;
    const origin = wire ? originOf(wire.url) : undefined;
    let link = nextLinkOf(response.body, linkName);
    while (link && pages < max) {
      if (seen.has(link.url)) {
        warnings.push('Paging stopped: the backend returned the same next link twice.');
        break;
      }
      seen.add(link.url);
      if (!link.routed) {
        warnings.push(
          `Followed a raw next link; in the Power Platform paging needs the \`updatenextlink\` policy on \`${operationId}\`.`,
        );
      }
      if (origin && originOf(link.url) !== origin) {
        throw new FlowportError(
          'PAGING_FAILED',
          `The next-page link of \`${operationId}\` points to another host (${originOf(link.url)}); flowport only follows links on ${origin}.`,
        );
      }
      const next: RuntimeRequest = {
        ...cloneRequest(pristine),
        body: { kind: 'none' },
        absoluteUrl: link.url,
      };
      next.headers.delete('content-type');
      const page = await call(operation, list, next, pathValues, state, warnings, first.signal);
      if (page.response.status < 200 || page.response.status >= 300) {
        final = page.response;
        break;
      }
      bodies.push(page.response.body);
      pages++;
      link = nextLinkOf(page.response.body, linkName);
    }
    if (link && pages >= max) warnings.push(`Paging stopped at the cap of ${max} pages.`);
    if (final === response) final = { ...response, body: mergePages(bodies, linkName) };
    return { response: final, pages };
  }

  async function invoke(
    operationId: string,
    args: Arguments = {},
    invokeOptions: InvokeOptions = {},
  ): Promise<InvokeResult> {
    const started = performance.now();
    const operation = findOperation(connector, operationId);
    // Before anything is sent: request policies may call the backend (`setvaluefromurl`).
    assertRunnable(connector, operation);
    const prepared = invokeOptions.relay ? RELAYED : prepare(invokeOptions.connection ?? EMPTY);
    if (prepared.connection.status === 'unauthenticated') {
      throw new FlowportError(
        'CONNECTION_UNAUTHENTICATED',
        'The connection is unauthenticated; sign in again before calling operations.',
      );
    }
    const state: CallState = {
      connection: prepared.connection,
      auth: prepared.auth,
      status: prepared.connection.status,
      trace: invokeOptions.trace ? [] : undefined,
      pinOrigin: invokeOptions.url !== undefined,
    };
    const built = buildRequest(connector, operation, args, buildOptions);
    // The build's own warnings come first; the call adds its own to the same list.
    const warnings = built.warnings;
    if (invokeOptions.url !== undefined) built.request.absoluteUrl = invokeOptions.url;
    const relayed = invokeOptions.relay?.body;
    if (relayed && built.request.body.kind === 'none' && relayed.bytes.byteLength > 0) {
      built.request.body = { kind: 'binary', bytes: relayed.bytes };
      built.request.headers.set('content-type', relayed.contentType);
    }
    const plan = planFor(operation);
    const linkName = plan.linkName;
    const paging = invokeOptions.allPages === true && linkName !== undefined;
    // Auth and request policies change the request in place; next pages start from the built one.
    const pristine = paging ? cloneRequest(built.request) : undefined;
    const first = await call(
      operation,
      plan.policies,
      built.request,
      built.pathValues,
      state,
      warnings,
      invokeOptions.signal,
    );
    const wire = first.wire;
    let response = first.response;
    let asyncInfo: { polls: number; location: string } | undefined;
    const asyncSetting = invokeOptions.async ?? options.async ?? {};
    if (response.status === 202 && operation.kind === 'action' && asyncSetting !== false) {
      const location = asyncLocation(response, wire?.url);
      if (location === undefined) {
        warnings.push(
          'The backend answered 202 without a `Location` to poll, so the 202 is the result (runtime spec §12.4).',
        );
      } else {
        const outcome = await followAsyncAction(
          operationId,
          { response, location },
          // Custom code that answered alone sent nothing: the base URL the policies left is the host.
          (at) =>
            pollLocation(
              operation,
              at,
              wire?.url ?? built.request.baseUrl,
              state.connection,
              invokeOptions.signal,
            ),
          asyncSetting,
          invokeOptions.signal,
          state.trace,
        );
        response = outcome.response;
        asyncInfo = { polls: outcome.polls, location: outcome.location };
      }
    }
    let download: number | undefined;
    if (response.status === 206 && wire) {
      if (chunked && wire.method === 'GET' && operation.kind === 'action' && !wire.headers.has('range')) {
        const signal = invokeOptions.signal;
        const done = await completeDownload(
          operationId,
          { wire, response },
          (w) => transport.send(w, signal ? { signal } : undefined),
          chunked,
        );
        response = done.response;
        if (done.parts > 1) download = done.parts;
        state.trace?.push(`download: 206, assembled from ${done.parts} parts`);
      } else if (response.body.kind === 'binary') {
        response = decodeWhole(response, response.body.bytes, operationId);
      }
    }
    const paged =
      pristine && linkName && response.status >= 200 && response.status < 300
        ? await followPages(operationId, operation, plan.policies, built.pathValues, state, warnings, {
            pristine,
            linkName,
            wire,
            response,
            maxPages: invokeOptions.maxPages ?? DEFAULT_MAX_PAGES,
            signal: invokeOptions.signal,
          })
        : undefined;
    const final = paged?.response ?? response;
    const pages = paged?.pages ?? 1;
    return {
      operationId,
      request: wire,
      response: final,
      ok: final.status >= 200 && final.status < 300,
      durationMs: performance.now() - started,
      pages,
      warnings,
      connectionStatus: state.status,
      trace: state.trace ?? NO_TRACE,
      ...(asyncInfo && { async: asyncInfo }),
      ...(state.uploadParts !== undefined && {
        chunked: { direction: 'upload' as const, parts: state.uploadParts },
      }),
      ...(download !== undefined && { chunked: { direction: 'download' as const, parts: download } }),
    };
  }

  /**
   * One poll of an asynchronous action's `Location` (§12.4, routed as §13.2): the operation whose
   * template the URL matches, through its whole pipeline; else a plain GET with the connection's auth
   * (as `operation`'s security asks). Only the origin the action was sent to, or the runtime's own base.
   */
  async function pollLocation(
    operation: Operation,
    location: string,
    firstUrl: string,
    connection: Connection,
    signal: AbortSignal | undefined,
  ): Promise<{ response: RuntimeResponse; url: string }> {
    const match = locate('GET', location);
    const target = match?.via === 'runtime' ? match.backendUrl : location;
    if (target === undefined || originOf(target) !== originOf(firstUrl)) {
      throw new FlowportError(
        'ASYNC_ACTION_FAILED',
        `The 202 of \`${operation.label}\` asks to poll ${target === undefined ? location : originOf(target)}; flowport polls only on ${originOf(firstUrl)}, where the action was sent.`,
      );
    }
    const common = { connection, async: false as const, ...(signal && { signal }) };
    if (match?.operation.id !== undefined) {
      const args = { ...queryArguments(match.operation, match.query), ...match.pathValues };
      try {
        const result = await invoke(match.operation.id, args, { ...common, url: target });
        return { response: result.response, url: result.request?.url ?? target };
      } catch (error) {
        // The status operation wants arguments the URL does not carry: poll the URL as it is.
        if (!(error instanceof FlowportError) || !error.code.startsWith('PARAMETER_')) throw error;
      }
    }
    const prepared = prepare(connection);
    const result = await sendPlain('GET', target, operation, prepared.auth, originOf(firstUrl), signal);
    return { response: result.response, url: result.wire.url };
  }

  /** `method` to an absolute URL on the origin of `baseUrl` with `operation`'s auth: no body, no policies. */
  async function sendPlain(
    method: string,
    url: string,
    operation: Operation,
    auth: Auth,
    baseUrl: string,
    signal: AbortSignal | undefined,
  ): Promise<Exchanged & { wire: WireRequest }> {
    const request: RuntimeRequest = {
      method: method.toUpperCase(),
      baseUrl,
      path: '',
      query: new URLSearchParams(),
      headers: new Headers(),
      body: { kind: 'none' },
      absoluteUrl: url,
    };
    await auth.apply(request, operation);
    const wire = toWireRequest(request, sameOriginAs(baseUrl));
    const response = await transport.send(wire, signal ? { signal } : undefined);
    return { wire, response };
  }

  let backend: string | undefined | null = null;
  /** The backend base URL (the override, else the swagger's); undefined when there is none. */
  function backendBase(): string | undefined {
    if (backend === null) {
      try {
        backend = options.baseUrl !== undefined ? overrideBaseUrl(options.baseUrl) : baseUrlOf(connector);
      } catch {
        backend = undefined;
      }
    }
    return backend;
  }

  function locate(method: string, url: string): UrlMatch | undefined {
    const base = backendBase();
    const candidates: ['runtime' | 'backend', string][] = [['runtime', runtimeBaseUrl]];
    if (base !== undefined) candidates.push(['backend', base]);
    for (const [via, prefix] of candidates) {
      const rest = stripBase(url, prefix);
      if (rest === undefined) continue;
      const q = rest.indexOf('?');
      const path = q < 0 ? rest : rest.slice(0, q);
      const match = matchOperation(connector, method, path);
      if (!match) continue;
      return {
        operation: match.operation,
        pathValues: match.pathValues,
        query: new URLSearchParams(q < 0 ? '' : rest.slice(q + 1)),
        via,
        backendUrl: base === undefined ? undefined : `${base}${rest}`,
      };
    }
    return undefined;
  }

  async function callUrl(
    method: string,
    url: string,
    callOptions: {
      readonly operationId: string;
      readonly connection?: Connection;
      readonly signal?: AbortSignal;
    },
  ): Promise<InvokeResult> {
    const started = performance.now();
    const operation = findOperation(connector, callOptions.operationId);
    const prepared = prepare(callOptions.connection ?? EMPTY);
    const base = backendBase();
    if (base === undefined)
      throw new FlowportError(
        'USAGE',
        'The connector has no base URL, so flowport cannot tell whether the URL is on its host; pass `--base-url`.',
      );
    const { wire, response } = await sendPlain(
      method,
      url,
      operation,
      prepared.auth,
      base,
      callOptions.signal,
    );
    return {
      operationId: callOptions.operationId,
      request: wire,
      response,
      ok: response.status >= 200 && response.status < 300,
      durationMs: performance.now() - started,
      pages: 1,
      warnings: [],
      connectionStatus: prepared.connection.status,
      trace: [],
    };
  }

  return {
    connector,
    policyDiagnostics: diagnostics,
    invoke,
    locate,
    callUrl,
    close: async () => {
      if (ownTransport) await transport.close();
    },
  };
}

function cloneRequest(request: RuntimeRequest): RuntimeRequest {
  return {
    ...request,
    query: new URLSearchParams(request.query),
    headers: new Headers(request.headers),
    body:
      request.body.kind === 'json'
        ? { kind: 'json', value: structuredClone(request.body.value) }
        : request.body,
  };
}

/**
 * What follows `base` in `url` (a path starting with `/`, or `?query`, or empty), comparing scheme and
 * host case-insensitively; undefined when `url` is not under `base`.
 */
function stripBase(url: string, base: string): string | undefined {
  const split = (text: string): [string, string] | undefined => {
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^#]*)/i.exec(text);
    return m ? [(m[1] ?? '').toLowerCase(), m[2] ?? ''] : undefined;
  };
  const u = split(url);
  const b = split(base);
  if (!u || !b || u[0] !== b[0]) return undefined;
  const prefix = b[1].replace(/\/+$/, '');
  if (!u[1].startsWith(prefix)) return undefined;
  const rest = u[1].slice(prefix.length);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) return undefined;
  return rest;
}
