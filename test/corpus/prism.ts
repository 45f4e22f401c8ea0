/**
 * Stoplight Prism as an independent judge of the requests flowport builds: a `prism mock` of the
 * connector's own swagger on loopback validates each request (route, server, parameters, body,
 * security) and answers 2xx to a well-formed one. Used by the CI sample (prism.test.ts) and the full
 * sweep (bench/prism-sweep.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
  ownString,
} from '../../src/connector/json.ts';
import type { Connector, Operation, Parameter } from '../../src/connector/model.ts';
import { isFlowportError } from '../../src/errors.ts';
import { type AuthKind, resolveAuth } from '../../src/runtime/connection/auth.ts';
import { checkConnection } from '../../src/runtime/connection/check.ts';
import { buildRequest } from '../../src/runtime/request/build.ts';
import { exampleArguments } from '../../src/runtime/request/example-arguments.ts';
import { essence } from '../../src/runtime/request/media-type.ts';
import { createRuntime, type Runtime } from '../../src/runtime/runtime.ts';
import { createTransport } from '../../src/runtime/send/transport.ts';
import type { Arguments, Connection, ResponseBody, Transport, WireRequest } from '../../src/runtime/types.ts';
import { freePort } from '../../src/server/free-port.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const PRISM = join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');
/** Log kept per Prism process (a request logs a few kB at the default level). */
const LOG_KEEP = 256 * 1024;

export interface PrismMock {
  readonly url: string;
  /** True once the process has ended (Prism dies on some malformed requests, an `Accept: example`). */
  readonly exited: boolean;
  /** A position in the log; {@link PrismMock.logSince} gives what was logged after it. */
  logMark(): number;
  logSince(mark: number): string;
  stop(): Promise<void>;
}

/**
 * Starts `prism mock` for an API description; rejects when Prism cannot load it. `nodeArgs` go to the
 * Node process running Prism (a larger heap for multi-megabyte descriptions).
 */
export async function startPrism(
  swaggerPath: string,
  timeoutMs = 60_000,
  nodeArgs: readonly string[] = [],
): Promise<PrismMock> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, PRISM, 'mock', '-h', '127.0.0.1', '-p', String(port), swaggerPath],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  let dropped = 0;
  const append = (d: Buffer) => {
    log += d.toString();
    if (log.length > 2 * LOG_KEEP) {
      dropped += log.length - LOG_KEEP;
      log = log.slice(-LOG_KEEP);
    }
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  const mock: PrismMock = {
    url: `http://127.0.0.1:${port}`,
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    logMark: () => dropped + log.length,
    logSince: (mark) => log.slice(Math.max(0, mark - dropped)),
    stop,
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (mock.exited) throw new Error(`Prism exited: ${log.slice(-500)}`);
    if (log.includes('Prism is listening')) return mock;
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`Prism did not start in ${timeoutMs} ms: ${log.slice(-500)}`);
}

const PASSED = 'The request passed the validation rules';
const FAILED = 'Request did not pass the validation rules';
const TERMINATED = 'Request terminated with error';

/** What Prism's log says of the last request: validation passed, failed, or it never got there. */
async function validationOutcome(prism: PrismMock, mark: number): Promise<'passed' | 'failed' | 'unknown'> {
  // The log reaches the pipe after the response, through Prism's own log formatter.
  for (let waited = 0; waited < 1500; waited += 25) {
    const text = prism.logSince(mark);
    if (text.includes(PASSED)) return 'passed';
    if (text.includes(FAILED)) return 'failed';
    if (text.includes(TERMINATED) || prism.exited) return 'unknown';
    await new Promise((r) => setTimeout(r, 25));
  }
  return 'unknown';
}

/**
 * Where one call goes on the mock when policies moved it: the swagger's server and the path and method
 * flowport built from the swagger, before policies (`routerequesttoendpoint`, `dynamichosturl`) sent
 * it to a backend URL the swagger does not describe.
 */
export interface Route {
  /** `scheme://host/basePath` as flowport computed it from the swagger. */
  readonly server: string;
  /** The operation path with its parameters filled in, relative to the server. */
  readonly path: string;
  readonly method: string;
}

export interface PrismTransportOptions {
  /** The route of the call in flight, when policies moved it; asked once per request sent. */
  readonly route?: () => Route | undefined;
  /** Told the URL each request is sent to on the mock. */
  readonly onSend?: (url: string) => void;
  /** Changes a request before it is sent (negative controls). */
  readonly mutate?: (wire: WireRequest) => WireRequest;
}

/**
 * Sends what flowport built to Prism: the scheme, host and basePath flowport computed go into
 * `__server` (Prism checks them against the swagger), the rest of the path and the query as they were.
 * When `route()` gives a route, its server, path and method replace those of the request; the query,
 * headers and body stay as the policies left them.
 */
export function prismTransport(
  prismUrl: string,
  basePath: string,
  options: PrismTransportOptions = {},
): Transport {
  // Prism answers in milliseconds; it hangs on some bodies it cannot parse.
  const inner = createTransport({ retry: { count: 0 }, headersTimeoutMs: 20_000 });
  const base = basePath === '/' ? '' : basePath.replace(/\/$/, '');
  return {
    async send(built: WireRequest, sendOptions) {
      const wire = options.mutate ? options.mutate(built) : built;
      const url = new URL(wire.url);
      const moved = options.route?.();
      let path = url.pathname;
      let server = `${url.protocol}//${url.host}`;
      if (moved) {
        server = moved.server;
        path = moved.path.startsWith('/') ? moved.path : `/${moved.path}`;
      } else if (base && path.toLowerCase().startsWith(base.toLowerCase())) {
        server += path.slice(0, base.length);
        path = path.slice(base.length) || '/';
      }
      const target = new URL(prismUrl + path + url.search);
      target.searchParams.set('__server', server);
      options.onSend?.(target.toString());
      return inner.send(
        { ...wire, method: moved?.method ?? wire.method, url: target.toString() },
        sendOptions,
      );
    },
    close: () => inner.close(),
  };
}

/** A connection with a placeholder for every parameter, as a tester would fill in. */
export function dummyConnection(connector: Connector): Connection {
  const values: Record<string, string> = {};
  const sets = connector.properties.parameterSets;
  const params = sets.length > 0 ? sets[0]!.parameters : connector.properties.connectionParameters;
  for (const p of params) {
    if (p.type === 'oauthSetting' || p.type === 'gatewaySetting') continue;
    const ui = own(p.raw, 'uiDefinition');
    const constraints = isObject(ui) ? own(ui, 'constraints') : undefined;
    const allowed =
      own(p.raw, 'allowedValues') ?? (isObject(constraints) ? own(constraints, 'allowedValues') : undefined);
    const first = Array.isArray(allowed) && isObject(allowed[0]) ? own(allowed[0], 'value') : undefined;
    const fallback =
      p.type === 'int' ? '1' : p.type === 'bool' ? 'true' : `test-${p.name.replace(/[^a-z0-9]/gi, '')}`;
    values[p.name] = typeof first === 'string' ? first : fallback;
  }
  return {
    values,
    ...(sets.length > 0 && { parameterSet: sets[0]!.name }),
    tokenProvider: { getToken: async () => 'test-token' },
  };
}

/**
 * `accepted`: Prism answered below 400. `rejected`: Prism refused the request (or died on it).
 * `excused`: refused, or not built, for a reason shown — per row, by a rule in `excuse` — to lie in the
 * connector or in Prism rather than in the request flowport built. `not-built`: flowport threw.
 * `skipped`: not attempted (custom code, no example value, Prism could not load the swagger).
 * Attempted = accepted + rejected + excused + not built.
 */
export type Verdict = 'accepted' | 'rejected' | 'excused' | 'not-built' | 'skipped';

export interface SweepRow {
  readonly connector: string;
  readonly operationId: string;
  readonly verdict: Verdict;
  readonly status?: number;
  /** flowport's error code, Prism's problem type, or the excuse. */
  readonly cause?: string;
  readonly detail?: string;
  /** What was sent: method, URL, URL on Prism, content type and accept. */
  readonly sent?: string;
  /** The `Content-Type` sent, for the re-judging of excused rows. */
  readonly contentType?: string;
  /** For an excused row: Prism accepted the rest of the request once the excuse was patched away. */
  readonly rest?: 'accepted';
}

/** One request violation Prism reported: `location` starts with `path`, `query`, `header` or `body`. */
interface Violation {
  readonly location: readonly string[];
  readonly code: string;
  readonly message: string;
}

function describe(wire: WireRequest | undefined, target: string | undefined): string | undefined {
  if (!wire) return undefined;
  const type = wire.headers.get('content-type');
  const accept = wire.headers.get('accept');
  const judged = target && target !== wire.url ? ` -> ${target}` : '';
  return `${wire.method} ${wire.url}${judged}${type ? ` [${type}]` : ''}${accept ? ` accept=${accept}` : ''}`;
}

function textOf(body: ResponseBody): string {
  if (body.kind === 'text') return body.text;
  if (body.kind === 'json') return JSON.stringify(body.value);
  if (body.kind === 'binary') return new TextDecoder().decode(body.bytes.slice(0, 400));
  return '';
}

/** Prism answers errors as `application/problem+json`, which the transport may hand back as text. */
function problemOf(body: ResponseBody): JsonObject | undefined {
  if (body.kind === 'json') return isObject(body.value) ? body.value : undefined;
  try {
    const value: unknown = JSON.parse(textOf(body));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function toViolation(v: unknown, prefix: string | undefined): Violation | undefined {
  if (!isObject(v)) return undefined;
  const location = (Array.isArray(v.location) ? v.location : Array.isArray(v.path) ? v.path : []).map(String);
  if (prefix !== undefined) {
    if (location[0] !== prefix || v.severity !== 'Error') return undefined;
    location.shift();
  }
  return { location, code: String(v.code ?? ''), message: String(v.message ?? '') };
}

/**
 * The request errors Prism reported: the `sl-violations` header when Prism mocked one of the
 * swagger's own error responses (it lists the mock's response violations too), else the `validation`
 * list of its problem answer.
 */
function violationsOf(header: string | null, problem: JsonObject | undefined): Violation[] {
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
  return list.flatMap((v) => toViolation(v, prefix) ?? []);
}

const MOVING_POLICIES = new Set(['routerequesttoendpoint', 'dynamichosturl', 'dynamicsubdomain']);
/** Policies that rewrite the body the swagger describes into the backend's shape. */
const BODY_POLICIES = new Set([
  'setproperty',
  'moveproperties',
  'convertobjecttoarray',
  'convertarraytoobject',
  'stringtoarray',
]);

function policiesOf(connector: Connector, operation: Operation, ids: ReadonlySet<string>) {
  return connector.properties.policies.filter(
    (p) =>
      ids.has(p.templateId) &&
      (p.operations.length === 0 || (operation.id !== undefined && p.operations.includes(operation.id))),
  );
}

/** The facts one verdict is drawn from. */
interface Judged {
  readonly connector: Connector;
  readonly operation: Operation;
  readonly status: number;
  readonly type: string;
  readonly detail: string;
  readonly violations: readonly Violation[];
  readonly outcome: 'passed' | 'failed' | 'unknown';
  readonly authKind: AuthKind;
  readonly wire: WireRequest | undefined;
  /** The path sent to Prism. */
  readonly path: string;
}

/**
 * Why a refusal is the connector's or Prism's and not flowport's, when it provably is; undefined
 * otherwise, and the refusal counts against flowport. Each rule names what it checks.
 */
function excuse(j: Judged): string | undefined {
  const { connector, operation } = j;
  // Prism found the request valid (its log says so) and then failed to make a response: the
  // operation declares no 2xx, or Prism cannot mock the declared one (binary, text from an object).
  if (j.outcome === 'passed' && j.status !== 406) return 'PRISM_MOCK_FAILED_AFTER_VALIDATION';
  if (j.outcome === 'passed' && j.status === 406) {
    if (acceptFromConnector(connector, operation)) return 'ACCEPT_OUTSIDE_PRODUCES';
    if (ambiguousRoute(connector, operation, j.path)) return 'PRISM_AMBIGUOUS_ROUTE';
    return undefined;
  }
  // Prism matches a path by turning each `{name}` into a capture after escaping regex characters, and
  // reads values with uri-template-lite (`[-\w%.]` names): a name with a space, `|` or `.`
  // (`{forecast job id}`, `{enable | disable}`, `{webhook.id}`) makes the template unmatchable.
  const routing = j.type === 'NO_PATH_MATCHED_ERROR' || j.violations.some((v) => v.location[0] === 'path');
  if (routing && /\{(?![-\w%]+\})[^}]*\}/.test(operation.path)) return 'PRISM_UNROUTABLE_PATH_TEMPLATE';
  if (j.detail.includes(NO_CONTENT_TYPES)) {
    const reason = noContentTypes(operation);
    if (reason) return reason;
  }
  if (j.detail.includes('Supported content types') && contentTypeFromConnector(connector, operation))
    return 'CONTENT_TYPE_OUTSIDE_CONSUMES';
  if (j.status === 401) {
    // The swagger's `security` asks for a scheme that the connection parameters of apiProperties.json,
    // which decide how the platform authenticates, do not provide.
    if (!securitySatisfiable(connector, operation, j.authKind))
      return j.authKind === 'none' ? 'SECURITY_WITHOUT_CONNECTION_PARAMETER' : 'SECURITY_SCHEME_MISMATCH';
    if (securityHeaderReplaced(connector, operation)) return 'SECURITY_HEADER_REPLACED_BY_POLICY';
  }
  const reasons = j.violations.map((v) => violationExcuse(connector, operation, v));
  if (reasons.length > 0 && reasons.every((r) => r !== undefined)) return reasons[0];
  // Two paths of the method match what was sent, so Prism may have judged it by the other operation.
  if (ambiguousRoute(connector, operation, j.path)) return 'PRISM_AMBIGUOUS_ROUTE';
  return undefined;
}

function violationExcuse(connector: Connector, operation: Operation, v: Violation): string | undefined {
  const [where, name] = v.location;
  if (where !== 'body' || name === undefined) return undefined;
  // Prism splits a form field into an array only for an explicit `collectionFormat`; Swagger 2.0 makes
  // `csv` the default, so a one-item (or comma-joined) field is read as a string.
  const field = operation.parameters.find((p) => p.in.toLowerCase() === 'formdata' && p.name === name);
  if (
    field &&
    v.code === 'type' &&
    field.type === 'array' &&
    field.collectionFormat === undefined &&
    / must be array$/.test(v.message)
  )
    return 'PRISM_FORM_ARRAY_WITHOUT_COLLECTION_FORMAT';
  // A body policy rewrites this property into the backend's shape, which the swagger does not describe.
  const reshaping = policiesOf(connector, operation, BODY_POLICIES);
  if (reshaping.some((p) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(JSON.stringify(p.parameters))))
    return 'POLICY_RESHAPES_BODY';
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NO_CONTENT_TYPES = 'No supported content types, but request included a non-empty body';
/** The types Prism's swagger reader (http-spec) gives to `formData`, compared exactly as it does. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Prism takes a body's media types from `consumes`: form types only for `formData` parameters, the
 * others only for a body parameter. With none left it refuses every body; the platform sends one.
 */
function noContentTypes(operation: Operation): string | undefined {
  const consumes = operation.consumes;
  const body = operation.parameters.some((p) => p.in.toLowerCase() === 'body');
  const form = operation.parameters.some((p) => p.in.toLowerCase() === 'formdata');
  if (consumes.length === 0 && (body || form)) return 'SWAGGER_NO_CONSUMES';
  if (body && consumes.every((c) => FORM_TYPES.includes(c))) return 'BODY_PARAMETER_WITH_ONLY_FORM_CONSUMES';
  if (form && !body && !consumes.some((c) => FORM_TYPES.includes(c)))
    return 'FORM_DATA_WITHOUT_FORM_CONSUMES';
  return undefined;
}

/** A header the connector fixes (internal with a default) or restricts (`enum`) outside `declared`. */
function headerOutside(operation: Operation, name: string, declared: readonly string[]): boolean {
  const listed = new Set(declared.map(essence));
  const parameter = operation.parameters.find(
    (p) => p.in.toLowerCase() === 'header' && p.name.trim().toLowerCase() === name,
  );
  if (!parameter) return false;
  const fixed =
    parameter.visibility === 'internal' && typeof parameter.default === 'string' ? [parameter.default] : [];
  const allowed = [...fixed, ...(ownArray(parameter.raw, 'enum') ?? [])].filter(
    (v): v is string => typeof v === 'string',
  );
  return allowed.length > 0 && !allowed.some((v) => listed.has(essence(v)));
}

function setByPolicy(connector: Connector, operation: Operation, header: string): boolean {
  return policiesOf(connector, operation, new Set(['setheader'])).some(
    (p) => ownString(p.parameters, 'name')?.trim().toLowerCase() === header,
  );
}

function acceptFromConnector(connector: Connector, operation: Operation): boolean {
  return (
    headerOutside(operation, 'accept', operation.produces) || setByPolicy(connector, operation, 'accept')
  );
}

function contentTypeFromConnector(connector: Connector, operation: Operation): boolean {
  return (
    headerOutside(operation, 'content-type', operation.consumes) ||
    setByPolicy(connector, operation, 'content-type')
  );
}

/** Whether another path of the same method also matches what was sent, so Prism may judge it by that one. */
function ambiguousRoute(connector: Connector, operation: Operation, sent: string): boolean {
  const segments = sent.split('/');
  const matches = connector.operations.filter((o) => {
    if (o.method.toLowerCase() !== operation.method.toLowerCase()) return false;
    const template = o.path.split('/');
    return (
      template.length === segments.length &&
      template.every((t, i) => {
        const pattern = `^${escapeRegExp(t).replace(/\\\{[^}]*\\\}/g, '.*')}$`;
        return new RegExp(pattern).test(safeDecode(segments[i] ?? ''));
      })
    );
  });
  return matches.length > 1;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isUnreachable(error: unknown): boolean {
  return isFlowportError(error) && error.code === 'UPSTREAM_UNREACHABLE';
}

const SWAGGER_TYPE: Readonly<Record<AuthKind, string>> = {
  none: '',
  'api-key': 'apikey',
  basic: 'basic',
  oauth2: 'oauth2',
};

/** The operation's `security`, else the document's. */
function securityOf(connector: Connector, operation: Operation): unknown {
  return own(operation.raw, 'security') ?? own(connector.definition.raw, 'security');
}

/**
 * Whether one alternative of the operation's `security` asks only for schemes of the type the
 * connection authenticates with; true when nothing is required.
 */
function securitySatisfiable(connector: Connector, operation: Operation, authKind: AuthKind): boolean {
  const security = securityOf(connector, operation);
  if (!Array.isArray(security) || security.length === 0) return true;
  const types = new Map(connector.definition.securityDefinitions.map((d) => [d.name, d.type?.toLowerCase()]));
  return security.some(
    (alternative) =>
      isObject(alternative) &&
      Object.keys(alternative).every((name) => types.get(name) === SWAGGER_TYPE[authKind]),
  );
}

/** A `setheader` policy of the operation overwrites the header its security scheme travels in. */
function securityHeaderReplaced(connector: Connector, operation: Operation): boolean {
  const security = securityOf(connector, operation);
  if (!Array.isArray(security)) return false;
  const headers = new Set<string>();
  for (const alternative of security)
    for (const name of isObject(alternative) ? Object.keys(alternative) : []) {
      const definition = connector.definition.securityDefinitions.find((d) => d.name === name);
      const type = definition?.type?.toLowerCase();
      if (type === 'basic' || type === 'oauth2') headers.add('authorization');
      if (type === 'apikey' && ownString(definition?.raw, 'in') === 'header')
        headers.add(ownString(definition?.raw, 'name')?.toLowerCase() ?? '');
    }
  return [...headers].some((h) => setByPolicy(connector, operation, h));
}

/** Why flowport's refusal to build is the connector's, when it provably is. */
function buildExcuse(operation: Operation, error: unknown): string | undefined {
  if (!isFlowportError(error)) return undefined;
  // HTTP cannot carry a header whose name is not a token (RFC 9110 §5.1): `Account Id`, `Content-Type:`.
  const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
  const badHeader = operation.parameters.some(
    (p: Parameter) => p.in.toLowerCase() === 'header' && !token.test(p.name),
  );
  if (
    error.code === 'PARAMETER_INVALID' &&
    badHeader &&
    error.message.includes('not a valid HTTP header name')
  )
    return 'SWAGGER_INVALID_HEADER_NAME';
  // A `setvaluefromurl` policy reads a value from another call's answer; Prism answers that call with a
  // static example, which has no such value (or no such resource for an example id).
  if (
    error.code === 'POLICY_FAILED' &&
    /\(`setvaluefromurl`\) (found nothing at|called `[A-Z]+ [^`]*`, which answered 4\d\d)/i.test(
      error.message,
    )
  )
    return 'POLICY_NEEDS_LIVE_ANSWER';
  // A policy reads a header or query value that this operation does not declare, so no caller can give it.
  const read = /\(`[a-z]+`\) built .* from `([^`]*)`/i.exec(error.message)?.[1];
  if (error.code === 'POLICY_FAILED' && read !== undefined) {
    const names = [...read.matchAll(/@(?:headers|queryParameters)\('([^']+)'/gi)].map((m) => m[1]);
    const declared = new Set(operation.parameters.map((p) => p.name.toLowerCase()));
    if (names.length > 0 && names.every((n) => !declared.has((n ?? '').toLowerCase())))
      return 'POLICY_READS_UNDECLARED_PARAMETER';
  }
  return undefined;
}

/**
 * Prism waits forever for a body it cannot parse as its content type says; the operation declares a
 * bytes body (`format: binary`) with a JSON `consumes`, and the bytes are not JSON.
 */
function hungOnBinaryJson(connector: Connector, operation: Operation, error: unknown): boolean {
  if (!isFlowportError(error) || error.code !== 'UPSTREAM_TIMEOUT') return false;
  const body = operation.parameters.find((p) => p.in.toLowerCase() === 'body');
  const schema = body && (resolveSchemaOf(connector, body.schema) ?? {});
  return (
    schema !== undefined &&
    (ownString(schema, 'format') === 'binary' || ownString(schema, 'type') === 'file') &&
    operation.consumes.some((c) => /json/i.test(c))
  );
}

function resolveSchemaOf(connector: Connector, node: unknown): JsonObject | undefined {
  const ref = ownString(node, '$ref');
  const target = ref === undefined ? node : connector.resolve(ref)?.value;
  return isObject(target) ? target : undefined;
}

export interface SweepOptions {
  /** Changes each request before Prism sees it (negative controls); told the operation called. */
  readonly mutate?: (wire: WireRequest, operation: Operation) => WireRequest;
}

/** Calls operations of one connector against one Prism mock, restarting Prism when a request kills it. */
interface Judge {
  call(operation: Operation, args: Arguments): Promise<SweepRow>;
  close(): Promise<void>;
}

async function createJudge(
  connector: Connector,
  name: string,
  swaggerPath: string,
  options: SweepOptions,
): Promise<Judge> {
  let prism = await startPrism(swaggerPath);
  const connection = dummyConnection(connector);
  let authKind: AuthKind = 'none';
  try {
    authKind = resolveAuth(connector, checkConnection(connector, connection)).kind;
  } catch {
    // invoke reports the same error for every operation.
  }
  let route: Route | undefined;
  /** Requests of the call in flight that `setvaluefromurl` policies send before the operation's own. */
  let subRequests = 0;
  let target: string | undefined;
  let current: Operation | undefined;
  const { mutate } = options;
  const open = (mock: PrismMock): { transport: Transport; runtime: Runtime } => {
    const transport = prismTransport(mock.url, connector.definition.basePath ?? '/', {
      route: () => (subRequests-- > 0 ? undefined : route),
      onSend: (url) => {
        target = url;
      },
      ...(mutate && { mutate: (wire: WireRequest) => (current ? mutate(wire, current) : wire) }),
    });
    return { transport, runtime: createRuntime(connector, { transport }) };
  };
  let { transport, runtime } = open(prism);
  const close = async () => {
    await runtime.close();
    await transport.close();
    await prism.stop();
  };

  async function call(operation: Operation, args: Arguments): Promise<SweepRow> {
    const operationId = operation.id ?? operation.label;
    if (prism.exited) {
      await close();
      prism = await startPrism(swaggerPath);
      ({ transport, runtime } = open(prism));
    }
    route = undefined;
    target = undefined;
    current = operation;
    subRequests = policiesOf(connector, operation, new Set(['setvaluefromurl'])).length;
    if (policiesOf(connector, operation, MOVING_POLICIES).length > 0) {
      try {
        const { request } = buildRequest(connector, operation, args);
        route = { server: request.baseUrl, path: request.path, method: request.method };
      } catch {
        // invoke throws the same error.
      }
    }
    const mark = prism.logMark();
    try {
      const result = await runtime.invoke(operationId, args, { connection, async: false });
      const status = result.response.status;
      const sent = describe(result.request, target);
      if (status < 400) return { connector: name, operationId, verdict: 'accepted', status, sent };
      const problem = problemOf(result.response.body);
      const type =
        typeof own(problem, 'type') === 'string'
          ? (String(own(problem, 'type')).split(/[/#]/).pop() ?? '')
          : `HTTP_${status}`;
      const violations = violationsOf(result.response.headers.get('sl-violations'), problem);
      const outcome = await validationOutcome(prism, mark);
      const detail = (
        violations.length > 0
          ? violations.map((v) => `${v.location.join('.')}: ${v.message}`).join(' | ')
          : JSON.stringify(own(problem, 'detail') ?? textOf(result.response.body))
      ).slice(0, 400);
      const excused = excuse({
        connector,
        operation,
        status,
        type,
        detail,
        violations,
        outcome,
        authKind,
        wire: result.request,
        path: target ? new URL(target).pathname : '',
      });
      return {
        connector: name,
        operationId,
        verdict: excused ? 'excused' : 'rejected',
        status,
        cause: excused ?? (outcome === 'passed' ? `${type} (after validation)` : type),
        detail,
        sent,
        ...(result.request?.headers.get('content-type') && {
          contentType: result.request.headers.get('content-type') ?? '',
        }),
      };
    } catch (error) {
      // The socket may close before the process is reaped.
      for (let waited = 0; waited < 1000 && !prism.exited && isUnreachable(error); waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      if (prism.exited)
        return {
          connector: name,
          operationId,
          verdict: 'rejected',
          cause: 'PRISM_DIED',
          detail: `Prism exited on this request: ${prism.logSince(mark).slice(-300)}`,
          ...(target !== undefined ? { sent: target } : {}),
        };
      const hung = isFlowportError(error) && error.code === 'UPSTREAM_TIMEOUT';
      const excused = hungOnBinaryJson(connector, operation, error)
        ? 'BINARY_BODY_WITH_JSON_CONSUMES'
        : buildExcuse(operation, error);
      if (hung && !excused)
        return {
          connector: name,
          operationId,
          verdict: 'rejected',
          cause: 'PRISM_HUNG',
          ...(target !== undefined ? { sent: target } : {}),
        };
      const cause = excused ?? (isFlowportError(error) ? error.code : 'INTERNAL');
      const detail = error instanceof Error ? error.message.slice(0, 300) : String(error);
      return { connector: name, operationId, verdict: excused ? 'excused' : 'not-built', cause, detail };
    }
  }

  return { call, close };
}

/**
 * Excuses that a patched copy of the swagger removes, so that Prism can judge the rest of the request:
 * the platform's content type for an operation without `consumes`, no `security` where the connection
 * cannot meet it, plain names for path parameters Prism cannot route, the `csv` a form array field
 * defaults to, and a plain `200` for an
 * operation whose declared responses Prism cannot mock (responses play no part in judging a request).
 */
const PATCHES: Readonly<Record<string, (op: JsonObject, row: SweepRow) => void>> = {
  SWAGGER_NO_CONSUMES: (op, row) => {
    op.consumes = [essence(row.contentType ?? 'application/json')];
  },
  FORM_DATA_WITHOUT_FORM_CONSUMES: (op, row) => {
    op.consumes = [essence(row.contentType ?? 'application/x-www-form-urlencoded')];
  },
  SECURITY_SCHEME_MISMATCH: (op) => {
    op.security = [];
  },
  SECURITY_WITHOUT_CONNECTION_PARAMETER: (op) => {
    op.security = [];
  },
  SECURITY_HEADER_REPLACED_BY_POLICY: (op) => {
    op.security = [];
  },
  PRISM_FORM_ARRAY_WITHOUT_COLLECTION_FORMAT: (op) => {
    // Swagger 2.0's default, written out.
    for (const p of ownArray(op, 'parameters') ?? [])
      if (
        isObject(p) &&
        own(p, 'in') === 'formData' &&
        own(p, 'type') === 'array' &&
        !('collectionFormat' in p)
      )
        p.collectionFormat = 'csv';
  },
  PRISM_MOCK_FAILED_AFTER_VALIDATION: (op) => {
    op.responses = { '200': { description: 'OK' } };
  },
};

/** A path parameter name Prism can route: uri-template-lite's characters, no regex specials. */
const ROUTABLE_NAME = /^[-\w%]+$/;

/**
 * Renames, in a copy of the swagger, the path parameters of one path that Prism cannot route
 * (`{forecast job id}` → `{forecast_job_id}`), in the path and in its parameters (`$ref`s inlined).
 */
function renamePathParameters(swagger: JsonObject, path: string): void {
  const paths = own(swagger, 'paths');
  const item = own(paths, path);
  if (!isObject(paths) || !isObject(item)) return;
  const rename = (n: string) => (ROUTABLE_NAME.test(n) ? n : n.replace(/[^-\w%]/g, '_'));
  const renamed = path.replace(/\{([^}]*)\}/g, (_, n: string) => `{${rename(n)}}`);
  if (renamed === path || own(paths, renamed) !== undefined) return;
  const fix = (list: JsonValue | undefined): JsonValue =>
    Array.isArray(list)
      ? list.map((p) => {
          const ref = ownString(p, '$ref');
          const resolved = ref?.startsWith('#/') ? pointerIn(swagger, ref.slice(1)) : p;
          if (!isObject(resolved) || own(resolved, 'in') !== 'path') return p;
          return { ...resolved, name: rename(String(own(resolved, 'name') ?? '')) };
        })
      : (list ?? []);
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'parameters') copy[key] = fix(value);
    else if (isObject(value)) copy[key] = { ...value, parameters: fix(own(value, 'parameters')) };
    else copy[key] = value;
  }
  delete paths[path];
  paths[renamed] = copy;
}

function pointerIn(root: JsonValue, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const part of pointer.split('/').slice(1))
    node = own(node, decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'));
  return node;
}

/** Whether a patched copy of the swagger can remove this excuse, so that Prism judges the rest. */
export function patchableCause(cause: string | undefined): boolean {
  return cause !== undefined && (PATCHES[cause] !== undefined || cause === 'PRISM_UNROUTABLE_PATH_TEMPLATE');
}

/** The operation object of `operation` in a copy of the swagger. */
function operationIn(swagger: JsonObject, operation: Operation): JsonObject | undefined {
  const item = own(own(swagger, 'paths'), operation.path);
  if (!isObject(item)) return undefined;
  const key = Object.keys(item).find((k) => k.toLowerCase() === operation.method.toLowerCase());
  const op = key === undefined ? undefined : item[key];
  return isObject(op) ? op : undefined;
}

/**
 * Judges again, against a patched copy of the swagger, the rest of each request whose refusal an
 * excuse in {@link PATCHES} explains: a row stays excused (`rest accepted`) only when Prism accepts
 * the rest; otherwise it becomes the new refusal.
 */
async function rejudge(
  connector: Connector,
  name: string,
  rows: SweepRow[],
  calls: ReadonlyMap<SweepRow, { operation: Operation; args: Arguments }>,
  options: SweepOptions,
): Promise<void> {
  const swagger = connector.definition.raw;
  if (!swagger) return;
  /** Per row index: the row as first judged, its call, and the excuses patched away so far. */
  const open = new Map<
    number,
    { first: SweepRow; call: { operation: Operation; args: Arguments }; patched: SweepRow[] }
  >();
  rows.forEach((row, index) => {
    const call = calls.get(row);
    if (call && row.verdict === 'excused' && patchableCause(row.cause))
      open.set(index, { first: row, call, patched: [] });
  });
  // A request may carry two excuses (no `consumes` and an unroutable path): patch them one by one.
  for (let round = 0; round < 3 && open.size > 0; round++) {
    for (const [index, entry] of open) entry.patched.push(rows[index]!);
    const copy = structuredClone(swagger);
    const entries = [...open.values()];
    for (const { call, patched } of entries)
      for (const row of patched) {
        const op =
          row.cause === 'PRISM_UNROUTABLE_PATH_TEMPLATE' ? undefined : operationIn(copy, call.operation);
        if (op) PATCHES[row.cause!]!(op, row);
      }
    for (const { call, patched } of entries)
      if (patched.some((r) => r.cause === 'PRISM_UNROUTABLE_PATH_TEMPLATE'))
        renamePathParameters(copy, call.operation.path);
    const dir = mkdtempSync(join(tmpdir(), 'flowport-prism-'));
    const file = join(dir, 'apiDefinition.swagger.json');
    writeFileSync(file, JSON.stringify(copy));
    let judge: Judge;
    try {
      judge = await createJudge(connector, name, file, options);
    } catch {
      rmSync(dir, { recursive: true, force: true });
      return;
    }
    try {
      for (const [index, { first, call, patched }] of open) {
        const again = await judge.call(call.operation, call.args);
        const causes = patched.map((r) => r.cause).join(' + ');
        if (again.verdict === 'accepted') {
          rows[index] = {
            ...first,
            detail: `rest accepted once ${causes} patched away; ${first.detail ?? ''}`.slice(0, 400),
            rest: 'accepted',
          };
          open.delete(index);
        } else if (again.verdict === 'excused' && patched.some((r) => r.cause === again.cause)) {
          // The patch did not help (Prism still refuses for the same reason): the rest stays unjudged.
          rows[index] = first;
          open.delete(index);
        } else {
          rows[index] = {
            ...again,
            detail: `with ${causes} patched away: ${again.detail ?? ''}`.slice(0, 400),
          };
          if (again.verdict !== 'excused' || !patchableCause(again.cause)) open.delete(index);
        }
      }
    } finally {
      await judge.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // Requests still carrying a patchable excuse after three rounds keep their first verdict.
  for (const [index, { first }] of open) rows[index] = first;
}

/** Calls every operation of one connector against a Prism mock of its swagger. */
export async function sweepConnector(
  connector: Connector,
  name: string,
  swaggerPath: string,
  options: SweepOptions = {},
): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  const candidates = connector.operations.filter((o) => o.id !== undefined && !o.customCode);
  for (const o of connector.operations) {
    if (o.id !== undefined && o.customCode)
      rows.push({ connector: name, operationId: o.id, verdict: 'skipped', cause: 'CUSTOM_CODE' });
  }
  if (candidates.length === 0) return rows;
  let judge: Judge;
  try {
    judge = await createJudge(connector, name, swaggerPath, options);
  } catch (error) {
    for (const o of candidates)
      rows.push({
        connector: name,
        operationId: o.id!,
        verdict: 'skipped',
        cause: 'PRISM_CANNOT_LOAD',
        detail: String(error).slice(0, 200),
      });
    return rows;
  }
  const calls = new Map<SweepRow, { operation: Operation; args: Arguments }>();
  try {
    for (const operation of candidates) {
      const { args, missing } = exampleArguments(connector, operation);
      if (missing.length > 0) {
        rows.push({
          connector: name,
          operationId: operation.id!,
          verdict: 'skipped',
          cause: 'NO_EXAMPLE',
          detail: missing.join(', '),
        });
        continue;
      }
      const row = await judge.call(operation, args);
      calls.set(row, { operation, args });
      rows.push(row);
    }
  } finally {
    await judge.close();
  }
  await rejudge(connector, name, rows, calls, options);
  return rows;
}

/** Sweeps one loaded connector against a Prism mock of its swagger file. */
export async function sweepSource(
  connector: Connector,
  name: string,
  options: SweepOptions = {},
): Promise<SweepRow[]> {
  const swagger = connector.files.swagger;
  if (!swagger)
    return connector.operations.flatMap((o) =>
      o.id ? [{ connector: name, operationId: o.id, verdict: 'skipped' as const, cause: 'NO_SWAGGER' }] : [],
    );
  return sweepConnector(connector, name, swagger.path, options);
}

export interface SweepSummary {
  readonly connectors: number;
  readonly operations: number;
  readonly attempted: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly excused: number;
  readonly notBuilt: number;
  readonly skipped: ReadonlyMap<string, number>;
  /** Accepted over attempted (1 when nothing was attempted). */
  readonly share: number;
  /** Accepted over attempted less excused: the share of requests Prism could judge that it accepted. */
  readonly shareJudged: number;
  /**
   * Accepted plus excused whose rest Prism accepted once the excuse was patched away, over attempted:
   * the share of requests Prism accepts when the swagger states what the platform assumes (a content
   * type without `consumes`, authentication from the connection parameters) and Prism can route the
   * path and mock a response.
   */
  readonly shareVerified: number;
  /** Printable table of the figures and the top causes. */
  readonly table: string;
}

interface CauseCount {
  count: number;
  connectors: Set<string>;
  sample: string;
}

function tally(rows: readonly SweepRow[]): Array<[string, CauseCount]> {
  const causes = new Map<string, CauseCount>();
  for (const row of rows) {
    const key = row.cause ?? '?';
    let entry = causes.get(key);
    if (!entry) {
      entry = {
        count: 0,
        connectors: new Set(),
        sample: `${row.connector} ${row.operationId}: ${row.detail ?? ''}`,
      };
      causes.set(key, entry);
    }
    entry.count++;
    entry.connectors.add(row.connector);
  }
  return [...causes].sort((a, b) => b[1].count - a[1].count);
}

/** Counts the rows of a sweep: attempted = accepted + rejected + excused + not built. */
export function summarise(rows: readonly SweepRow[], top = 15): SweepSummary {
  const by = (v: Verdict) => rows.filter((r) => r.verdict === v);
  const accepted = by('accepted').length;
  const rejected = by('rejected');
  const excused = by('excused');
  const notBuilt = by('not-built');
  const skippedRows = by('skipped');
  const attempted = accepted + rejected.length + excused.length + notBuilt.length;
  const judged = attempted - excused.length;
  const skipped = new Map(tally(skippedRows).map(([k, v]) => [k, v.count]));
  const share = attempted === 0 ? 1 : accepted / attempted;
  const shareJudged = judged === 0 ? 1 : accepted / judged;
  const rest = excused.filter((r) => r.rest === 'accepted').length;
  const shareVerified = attempted === 0 ? 1 : (accepted + rest) / attempted;
  const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
  const connectors = new Set(rows.map((r) => r.connector)).size;
  const operations = rows.filter((r) => r.operationId !== '*').length;
  const lines = [
    `connectors                 ${connectors}`,
    `operations                 ${operations}`,
    `skipped                    ${skippedRows.length}${skipped.size ? ` (${[...skipped].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
    `attempted                  ${attempted}`,
    `  accepted as is           ${accepted}`,
    `  accepted once patched    ${rest} (the swagger states what the platform assumes, or Prism can route or mock it)`,
    `  excused, not accepted    ${excused.length - rest}`,
    `  rejected                 ${rejected.length}`,
    `  not built                ${notBuilt.length}`,
    `share accepted             ${percent(shareVerified)} of attempted (${accepted + rest}/${attempted}; target ≥ 98%)`,
    `share accepted as is       ${percent(share)} of attempted (${accepted}/${attempted}; the swagger unchanged)`,
    `share accepted, judged     ${percent(shareJudged)} of attempted less excused (${accepted}/${judged})`,
  ];
  const section = (title: string, list: readonly SweepRow[]) => {
    if (list.length === 0) return;
    lines.push('', title);
    for (const [cause, c] of tally(list).slice(0, top))
      lines.push(
        `  ${String(c.count).padStart(5)}  ${cause} (${c.connectors.size} connectors)  e.g. ${c.sample.slice(0, 240)}`,
      );
  };
  section('rejected by Prism (problem type):', rejected);
  section('not built by flowport (error code):', notBuilt);
  section(
    'excused (connector or Prism, shown per row; [n rest] = Prism accepted the rest once patched):',
    excused.map((r) => ({
      ...r,
      cause: `${r.cause} [${excused.filter((e) => e.cause === r.cause && e.rest).length} rest]`,
    })),
  );
  return {
    connectors,
    operations,
    attempted,
    accepted,
    rejected: rejected.length,
    excused: excused.length,
    notBuilt: notBuilt.length,
    skipped,
    share,
    shareJudged,
    shareVerified,
    table: lines.join('\n'),
  };
}
