/**
 * Stoplight Prism as an independent judge of the requests flowport builds: a `prism mock` of the
 * connector's own swagger on loopback answers 2xx to a well-formed request and 4xx to a malformed one.
 * Used by the CI sample (prism.test.ts) and the full sweep (bench/prism-sweep.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { isObject, type JsonObject, own } from '../../src/connector/json.ts';
import type { Connector, Operation } from '../../src/connector/model.ts';
import { isFlowportError } from '../../src/errors.ts';
import { type AuthKind, resolveAuth } from '../../src/runtime/connection/auth.ts';
import { checkConnection } from '../../src/runtime/connection/check.ts';
import { buildRequest } from '../../src/runtime/request/build.ts';
import { exampleArguments } from '../../src/runtime/request/example-arguments.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { createTransport } from '../../src/runtime/send/transport.ts';
import type { Connection, ResponseBody, Transport, WireRequest } from '../../src/runtime/types.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const PRISM = join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PrismMock {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `prism mock` for a swagger file; rejects when Prism cannot load it. */
export async function startPrism(swaggerPath: string, timeoutMs = 20_000): Promise<PrismMock> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [PRISM, 'mock', '-h', '127.0.0.1', '-p', String(port), swaggerPath],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    if (log.length < 20_000) log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    if (log.length < 20_000) log += d.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited: ${log.slice(-500)}`);
    if (/Prism is listening/.test(log)) return { url, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`Prism did not start in ${timeoutMs} ms: ${log.slice(-500)}`);
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

/**
 * Sends what flowport built to Prism: the scheme, host and basePath flowport computed go into
 * `__server` (Prism checks them against the swagger), the rest of the path and the query as they were.
 * When `route()` gives a route, its server, path and method replace those of the request; the query,
 * headers and body stay as the policies left them.
 */
export interface PrismTransportOptions {
  /** The route of the call in flight, when policies moved it. */
  readonly route?: () => Route | undefined;
  /** Told the URL each request is sent to on the mock. */
  readonly onSend?: (url: string) => void;
  /** Changes a request before it is sent (negative controls). */
  readonly mutate?: (wire: WireRequest) => WireRequest;
}

export function prismTransport(
  prismUrl: string,
  basePath: string,
  options: PrismTransportOptions = {},
): Transport {
  const inner = createTransport({ retry: { count: 0 } });
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
 * `accepted`: Prism answered below 400. `rejected`: Prism answered 400 or more. `excused`: rejected
 * for a reason proven to lie in the connector, not in the request flowport built (see `excuse`).
 * `not-built`: flowport threw. `skipped`: not attempted (custom code, no example value, Prism could
 * not load the swagger). Attempted = accepted + rejected + excused + not built.
 */
export type Verdict = 'accepted' | 'rejected' | 'excused' | 'not-built' | 'skipped';

export interface SweepRow {
  readonly connector: string;
  readonly operationId: string;
  readonly verdict: Verdict;
  readonly status?: number;
  /** flowport's error code or Prism's problem type. */
  readonly cause?: string;
  readonly detail?: string;
  /** What was sent: method, URL (on Prism), content type and accept. */
  readonly sent?: string;
}

function describe(wire: WireRequest | undefined, target: string | undefined): string | undefined {
  if (!wire) return undefined;
  const type = wire.headers.get('content-type');
  const accept = wire.headers.get('accept');
  const judged = target && target !== wire.url ? ` -> ${target}` : '';
  return `${wire.method} ${wire.url}${judged}${type ? ` [${type}]` : ''}${accept ? ` accept=${accept}` : ''}`;
}

/**
 * The request violations of Prism's `sl-violations` header (it lists the mock's own response
 * violations too): `location message` joined by ` | `; undefined when there are none.
 */
function requestViolations(header: string | null): string | undefined {
  if (!header) return undefined;
  try {
    const list: unknown = JSON.parse(header.replace(/^Too many violations! /, ''));
    if (!Array.isArray(list)) return undefined;
    const texts = list
      .filter(
        (v) =>
          isObject(v) && Array.isArray(v.location) && v.location[0] === 'request' && v.severity === 'Error',
      )
      .map((v) => `${(v.location as unknown[]).join('.')} ${String(v.message)}`);
    return texts.length > 0 ? texts.join(' | ') : undefined;
  } catch {
    return header.slice(0, 400);
  }
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

const MOVING_POLICIES = new Set(['routerequesttoendpoint', 'dynamichosturl', 'dynamicsubdomain']);

/** Whether a policy sends this operation to a path or host the swagger does not describe. */
function movedByPolicy(connector: Connector, operation: Operation): boolean {
  return connector.properties.policies.some(
    (p) =>
      MOVING_POLICIES.has(p.templateId.toLowerCase()) &&
      (p.operations.length === 0 || (operation.id !== undefined && p.operations.includes(operation.id))),
  );
}

const NO_CONSUMES = 'No supported content types, but request included a non-empty body';

/**
 * Why a rejection is the connector's (or Prism's) and not flowport's, when it provably is; see
 * {@link Verdict}. Undefined otherwise: the rejection then counts against flowport.
 */
function excuse(
  connector: Connector,
  operation: Operation,
  status: number,
  detail: string,
  authKind: AuthKind,
): string | undefined {
  const takesBody = operation.parameters.some((p) => ['body', 'formdata'].includes(p.in.toLowerCase()));
  // Swagger 2.0 has no default request media type: with no `consumes` (operation or global), Prism
  // refuses every body. The platform sends one anyway, so no well-formed request exists for the judge.
  if (detail.includes(NO_CONSUMES) && operation.consumes.length === 0 && takesBody)
    return 'SWAGGER_NO_CONSUMES';
  // The swagger's `security` asks for a scheme (basic, an API key) that the connection parameters of
  // apiProperties.json, which decide how the platform authenticates, do not provide.
  if (status === 401 && !securitySatisfiable(connector, operation, authKind))
    return authKind === 'none' ? 'SECURITY_WITHOUT_CONNECTION_PARAMETER' : 'SECURITY_SCHEME_MISMATCH';
  return undefined;
}

const SWAGGER_TYPE: Readonly<Record<AuthKind, string>> = {
  none: '',
  'api-key': 'apikey',
  basic: 'basic',
  oauth2: 'oauth2',
};

/**
 * Whether one alternative of the operation's `security` (else the global one) asks only for schemes of
 * the type the connection authenticates with; true when nothing is required.
 */
function securitySatisfiable(connector: Connector, operation: Operation, authKind: AuthKind): boolean {
  const security = own(operation.raw, 'security') ?? own(connector.definition.raw, 'security');
  if (!Array.isArray(security) || security.length === 0) return true;
  const types = new Map(connector.definition.securityDefinitions.map((d) => [d.name, d.type?.toLowerCase()]));
  return security.some(
    (alternative) =>
      isObject(alternative) &&
      Object.keys(alternative).every((name) => types.get(name) === SWAGGER_TYPE[authKind]),
  );
}

/** Calls every operation of one connector against a Prism mock of its swagger. */
export interface SweepOptions {
  /** Changes each request before Prism sees it (negative controls); told the operation called. */
  readonly mutate?: (wire: WireRequest, operation: Operation) => WireRequest;
}

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
  let prism: PrismMock;
  try {
    prism = await startPrism(swaggerPath);
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
  let route: Route | undefined;
  let target: string | undefined;
  let current: Operation | undefined;
  const { mutate } = options;
  const transport = prismTransport(prism.url, connector.definition.basePath ?? '/', {
    route: () => route,
    onSend: (url) => {
      target = url;
    },
    ...(mutate && { mutate: (wire: WireRequest) => (current ? mutate(wire, current) : wire) }),
  });
  const runtime = createRuntime(connector, { transport });
  const connection = dummyConnection(connector);
  let authKind: AuthKind = 'none';
  try {
    authKind = resolveAuth(connector, checkConnection(connector, connection)).kind;
  } catch {
    // invoke reports the same error for every operation.
  }
  try {
    for (const operation of candidates) {
      const operationId = operation.id!;
      const { args, missing } = exampleArguments(connector, operation);
      if (missing.length > 0) {
        rows.push({
          connector: name,
          operationId,
          verdict: 'skipped',
          cause: 'NO_EXAMPLE',
          detail: missing.join(', '),
        });
        continue;
      }
      route = undefined;
      target = undefined;
      current = operation;
      if (movedByPolicy(connector, operation)) {
        try {
          const { request } = buildRequest(connector, operation, args);
          route = { server: request.baseUrl, path: request.path, method: request.method };
        } catch {
          // invoke throws the same error.
        }
      }
      try {
        const result = await runtime.invoke(operationId, args, { connection });
        const status = result.response.status;
        const sent = describe(result.request, target);
        if (status < 400) {
          rows.push({ connector: name, operationId, verdict: 'accepted', status, sent });
          continue;
        }
        const problem = problemOf(result.response.body);
        const type =
          typeof own(problem, 'type') === 'string'
            ? String(own(problem, 'type')).split(/[/#]/).pop()
            : `HTTP_${status}`;
        const violations = requestViolations(result.response.headers.get('sl-violations'));
        const detail = (
          violations ??
          JSON.stringify(own(problem, 'validation') ?? own(problem, 'detail') ?? textOf(result.response.body))
        ).slice(0, 400);
        const excused = excuse(connector, operation, status, detail, authKind);
        rows.push({
          connector: name,
          operationId,
          verdict: excused ? 'excused' : 'rejected',
          status,
          cause: excused ?? type,
          detail,
          sent,
        });
      } catch (error) {
        const cause = isFlowportError(error) ? error.code : 'INTERNAL';
        const detail = error instanceof Error ? error.message.slice(0, 300) : String(error);
        rows.push({ connector: name, operationId, verdict: 'not-built', cause, detail });
      }
    }
  } finally {
    await runtime.close();
    await transport.close();
    await prism.stop();
  }
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
  readonly notBuilt: number;
  readonly excused: number;
  readonly skipped: ReadonlyMap<string, number>;
  /** Accepted over attempted (1 when nothing was attempted). */
  readonly share: number;
  /** Accepted over attempted less excused: the share of requests Prism could judge that it accepted. */
  readonly shareJudged: number;
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

/** Counts the rows of a sweep: attempted = accepted + rejected + not built. */
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
  const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
  const connectors = new Set(rows.map((r) => r.connector)).size;
  const operations = rows.filter((r) => r.operationId !== '*').length;
  const lines = [
    `connectors                 ${connectors}`,
    `operations                 ${operations}`,
    `skipped                    ${skippedRows.length}${skipped.size ? ` (${[...skipped].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
    `attempted                  ${attempted}`,
    `  accepted                 ${accepted}`,
    `  rejected                 ${rejected.length}`,
    `  excused (connector)      ${excused.length}`,
    `  not built                ${notBuilt.length}`,
    `share accepted             ${percent(share)} of attempted (${accepted}/${attempted})`,
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
  section('excused (connector defect, proven per row):', excused);
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
    table: lines.join('\n'),
  };
}
