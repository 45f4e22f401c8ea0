/**
 * Does a converted connector keep the API's meaning? Every operation of the connector(s) `convert()`
 * makes from a description is called through flowport's runtime with example arguments, and the
 * request is judged by Stoplight Prism mocking the ORIGINAL description (OpenAPI 3.x, Swagger 2.0 or
 * Postman v2.1, all of which Prism reads): route, server, parameters, body and security.
 * Used by the CI sample (convert-prism.test.ts) and the full sweep (bench/convert-prism.ts).
 * The Prism process helpers are copied from test/corpus/prism.ts (owned elsewhere, kept independent).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
  ownObject,
  ownString,
} from '../../src/connector/json.ts';
import { connectorFromFiles } from '../../src/connector/load.ts';
import type { Connector, Operation } from '../../src/connector/model.ts';
import { convert } from '../../src/convert/convert.ts';
import { type ApiInput, readInput } from '../../src/convert/input.ts';
import { isFlowportError } from '../../src/errors.ts';
import { argumentKey } from '../../src/runtime/request/arguments.ts';
import { exampleArguments } from '../../src/runtime/request/example-arguments.ts';
import { exampleValue } from '../../src/runtime/request/example-value.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { createTransport } from '../../src/runtime/send/transport.ts';
import type { Connection, ResponseBody, Transport, WireRequest } from '../../src/runtime/types.ts';
import { type PrismMock, startPrism } from './prism.ts';

/** What Prism's log says of the last request: validation passed, failed, or unknown. */
async function validationOutcome(prism: PrismMock, mark: number): Promise<'passed' | 'failed' | 'unknown'> {
  for (let waited = 0; waited < 1500; waited += 25) {
    const text = prism.logSince(mark);
    if (text.includes('The request passed the validation rules')) return 'passed';
    if (text.includes('Request did not pass the validation rules')) return 'failed';
    if (text.includes('Request terminated with error') || prism.exited) return 'unknown';
    await new Promise((r) => setTimeout(r, 25));
  }
  return 'unknown';
}

/** A server of the original description, as Prism matches it (`__server` must match it exactly). */
interface OriginalServer {
  /** Matches the start of a request URL; group 1 is the server part. */
  readonly pattern: RegExp;
  readonly trailingSlash: boolean;
  /** False for a relative server URL: its path is stripped but no `__server` is sent. */
  readonly absolute: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function serverPattern(url: string, variables: JsonObject | undefined): OriginalServer {
  const trailingSlash = url.endsWith('/') && url.length > 1;
  const bare = trailingSlash ? url.slice(0, -1) : url;
  const source = bare
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const name = /^\{([^}]*)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      const values = (ownArray(ownObject(variables, name), 'enum') ?? []).filter(
        (v) => typeof v === 'string',
      );
      return values.length > 0 ? `(?:${values.map(escapeRegExp).join('|')})` : '[^/]*?';
    })
    .join('');
  return {
    pattern: new RegExp(`^(${source})(?=/|\\?|$)`, 'i'),
    trailingSlash,
    absolute: /^[a-z][a-z0-9+.-]*:\/\//i.test(url),
  };
}

/** The servers Prism reads from the original: OpenAPI 3 `servers` at every level, Swagger 2.0 host. */
export function originalServers(input: ApiInput): OriginalServer[] {
  const doc = input.document;
  const out: OriginalServer[] = [];
  if (input.format === 'swagger-2.0') {
    const host = ownString(doc, 'host');
    if (!host) return out;
    const base = ownString(doc, 'basePath') ?? '';
    for (const scheme of ownArray(doc, 'schemes') ?? ['https'])
      out.push(serverPattern(`${String(scheme)}://${host}${base === '/' ? '' : base}`, undefined));
    return out;
  }
  if (input.format === 'postman-2.1') return out;
  const add = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const s of list) {
      const url = ownString(s, 'url');
      if (url !== undefined) out.push(serverPattern(url, ownObject(s, 'variables')));
    }
  };
  add(own(doc, 'servers'));
  for (const item of Object.values(ownObject(doc, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    add(item.servers);
    for (const op of Object.values(item)) if (isObject(op)) add(op.servers);
  }
  // Longest first: the most specific server wins.
  return out.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
}

/** A request path of a Postman original, as Prism routes it: `{{variable}}` parts stay literal text. */
export interface PostmanRoute {
  readonly method: string;
  /** The path as Prism knows it (`/articles/{{slug}}`). */
  readonly literal: string;
  /** Matches a concrete path; `{{variable}}` parts and `:name` segments match any text. */
  readonly pattern: RegExp;
  /** True when the path holds a `{{variable}}`, which Prism cannot route a real value to. */
  readonly variable: boolean;
}

function postmanPath(url: unknown): string[] {
  if (typeof url === 'string')
    return url
      .split('?')[0]!
      .replace(/^[a-z]+:\/\/[^/]+/i, '')
      .replace(/^\{\{[^}]+\}\}/, '')
      .split('/')
      .filter((x) => x !== '');
  const path = own(url as JsonValue, 'path');
  if (Array.isArray(path))
    return path.map((x) => (typeof x === 'string' ? x : (ownString(x, 'value') ?? '')));
  return typeof path === 'string' ? path.split('/').filter((x) => x !== '') : [];
}

/** The request paths of a Postman collection, folders included. */
export function postmanRoutes(input: ApiInput): PostmanRoute[] {
  if (input.format !== 'postman-2.1') return [];
  const out: PostmanRoute[] = [];
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      if (Array.isArray(item.item)) walk(item.item);
      const request = item.request;
      if (request === undefined) continue;
      const method = (ownString(request, 'method') ?? 'GET').toLowerCase();
      const segments = postmanPath(typeof request === 'string' ? request : own(request, 'url'));
      const source = segments
        .map((seg) =>
          seg.startsWith(':')
            ? '[^/]+'
            : seg
                .split(/(\{\{[^{}]+\}\})/)
                .map((part) => (/^\{\{[^{}]+\}\}$/.test(part) ? '[^/]+' : escapeRegExp(part)))
                .join(''),
        )
        .join('/');
      out.push({
        method,
        literal: `/${segments.join('/')}`,
        pattern: new RegExp(`^/${source}/?$`, 'i'),
        variable: segments.some((seg) => seg.includes('{{')),
      });
    }
  };
  walk(own(input.document, 'item'));
  return out;
}

/**
 * Prism (http-spec) keeps a Postman request's unresolved `{{variable}}` path parts as literal text, so
 * no real value reaches the route. When no route without variables matches the path flowport built
 * but one with variables does, the path is sent as Prism knows it (`/articles/{{slug}}`); the rest of
 * the request (method, query, headers, body, security) is judged as built.
 */
export function prismPostmanPath(routes: readonly PostmanRoute[], method: string, path: string): string {
  const m = method.toLowerCase();
  const mine = routes.filter((r) => r.method === m && r.pattern.test(path));
  if (mine.length === 0 || mine.some((r) => !r.variable)) return path;
  return mine[0]!.literal;
}

/**
 * Sends what flowport built to the mock: the part of the URL that matches one of the original's
 * absolute servers goes into `__server` (Prism checks scheme, host and base path), the rest is the
 * path Prism routes. When the original's servers are all relative (or it has none, as Postman
 * collections whose base URL is a variable), the relative server path (or the connector's own
 * `basePath`) is stripped and nothing is sent as `__server`: Prism then checks the path only. When
 * the original has absolute servers and none matches, the URL's origin and `basePath` are sent as
 * `__server`, for Prism to refuse.
 */
export function originalTransport(
  prismUrl: string,
  servers: readonly OriginalServer[],
  fallbackBase: string,
  onSend: (url: string) => void,
  mutate?: (wire: WireRequest) => WireRequest,
  postman: readonly PostmanRoute[] = [],
): Transport {
  const inner = createTransport({ retry: { count: 0 } });
  const base = fallbackBase === '/' ? '' : fallbackBase.replace(/\/$/, '');
  return {
    async send(built: WireRequest, sendOptions) {
      const wire = mutate ? mutate(built) : built;
      const url = new URL(wire.url);
      let full = `${url.protocol}//${url.host}${url.pathname}`;
      let path = url.pathname;
      let server: string | undefined;
      let absolute = servers.find((s) => s.absolute && s.pattern.test(full));
      // URLs drop a scheme's default port; a server template may spell it (`https://x:{port}`, 443).
      const port = url.protocol === 'https:' ? '443' : '80';
      const explicit = `${url.protocol}//${url.hostname}:${url.port || port}${url.pathname}`;
      if (!absolute && !url.port) {
        absolute = servers.find((s) => s.absolute && s.pattern.test(explicit));
        if (absolute) full = explicit;
      }
      const relative = servers.find((s) => !s.absolute && s.pattern.test(url.pathname));
      if (absolute) {
        const prefix = absolute.pattern.exec(full)?.[1] ?? '';
        server = prefix + (absolute.trailingSlash ? '/' : '');
        path = full.slice(prefix.length);
      } else if (relative) {
        path = url.pathname.slice(relative.pattern.exec(url.pathname)?.[1]?.length ?? 0);
      } else if (base && path.toLowerCase().startsWith(base.toLowerCase())) {
        path = path.slice(base.length);
      }
      // The original names its servers but none matches: Prism must see the server sent and refuse it.
      if (!absolute && !relative && servers.some((s) => s.absolute))
        server = `${url.protocol}//${url.host}${base}`;
      if (!path.startsWith('/')) path = `/${path}`;
      if (postman.length > 0) path = prismPostmanPath(postman, wire.method, path);
      const target = new URL(prismUrl + path + url.search);
      if (server !== undefined) target.searchParams.set('__server', server);
      onSend(target.toString());
      return inner.send({ ...wire, url: target.toString() }, sendOptions);
    },
    close: () => inner.close(),
  };
}

/**
 * A connection as a tester fills it in, following the form: defaults or the first allowed value, else
 * placeholders (`Bearer …` for an API key sent as `Authorization`).
 */
export function testConnection(connector: Connector): Connection {
  const values: Record<string, string> = {};
  const sets = connector.properties.parameterSets;
  const params = sets.length > 0 ? sets[0]!.parameters : connector.properties.connectionParameters;
  // A bearer scheme became an API key on `Authorization`: the form asks for "Bearer <token>".
  const bearer = connector.definition.securityDefinitions.some(
    (d) => d.type === 'apiKey' && ownString(d.raw, 'name')?.toLowerCase() === 'authorization',
  );
  for (const p of params) {
    if (p.type === 'oauthSetting' || p.type === 'gatewaySetting') continue;
    const allowed = own(p.raw, 'allowedValues');
    const first = Array.isArray(allowed) ? own(allowed[0], 'value') : undefined;
    const fallback =
      p.type === 'int' ? '1' : p.type === 'bool' ? 'true' : `test-${p.name.replace(/[^a-z0-9]/gi, '')}`;
    const chosen = typeof first === 'string' ? first : ownString(p.raw, 'defaultValue');
    values[p.name] = chosen ?? (p.name === 'api_key' && bearer ? `Bearer ${fallback}` : fallback);
  }
  return {
    values,
    ...(sets.length > 0 && { parameterSet: sets[0]!.name }),
    tokenProvider: { getToken: async () => 'test-token' },
  };
}

/**
 * `accepted`: Prism answered below 400, or its log says the request passed validation before it failed
 * to mock a response (`validatedOnly`). `rejected`: Prism refused it. `not-built`: flowport threw, or no
 * example value could be made. `skipped`: not a call to the API (webhook trigger skeletons) or Prism could
 * not load the original.
 */
export type ConvertVerdict = 'accepted' | 'rejected' | 'not-built' | 'skipped';

export interface ConvertSweepRow {
  readonly api: string;
  /** The connector the operation ended up in (a split part's folder name, else the API). */
  readonly connector: string;
  readonly operationId: string;
  readonly verdict: ConvertVerdict;
  readonly status?: number;
  readonly validatedOnly?: boolean;
  readonly cause?: string;
  readonly detail?: string;
  readonly sent?: string;
  /**
   * For a rejection: why it is not the conversion's fault, confirmed by a control (see
   * {@link excuseOf}). Excused rejections stay rejections; the summary counts them apart.
   */
  readonly excuse?: string;
}

function textOf(body: ResponseBody): string {
  if (body.kind === 'text') return body.text;
  if (body.kind === 'json') return JSON.stringify(body.value);
  if (body.kind === 'binary') return new TextDecoder().decode(body.bytes.slice(0, 400));
  return '';
}

function problemOf(body: ResponseBody): JsonObject | undefined {
  if (body.kind === 'json') return isObject(body.value) ? body.value : undefined;
  try {
    const value: unknown = JSON.parse(textOf(body));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Request violations: the `sl-violations` header (Prism mocked an error response) or the problem's list. */
function violationsOf(header: string | null, problem: JsonObject | undefined): string[] {
  let list: unknown;
  let prefix: string | undefined;
  if (header) {
    try {
      list = JSON.parse(header);
      prefix = 'request';
    } catch {
      list = undefined;
    }
  }
  if (list === undefined) list = own(problem, 'validation');
  if (!Array.isArray(list)) return [];
  return list.flatMap((v) => {
    if (!isObject(v)) return [];
    const location = (Array.isArray(v.location) ? v.location : Array.isArray(v.path) ? v.path : []).map(
      String,
    );
    if (prefix !== undefined) {
      if (location[0] !== prefix || v.severity !== 'Error') return [];
      location.shift();
    }
    return [`${location.join('.')}: ${String(v.message ?? v.code ?? '')}`];
  });
}

/** Sends `method` to the route of `target` with nothing but `__server`; true when Prism dies on it. */
async function diesOnBareRequest(mock: PrismMock, method: string, target: string): Promise<boolean> {
  const sent = new URL(target);
  const url = new URL(mock.url + sent.pathname);
  const server = sent.searchParams.get('__server');
  if (server !== null) url.searchParams.set('__server', server);
  try {
    await fetch(url, { method: method.toUpperCase(), signal: AbortSignal.timeout(10_000) });
  } catch {
    // The connection dropped: Prism died, or is about to.
  }
  for (let waited = 0; waited < 1500 && !mock.exited; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  return mock.exited;
}

function isUnreachable(error: unknown): boolean {
  return isFlowportError(error) && error.code === 'UPSTREAM_UNREACHABLE';
}

function describeSent(wire: WireRequest | undefined, target: string | undefined): string | undefined {
  if (!wire) return undefined;
  const type = wire.headers.get('content-type');
  return `${wire.method} ${wire.url}${target ? ` -> ${target}` : ''}${type ? ` [${type}]` : ''}`;
}

/** The connectors a conversion produced, by folder name (one, or the split parts). */
export interface ConvertedConnector {
  readonly name: string;
  readonly connector: Connector;
  /** Security schemes the conversion could not keep (in the loss report): a 401 may come from them. */
  readonly schemesNotKept: readonly string[];
  /** The operations to call when the sweep samples ({@link ConvertSweepOptions.sample}); all when absent. */
  readonly sampled?: ReadonlySet<unknown>;
}

/** Loads what `convert()` produced for a description: the whole connector, or each split part. */
export function convertedConnectors(file: string, text: string): ConvertedConnector[] {
  const result = convert(text, { source: basename(file), preset: false });
  const load = (files: Readonly<Record<string, Uint8Array>>) =>
    connectorFromFiles(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
  const schemesNotKept = result.losses
    .filter((l) => /^security scheme|OpenID Connect/.test(l.construct))
    .map((l) => l.pointer.split('/').pop() ?? '');
  if (result.parts.length > 0)
    return result.parts.map((p) => ({ name: p.name, connector: load(p.files), schemesNotKept }));
  return [{ name: basename(file), connector: load(result.files), schemesNotKept }];
}

export interface ConvertSweepOptions {
  /** Changes each request before Prism sees it (negative controls). */
  readonly mutate?: (wire: WireRequest) => WireRequest;
  /**
   * Calls at most this many operations per description, evenly spaced over all its connectors'
   * operations (every k-th), for descriptions too large for Prism to answer every call; the others
   * get no row.
   */
  readonly sample?: number;
}

/** What the harness reads from the original: its servers and paths, and a Postman collection's request paths. */
interface Original {
  readonly servers: readonly OriginalServer[];
  readonly postman: readonly PostmanRoute[];
  /** OpenAPI / Swagger path templates by method, as patterns over a concrete path. */
  readonly templates: readonly { readonly method: string; readonly path: string; readonly pattern: RegExp }[];
}

const TEMPLATE_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function originalTemplates(input: ApiInput): Original['templates'] {
  if (input.format === 'postman-2.1') return [];
  const out: { method: string; path: string; pattern: RegExp }[] = [];
  for (const [path, item] of Object.entries(ownObject(input.document, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    const source = path
      .split(/(\{[^}]*\})/)
      .map((part) => (/^\{[^}]*\}$/.test(part) ? '[^/]+' : escapeRegExp(part)))
      .join('');
    for (const method of TEMPLATE_METHODS)
      if (isObject(item[method])) out.push({ method, path, pattern: new RegExp(`^${source}/?$`) });
  }
  return out;
}

/**
 * Why a rejection is not the conversion's fault, when a control confirms it; undefined otherwise.
 * - `AMBIGUOUS_ROUTE_IN_ORIGINAL`: the original has two path templates of the method matching the
 *   path (OpenAPI forbids templates that differ only in variable names) and Prism objects only to path
 *   parameters: it routed the request to the other template.
 * - `BASE64_BODY_IN_ORIGINAL`: the original types a binary body as base64 text (`format: byte`), the
 *   connector sends the bytes (a reported decision); the same request with its body base64-encoded is
 *   accepted, so nothing else differs.
 */
async function excuseOf(
  original: Original,
  transport: Transport,
  wire: WireRequest | undefined,
  target: string | undefined,
  violations: readonly string[],
): Promise<string | undefined> {
  if (!wire || violations.length === 0) return undefined;
  if (target && violations.every((v) => v.startsWith('path.'))) {
    const path = new URL(target).pathname;
    const method = wire.method.toLowerCase();
    const matching = original.templates.filter((t) => t.method === method && t.pattern.test(path));
    if (matching.length > 1)
      return `AMBIGUOUS_ROUTE_IN_ORIGINAL: ${matching.map((t) => t.path).join(' and ')} both match ${path}`;
  }
  if (wire.body && violations.every((v) => /^body: .*format "(byte|base64)"/.test(v))) {
    const encoded = new TextEncoder().encode(Buffer.from(wire.body).toString('base64'));
    const again = await transport.send({ ...wire, body: encoded });
    if (again.status < 400)
      return 'BASE64_BODY_IN_ORIGINAL: the same request with its body base64-encoded is accepted';
  }
  return undefined;
}

/**
 * A Postman request is one recorded call, not a contract: Prism requires every query parameter it
 * lists, where the connector keeps them optional (with the recorded value as `x-ms-test-value`). A
 * tester replaying the collection sends them: each optional query parameter gets its test value (or
 * an example value).
 */
function replayArguments(connector: Connector, operation: Operation, args: Record<string, unknown>): void {
  for (const parameter of operation.parameters) {
    if (parameter.in.toLowerCase() !== 'query' || parameter.required) continue;
    const key = argumentKey(parameter, operation.parameters);
    if (Object.hasOwn(args, key)) continue;
    const test = own(parameter.raw, 'x-ms-test-value');
    const value =
      test !== undefined ? test : exampleValue(connector, parameter.raw, key, { nonEmpty: true }).value;
    if (value !== undefined) args[key] = value;
  }
}

async function callAll(
  api: string,
  part: ConvertedConnector,
  prism: () => Promise<PrismMock>,
  original: Original,
  rows: ConvertSweepRow[],
  options: ConvertSweepOptions,
): Promise<void> {
  const { connector } = part;
  const connection = testConnection(connector);
  const row = (r: Omit<ConvertSweepRow, 'api' | 'connector'>) =>
    rows.push({ api, connector: part.name, ...r });
  let mock = await prism();
  let target: string | undefined;
  const open = () => {
    const transport = originalTransport(
      mock.url,
      original.servers,
      connector.definition.basePath ?? '/',
      (url) => {
        target = url;
      },
      options.mutate,
      original.postman,
    );
    // A description without an absolute server gives a connector without `host`; a tester passes
    // `--base-url`, here a placeholder whose path is the connector's basePath.
    const baseUrl = connector.definition.host
      ? undefined
      : `https://host.invalid${(connector.definition.basePath ?? '').replace(/\/$/, '')}`;
    return { transport, runtime: createRuntime(connector, { transport, ...(baseUrl && { baseUrl }) }) };
  };
  let { transport, runtime } = open();
  try {
    for (const operation of connector.operations) {
      if (part.sampled && !part.sampled.has(operation)) continue;
      const operationId = operation.id ?? `${operation.method} ${operation.path}`;
      if (own(operation.raw, 'x-flowport-skeleton') === true) {
        row({ operationId, verdict: 'skipped', cause: 'WEBHOOK_SKELETON' });
        continue;
      }
      if (mock.exited) {
        await runtime.close();
        await transport.close();
        mock = await prism();
        ({ transport, runtime } = open());
      }
      const { args, missing } = exampleArguments(connector, operation);
      if (original.postman.length > 0) replayArguments(connector, operation, args);
      if (missing.length > 0) {
        row({ operationId, verdict: 'not-built', cause: 'NO_EXAMPLE', detail: missing.join(', ') });
        continue;
      }
      target = undefined;
      const mark = mock.logMark();
      try {
        const result = await runtime.invoke(operationId, args, { connection, async: false });
        const status = result.response.status;
        const sent = describeSent(result.request, target);
        if (status < 400) {
          row({ operationId, verdict: 'accepted', status, sent });
          continue;
        }
        const outcome = await validationOutcome(mock, mark);
        const problem = problemOf(result.response.body);
        const type =
          typeof own(problem, 'type') === 'string'
            ? (String(own(problem, 'type')).split(/[/#]/).pop() ?? '')
            : `HTTP_${status}`;
        const violations = violationsOf(result.response.headers.get('sl-violations'), problem);
        const detail = (
          violations.length > 0
            ? violations.join(' | ')
            : JSON.stringify(own(problem, 'detail') ?? textOf(result.response.body))
        ).slice(0, 400);
        // Prism validated the request and then could not make a response (no 2xx example it can
        // serialise, 406 for a media type the original declares only on an error response…).
        if (outcome === 'passed')
          row({ operationId, verdict: 'accepted', status, validatedOnly: true, cause: type, detail, sent });
        else {
          const note =
            status === 401 && part.schemesNotKept.length > 0
              ? ` (not kept: ${part.schemesNotKept.join(', ')})`
              : '';
          const excuse = await excuseOf(original, transport, result.request, target, violations);
          row({
            operationId,
            verdict: 'rejected',
            status,
            cause: `${type}${note}`,
            detail,
            sent,
            ...(excuse && { excuse }),
          });
        }
      } catch (error) {
        // The socket may close before the process is reaped.
        for (let waited = 0; waited < 1500 && !mock.exited && isUnreachable(error); waited += 50)
          await new Promise((r) => setTimeout(r, 50));
        if (mock.exited) {
          const detail = mock.logSince(mark).slice(-300);
          // Control: does Prism also die on a bare request to the same route of the original?
          await runtime.close();
          await transport.close();
          mock = await prism();
          ({ transport, runtime } = open());
          const bare = target ? await diesOnBareRequest(mock, operation.method, target) : false;
          row({
            operationId,
            verdict: bare ? 'skipped' : 'rejected',
            cause: bare ? 'PRISM_CRASHES_ON_ORIGINAL' : 'PRISM_DIED',
            detail,
            sent: target,
          });
          continue;
        }
        row({
          operationId,
          verdict: 'not-built',
          cause: isFlowportError(error) ? error.code : 'INTERNAL',
          detail: error instanceof Error ? error.message.slice(0, 300) : String(error),
        });
      }
    }
  } finally {
    await runtime.close();
    await transport.close();
  }
}

/** Calls every operation of every connector converted from `file` against a Prism mock of `file`. */
export async function sweepConversion(
  file: string,
  options: ConvertSweepOptions = {},
): Promise<ConvertSweepRow[]> {
  const api = basename(file);
  const text = readFileSync(file, 'utf8');
  const input = readInput(text, api);
  let parts = convertedConnectors(file, text);
  const total = parts.reduce((n, p) => n + p.connector.operations.length, 0);
  if (options.sample !== undefined && options.sample < total) {
    const step = Math.ceil(total / Math.max(1, options.sample));
    let i = 0;
    parts = parts.map((p) => ({
      ...p,
      sampled: new Set(p.connector.operations.filter(() => i++ % step === 0)),
    }));
  }
  const rows: ConvertSweepRow[] = [];
  let mock: PrismMock | undefined;
  try {
    mock = await startPrism(file, 180_000, ['--max-old-space-size=3072']);
  } catch (error) {
    for (const part of parts)
      for (const o of part.connector.operations)
        rows.push({
          api,
          connector: part.name,
          operationId: o.id ?? o.path,
          verdict: 'skipped',
          cause: 'PRISM_CANNOT_LOAD',
          detail: String(error).slice(0, 200),
        });
    return rows;
  }
  const original: Original = {
    servers: originalServers(input),
    postman: postmanRoutes(input),
    templates: originalTemplates(input),
  };
  const prism = async () => {
    if (mock && !mock.exited) return mock;
    mock = await startPrism(file, 180_000, ['--max-old-space-size=3072']);
    return mock;
  };
  try {
    for (const part of parts) await callAll(api, part, prism, original, rows, options);
  } finally {
    await mock?.stop();
  }
  return rows;
}

export interface ConvertSweepSummary {
  readonly apis: number;
  readonly operations: number;
  readonly skipped: number;
  /** Operations called or that failed to build: accepted + rejected + not built. */
  readonly judged: number;
  readonly accepted: number;
  readonly validatedOnly: number;
  readonly rejected: number;
  /** Rejections with an excuse a control confirmed (counted in `rejected` too). */
  readonly excused: number;
  readonly notBuilt: number;
  /** accepted / judged (1 when nothing was judged). */
  readonly share: number;
  /** accepted / (judged − excused): the share with the excused rejections set aside. */
  readonly shareExcused: number;
  readonly table: string;
}

/** Counts a sweep and lists the causes of rejections and failures to build, per API. */
export function summariseConversion(rows: readonly ConvertSweepRow[], top = 20): ConvertSweepSummary {
  const count = (v: ConvertVerdict) => rows.filter((r) => r.verdict === v).length;
  const accepted = count('accepted');
  const rejected = count('rejected');
  const notBuilt = count('not-built');
  const skipped = count('skipped');
  const validatedOnly = rows.filter((r) => r.validatedOnly).length;
  const judged = accepted + rejected + notBuilt;
  const share = judged === 0 ? 1 : accepted / judged;
  const excusedRows = rows.filter((r) => r.verdict === 'rejected' && r.excuse !== undefined);
  const excused = excusedRows.length;
  const shareExcused = judged - excused === 0 ? 1 : accepted / (judged - excused);
  const apis = [...new Set(rows.map((r) => r.api))];
  const lines = apis.map((api) => {
    const mine = rows.filter((r) => r.api === api);
    const n = (v: ConvertVerdict) => mine.filter((r) => r.verdict === v).length;
    return `${api.padEnd(62)} ops ${String(mine.length).padStart(4)}  accepted ${String(n('accepted')).padStart(4)}  rejected ${String(n('rejected')).padStart(3)}  not built ${String(n('not-built')).padStart(3)}  skipped ${n('skipped')}`;
  });
  lines.push(
    '',
    `descriptions ${apis.length}; operations ${rows.length}; skipped ${skipped} (${causes(rows.filter((r) => r.verdict === 'skipped'))})`,
    `judged ${judged}: accepted ${accepted} (of which ${validatedOnly} validated but not mocked), rejected ${rejected}, not built ${notBuilt}`,
    `share accepted ${(share * 100).toFixed(2)}% (${accepted}/${judged})`,
    `excused ${excused} of the rejections (${causes(excusedRows.map((r) => ({ ...r, cause: r.excuse?.split(':')[0] })))}); share with them set aside ${(shareExcused * 100).toFixed(2)}% (${accepted}/${judged - excused})`,
  );
  for (const [title, verdict] of [
    ['rejected by Prism:', 'rejected'],
    ['not built:', 'not-built'],
  ] as const) {
    const list = rows.filter((r) => r.verdict === verdict);
    if (list.length === 0) continue;
    lines.push('', title);
    for (const r of list.slice(0, top))
      lines.push(
        `  ${r.api} ${r.operationId}: ${r.excuse ? `[excused: ${r.excuse}] ` : ''}${r.cause ?? ''} ${r.detail ?? ''} ${r.sent ?? ''}`.slice(
          0,
          400,
        ),
      );
    if (list.length > top) lines.push(`  … ${list.length - top} more`);
  }
  return {
    apis: apis.length,
    operations: rows.length,
    skipped,
    judged,
    accepted,
    validatedOnly,
    rejected,
    excused,
    notBuilt,
    share,
    shareExcused,
    table: lines.join('\n'),
  };
}

function causes(rows: readonly ConvertSweepRow[]): string {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.cause ?? '?', (by.get(r.cause ?? '?') ?? 0) + 1);
  return [...by].map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
}
