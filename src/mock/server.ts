/**
 * `flowport mock`: an HTTP server that plays a connector's API from its swagger alone, so that flows,
 * `flowport run`/`smoke`/`trigger`, the console and an MCP client can be tried before the API exists
 * or without its account. Like Prism it routes each request to its operation, checks it (credentials,
 * parameters, body) and answers the declared response from its example or its schema; unlike Prism it
 * knows the connector's extensions: drop-downs and dynamic schemas get answers shaped for them,
 * pageable operations give next links, webhook triggers take subscriptions and deliver events to
 * their callbacks, polling triggers answer with the events fired since the last poll.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonValue } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { matchOperations } from '../runtime/path-match.ts';
import { type Answer, type AnswerOptions, answerFor, PAGE_PARAMETER, parsePrefer } from './answer.ts';
import { control } from './control.ts';
import { MAX_BODY, mockError, parsedJson, readBody, send } from './http.ts';
import { lookupsByOperation } from './lookups.ts';
import { requestSecrets, urlMasker } from './mask-url.ts';
import { forward, proxyTarget } from './proxy.ts';
import { matchRecording, readRecordings, recordingOf, replayedAnswer, saveRecording } from './recordings.ts';
import {
  credentialKinds,
  formFields,
  type MockRequest,
  missingCredentials,
  type RequestProblem,
  requestProblems,
} from './request-check.ts';
import { bodyReshaped, matchRouted, routedPaths, unmatched } from './routes.ts';
import { MockState } from './state.ts';
import { MockTriggers, type Subscription } from './triggers.ts';

export interface MockOptions {
  /** Items in each array of a made body (default 3). */
  readonly items?: number;
  /** Pages of a pageable operation (default 2). */
  readonly pages?: number;
  /** Check credentials against `securityDefinitions` (default true). */
  readonly auth?: boolean;
  /** Check parameters and bodies (default true). */
  readonly validate?: boolean;
  /** `Retry-After` of a poll with no new events, in seconds (default 5). */
  readonly retryAfter?: number;
  /**
   * Forward every request to the API at this base URL (`scheme://host/basePath`) and return its
   * answer, checking the request and the answer against the swagger: a validation proxy.
   */
  readonly proxy?: string;
  /** With `proxy`: keep each answer of the API in this folder, one file per operation. */
  readonly record?: string;
  /** Answer actions with the answers recorded in this folder (`record`), where one was. */
  readonly replay?: string;
  /** Remember what is created: read, list, change and delete it afterwards (everything starts empty). */
  readonly stateful?: boolean;
  /** Answer every n-th valid request with `failStatus` and `Retry-After: 1` (a client's retries tested). */
  readonly failEvery?: number;
  /** The status of those faults (default 503). */
  readonly failStatus?: number;
  /** Wait this long before answering each request, in ms. */
  readonly latencyMs?: number;
  /** Told of each request once answered. */
  readonly onRequest?: (entry: MockLogEntry) => void;
}

/** One request as the mock answered it (the log, `GET /_mock/requests`). */
export interface MockLogEntry {
  readonly time: string;
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly operation: string | undefined;
  readonly status: number;
  /** Where the body came from, or what the mock did instead. */
  readonly outcome:
    | Answer['source']
    | 'refused'
    | 'subscribed'
    | 'unsubscribed'
    | 'no-events'
    | 'control'
    | 'proxied'
    | 'recorded'
    | 'state'
    | 'fault';
  /** What the request got wrong; when proxied, also where the API's answer differs from its schema (`answer/…`). */
  readonly problems: readonly RequestProblem[];
}

export interface MockHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  readonly triggers: MockTriggers;
  /** The last requests answered, oldest first (at most 200). */
  requests(): readonly MockLogEntry[];
}

const LOG_KEEP = 200;

/** The request handler of a mock of `connector`, for a server of your own (`startMock` makes one). */
export function mockHandler(connector: Connector, options: MockOptions = {}): MockHandler {
  const items = Math.max(1, options.items ?? 3);
  const pages = Math.max(1, options.pages ?? 2);
  const lookups = lookupsByOperation(connector);
  const routes = routedPaths(connector);
  const credentials = credentialKinds(connector);
  const reshaped = bodyReshaped(connector);
  const triggers = new MockTriggers(connector, { items });
  const target = options.proxy === undefined ? undefined : proxyTarget(options.proxy);
  if (options.record !== undefined && !target)
    throw new FlowportError(
      'USAGE',
      '--record keeps what a real API answers: give its base URL with --proxy <url> too.',
    );
  const recorded = options.replay === undefined ? undefined : readRecordings(options.replay);
  const state = options.stateful ? new MockState(connector) : undefined;
  const log: MockLogEntry[] = [];
  const basePath = (connector.definition.basePath ?? '/').replace(/\/$/, '');
  const polls = new Map<string, number>();
  /** Actions answered 202, by the number in their `Location`, until it is polled. */
  const jobs = new Map<string, Operation>();
  let jobCount = 0;
  /** Requests that passed the checks, counted for `failEvery`. */
  let accepted = 0;

  const masked = urlMasker(connector);
  const record = (entry: MockLogEntry) => {
    log.push(entry);
    if (log.length > LOG_KEEP) log.shift();
    options.onRequest?.(entry);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = req.url ?? '/';
    const origin = originOf(req.headers.host);
    // Joined, not resolved: a path starting `//` is a path here, not another host.
    const url = new URL(`${origin}${raw.startsWith('/') ? raw : `/${raw}`}`);
    const done = (
      status: number,
      body: JsonValue | undefined,
      entry: Omit<MockLogEntry, 'time' | 'method' | 'url' | 'status'>,
      headers: Record<string, string> = {},
    ) => {
      send(res, status, body, headers);
      logged(status, entry);
    };
    const logged = (status: number, entry: Omit<MockLogEntry, 'time' | 'method' | 'url' | 'status'>) =>
      record({ time: new Date().toISOString(), method, url: masked(raw), status, ...entry });
    const bytes = await readBody(req);
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const text = bytes ? bytes.toString('utf8') : bytes;
    if (text === null) {
      return done(413, mockError('MOCK_BODY_TOO_LARGE', `The body is over ${MAX_BODY / 1024 / 1024} MB.`), {
        operation: undefined,
        outcome: 'refused',
        problems: [],
      });
    }
    const job = /^\/_mock\/async\/(\d+)$/.exec(url.pathname)?.[1];
    if (job !== undefined && method === 'GET' && jobs.has(job)) {
      const operation = jobs.get(job) as Operation;
      jobs.delete(job);
      return finished(operation);
    }
    // The API's own paths win over the mock's controls: a basePath may itself start with `/_mock`
    // (Redocly's hosted mocks, `https://redocly.com/_mock/…`, are many descriptions' only server).
    const inApi =
      basePath !== '' &&
      (url.pathname.toLowerCase() === basePath.toLowerCase() ||
        url.pathname.toLowerCase().startsWith(`${basePath.toLowerCase()}/`));
    if (!inApi && (url.pathname === '/_mock' || url.pathname.startsWith('/_mock/'))) {
      const [status, body] = await control(method, url, { connector, basePath, triggers, state, log });
      return done(status, body, { operation: undefined, outcome: 'control', problems: [] });
    }
    let path = url.pathname;
    if (basePath && path.toLowerCase().startsWith(`${basePath.toLowerCase()}/`))
      path = path.slice(basePath.length);
    else if (basePath && path.toLowerCase() === basePath.toLowerCase()) path = '/';
    // The swagger's own paths first, then those policies route to: the first the request fits.
    const candidates = [
      ...matchOperations(connector, method, path).map((match) => ({ match, routed: false })),
      ...matchRouted(routes, method, path).map((match) => ({ match, routed: true })),
    ];
    if (target && candidates.length === 0) {
      const problem = { at: 'path', message: `No operation of the swagger answers ${method} ${path}.` };
      return proxied(undefined, [problem]);
    }
    if (candidates.length === 0) {
      if (method === 'DELETE') {
        const ended = triggers.unsubscribeAt(url);
        if (ended)
          return done(200, undefined, { operation: undefined, outcome: 'unsubscribed', problems: [] });
      }
      const [status, body, allow] = unmatched(connector, method, path);
      return done(
        status,
        body,
        { operation: undefined, outcome: 'refused', problems: [] },
        allow ? { allow } : {},
      );
    }
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const form = await formFields(headers['content-type'], bytes ?? undefined);
    const requestOf = (
      operation: Operation,
      pathValues: Record<string, string>,
      routed: boolean,
    ): MockRequest => ({
      ...(form && { form }),
      reshaped: reshaped(operation),
      pathValues,
      routed,
      query: url.searchParams,
      headers,
      body: text,
    });
    const checked = candidates.map(({ match, routed }) => {
      const request = requestOf(match.operation, match.pathValues, routed);
      const problems = options.validate === false ? [] : requestProblems(connector, match.operation, request);
      const missing =
        options.auth === false
          ? undefined
          : missingCredentials(connector, match.operation, request, credentials);
      return { match, request, problems, missing };
    });
    // The operation the request fits whole; two may share a path on the wire (one routed there by a
    // policy), told apart by what they ask for: one without credentials (`security: []`), say.
    const { match, problems, missing } =
      checked.find((c) => c.problems.length === 0 && c.missing === undefined) ??
      checked.find((c) => c.problems.length === 0) ??
      (checked[0] as (typeof checked)[0]);
    const operation = match.operation;
    const label = operation.id ?? operation.label;
    if (target) return proxied(operation, problems);
    if (missing)
      return done(
        401,
        mockError('MOCK_UNAUTHORIZED', missing),
        { operation: label, outcome: 'refused', problems: [{ at: 'credentials', message: missing }] },
        { 'www-authenticate': 'Bearer realm="flowport mock"' },
      );
    if (problems.length > 0)
      return done(
        400,
        mockError(
          'MOCK_INVALID_REQUEST',
          `The request does not fit \`${label}\`: ${problems.map((p) => p.message).join(' ')}`,
          problems,
        ),
        { operation: label, outcome: 'refused', problems },
      );
    // Faults on purpose: every n-th accepted request fails as an overloaded API's would.
    if (options.failEvery !== undefined && ++accepted % options.failEvery === 0) {
      const status = options.failStatus ?? 503;
      const message = `A fault on purpose (--fail-every ${options.failEvery}): request ${accepted} answered ${status}; retry after 1 s.`;
      return done(
        status,
        mockError('MOCK_FAULT', message),
        { operation: label, outcome: 'fault', problems: [] },
        {
          'retry-after': '1',
        },
      );
    }
    const prefer = parsePrefer(headers.prefer);
    if (method === 'DELETE') triggers.unsubscribeAt(url);
    if (operation.kind === 'webhook-trigger' && prefer.code === undefined) {
      const subscription = triggers.subscribe(operation, parsedJson(text), origin, basePath);
      if (typeof subscription === 'string') {
        const problems = [{ at: 'body', message: subscription }];
        return done(400, mockError('MOCK_INVALID_REQUEST', subscription, problems), {
          operation: label,
          outcome: 'refused',
          problems,
        });
      }
      // Answered `201` when the operation declares it (the platform expects it).
      const created = operation.responses.some((r) => r.status === '201');
      const answer = answered({ prefer: created ? { ...prefer, code: 201 } : prefer });
      if ('refused' in answer) return refuse(answer.refused);
      return respond(answer, label, { location: subscription.location }, 'subscribed');
    }
    if (operation.kind === 'polling-trigger' && prefer.code === undefined && operation.id !== undefined) {
      const waiting = triggers.takePending(operation.id);
      const next = new URL(url);
      next.searchParams.delete(PAGE_PARAMETER);
      if (waiting === 0)
        return done(
          202,
          undefined,
          { operation: label, outcome: 'no-events', problems: [] },
          { location: next.href, 'retry-after': String(options.retryAfter ?? 5) },
        );
      const sequence = polls.get(operation.id) ?? 0;
      polls.set(operation.id, sequence + waiting);
      const answer = answered({ items: waiting, pages: 1, offset: sequence });
      if ('refused' in answer) return refuse(answer.refused);
      return respond(answer, label, { location: next.href });
    }
    const replayed = operation.kind === 'action' && prefer.code === undefined && !prefer.dynamic;
    const file = replayed ? recorded?.get(label) : undefined;
    const recording = matchRecording(file?.recordings, keyOf());
    if (recording) {
      const answer = replayedAnswer(recording, file?.api, `${origin}${basePath}`);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.bytes);
      return logged(answer.status, { operation: label, outcome: 'recorded', problems: [] });
    }
    if (state?.roleOf(operation)) {
      const made = answered({ pages: 1 });
      if ('refused' in made) return refuse(made.refused);
      const body = parsedJson(text);
      const result = state.apply(
        operation,
        {
          path,
          pathValues: match.pathValues,
          ...(body !== undefined && { body }),
          query: url.searchParams,
          page: {
            number: Math.max(1, Number(url.searchParams.get(PAGE_PARAMETER) ?? 1) || 1),
            size: items,
            self: url,
            parameter: PAGE_PARAMETER,
          },
        },
        made.body.kind === 'json' ? made.body.value : undefined,
      );
      if (result?.kind === 'not-found') {
        const declared = answered({ prefer: { code: 404 } });
        if (!('refused' in declared) && declared.status === 404) return respond(declared, label, {}, 'state');
        const message = `Nothing at ${path}: the mock is stateful (--stateful) and holds no \`${result.id}\`; create it first.`;
        return done(404, mockError('MOCK_NOT_FOUND', message), {
          operation: label,
          outcome: 'state',
          problems: [],
        });
      }
      if (result?.kind === 'value' && made.body.kind !== 'none' && result.value !== undefined)
        return respond({ ...made, body: { kind: 'json', value: result.value } }, label, {}, 'state');
      return respond(made, label, {}, 'state');
    }
    // The asynchronous pattern: an action that declares 202 answers it first, with a `Location` that the
    // platform polls for the final answer (the other 2xx it declares).
    const later =
      operation.kind === 'action' &&
      prefer.code === undefined &&
      operation.responses.some((r) => r.status === '202');
    const answer = answered({
      page: Math.max(1, Number(url.searchParams.get(PAGE_PARAMETER) ?? 1) || 1),
      ...(later && { prefer: { ...prefer, code: 202 } }),
    });
    if ('refused' in answer) return refuse(answer.refused);
    if (later) {
      const id = String(++jobCount);
      jobs.set(id, operation);
      return respond(answer, label, { location: `${origin}/_mock/async/${id}`, 'retry-after': '1' });
    }
    return respond(answer, label);

    function answered(changes: Partial<AnswerOptions>) {
      return answerFor(connector, operation, lookups.get(label) ?? [], {
        items,
        pages,
        prefer,
        page: 1,
        self: url,
        ...changes,
      });
    }

    function refuse(message: string) {
      const problems = [{ at: 'prefer', message }];
      return done(400, mockError('MOCK_NO_SUCH_RESPONSE', message, problems), {
        operation: label,
        outcome: 'refused',
        problems,
      });
    }

    /** How a recording names this request: method, path below the basePath, query with credentials masked. */
    function keyOf() {
      const query = new URLSearchParams(url.search);
      query.delete(PAGE_PARAMETER);
      const search = query.size > 0 ? masked(`?${query}`).slice(1) : '';
      return { method, path, query: search };
    }

    /** Proxy mode: the request forwarded whatever its problems, the API's answer returned as it is. */
    async function proxied(matched: Operation | undefined, problems: readonly RequestProblem[]) {
      const answer = await forward(
        connector,
        target as URL,
        { method, path, search: url.search, headers: req.headers, body: bytes ?? undefined },
        matched,
      );
      res.writeHead(answer.status, answer.headers);
      res.end(answer.bytes);
      // The mock's own 502 for an API it could not reach is no answer of the API's: not recorded.
      if (options.record !== undefined && matched && !answer.unreachable) {
        const secrets = requestSecrets(connector, req.headers, url.searchParams);
        saveRecording(
          options.record,
          matched.id ?? matched.label,
          recordingOf(keyOf(), answer, secrets),
          target as URL,
        );
      }
      logged(answer.status, {
        operation: matched ? (matched.id ?? matched.label) : undefined,
        outcome: 'proxied',
        problems: [...problems, ...answer.findings],
      });
    }

    /** The poll of an asynchronous action: its final answer, the first 2xx it declares besides 202. */
    function finished(action: Operation) {
      const final = action.responses.find((r) => /^2\d\d$/.test(r.status) && r.status !== '202');
      const answer = answerFor(connector, action, lookups.get(action.id ?? action.label) ?? [], {
        items,
        pages,
        prefer: { code: final ? Number(final.status) : 200 },
        page: 1,
        self: url,
      });
      const label = action.id ?? action.label;
      if ('refused' in answer)
        return done(200, undefined, { operation: label, outcome: 'none', problems: [] });
      return respond(answer, label);
    }

    function respond(
      answer: Answer,
      operation: string,
      extra: Record<string, string> = {},
      outcome: MockLogEntry['outcome'] = answer.source,
    ) {
      if (answer.body.kind === 'bytes') {
        res.writeHead(answer.status, { 'content-type': answer.body.contentType, ...extra });
        res.end(answer.body.bytes);
      } else send(res, answer.status, answer.body.kind === 'json' ? answer.body.value : undefined, extra);
      logged(answer.status, { operation, outcome, problems: [] });
    }
  };

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          mockError('MOCK_FAILED', `The mock failed: ${String((error as Error)?.message ?? error)}`),
        );
      else res.destroy();
    });
  }) as MockHandler;
  Object.assign(handler, { triggers, requests: () => [...log] });
  return handler;
}

/** `http://` and the request's `Host`, or the loopback address when that is no host. */
function originOf(host: string | undefined): string {
  try {
    return new URL(`http://${host ?? '127.0.0.1'}`).origin;
  } catch {
    return 'http://127.0.0.1';
  }
}

export interface RunningMock {
  /** `http://host:port` followed by the swagger's basePath: what `--base-url` takes. */
  readonly url: string;
  readonly origin: string;
  readonly handler: MockHandler;
  close(): Promise<void>;
}

/** Starts a mock of `connector` on `host:port` (port 0: any free one). */
export async function startMock(
  connector: Connector,
  options: MockOptions & { readonly port?: number; readonly host?: string } = {},
): Promise<RunningMock> {
  const handler = mockHandler(connector, options);
  const server: Server = createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const base = (connector.definition.basePath ?? '/').replace(/\/$/, '');
  return {
    url: `${origin}${base}`,
    origin,
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type { Subscription };
