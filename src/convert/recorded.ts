/**
 * Recorded calls (a HAR, cURL commands) → Swagger 2.0. The calls to one host become the connector:
 * their paths become templates (`path-template.ts`), calls of one method and template one operation,
 * the values they sent typed parameters, their JSON bodies and answers schemas, and the credential
 * most of them sent the connection's authentication. Values are never written into the connector
 * (they may be personal or secret): only their types, and constants every call sends.
 */
import type { JsonObject } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import type { Exchange, Exchanges } from './exchange.ts';
import type { Losses } from './loss.ts';
import type { SwaggerParts } from './openapi3.ts';
import { templatePaths, valueKindAt } from './path-template.ts';
import { recordedConnection } from './recorded-connection.ts';
import { isTokenCall, oauthSeen } from './recorded-oauth.ts';
import { recordedOperation } from './recorded-operation.ts';
import { constantHeaders } from './recorded-values.ts';
import { createRouter, ROUTE_MARK } from './routes.ts';
import { titleCase } from './text.ts';

const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD']);

export interface RecordedOptions {
  /** The host whose calls become the connector (`api.example.com`); default: the one most calls went to. */
  readonly host?: string;
  /** The input's name, for messages. */
  readonly source?: string;
}

function segmentsOf(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** The calls to the chosen host; the others reported by host. */
function chooseHost(input: Exchanges, losses: Losses, options: RecordedOptions): Exchange[] {
  const name = options.source ?? 'input';
  const byHost = new Map<string, Exchange[]>();
  for (const e of input.exchanges) {
    const list = byHost.get(e.url.host);
    if (list) list.push(e);
    else byHost.set(e.url.host, [e]);
  }
  const ranked = [...byHost].sort((a, b) => b[1].length - a[1].length);
  const listed = ranked.map(([h, calls]) => `${h} (${calls.length})`).join(', ');
  if (ranked.length === 0) {
    const left = input.skipped.map((s) => s.action.replace(/\.$/, '')).join('; ');
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${name} holds no API calls${left ? ` (${left})` : ''}. Give the calls the app makes to its API: a HAR saved from DevTools' Network tab (the Fetch/XHR requests, with content), or curl commands copied as cURL (bash).`,
    );
  }
  const wanted = options.host?.toLowerCase();
  const chosen = wanted
    ? ranked.find(([h]) => h.toLowerCase() === wanted || h.toLowerCase().split(':')[0] === wanted)
    : ranked[0];
  if (!chosen)
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${name} has no calls to ${options.host}; the hosts it has are ${listed}. Give one of them to --host.`,
    );
  for (const [host, calls] of ranked)
    if (host !== chosen[0])
      losses.add(
        calls[0]?.pointer ?? '',
        'other host',
        `${calls.length} call(s) to \`${host}\` left out: a connector calls one host (convert again with \`--host ${host}\` for a connector of those)`,
      );
  return chosen[1];
}

/** `api.tasklane.io` → `Tasklane`; an IP address or `localhost` gives `''`. */
function titleOfHost(hostname: string): string {
  if (hostname === 'localhost' || /^[\d.]+$/.test(hostname) || hostname.startsWith('[')) return '';
  return titleCase(hostname.replace(/^(api|www|app)\./, '').replace(/\.[a-z]+$/, ''));
}

/**
 * Leading words every path shares, as the base path: each path keeps at least one segment, and the
 * word before a value stays in the paths (`/api/v2/projects/42` → `/api/v2` + `/projects/{projectId}`).
 */
function basePathOf(paths: readonly string[][]): string[] {
  const [first, ...rest] = paths;
  if (!first) return [];
  let n = 0;
  const shortest = Math.min(...paths.map((p) => p.length)) - 1;
  while (n < shortest && rest.every((p) => p[n] === first[n]) && !valueKindAt(first, n)) n++;
  while (n > 0 && paths.some((p) => p[n] !== undefined && valueKindAt(p, n) !== undefined)) n--;
  return first.slice(0, n);
}

/**
 * Recorded calls → a Swagger 2.0 connector definition with its security and connection parameters.
 * Throws `FlowportError` (`CONVERT_INPUT_INVALID`) when the input holds no API call, or none to the
 * host asked for.
 */
export function convertRecorded(
  input: Exchanges,
  losses: Losses,
  options: RecordedOptions = {},
): SwaggerParts {
  for (const s of input.skipped) losses.add(s.pointer, s.construct, s.action);
  // Sign-in pages and token requests, to any host, say how users sign in; they are not operations.
  const oauth = oauthSeen(input.exchanges, input.pages);
  const tokenCalls = input.exchanges.filter(isTokenCall);
  if (tokenCalls.length > 0)
    losses.add(
      tokenCalls[0]?.pointer ?? '',
      'OAuth 2 sign-in',
      `${tokenCalls.length} token request(s) left out: they are the connection’s sign-in, not operations`,
    );
  const all = chooseHost(
    tokenCalls.length > 0 ? { ...input, exchanges: input.exchanges.filter((c) => !isTokenCall(c)) } : input,
    losses,
    options,
  );
  const calls = all.filter((c) => {
    if (METHODS.has(c.method)) return true;
    losses.add(
      c.pointer,
      'request',
      `\`${c.method}\` call left out; a connector operation cannot use that method`,
    );
    return false;
  });
  const first = calls[0];
  if (!first)
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${options.source ?? 'input'} holds no call a connector can make: its calls use methods a connector operation cannot (${[...new Set(all.map((c) => c.method))].join(', ')}).`,
    );

  const segments = calls.map((c) => segmentsOf(c.url));
  const base = basePathOf(segments);
  const { templates, parameters } = templatePaths(
    segments.map((s) => s.slice(base.length)),
    base[base.length - 1],
  );
  const groups = new Map<string, { method: string; template: string; calls: Exchange[] }>();
  calls.forEach((call, i) => {
    const template = templates[i] ?? '/';
    const key = `${call.method} ${template}`;
    const group = groups.get(key);
    if (group) group.calls.push(call);
    else groups.set(key, { method: call.method, template, calls: [call] });
  });

  const { auth, sent } = recordedConnection(calls, losses, oauth);
  const constants = constantHeaders(calls.map((c) => c.headers));
  const place = createRouter();
  const paths: JsonObject = {};
  const tags = new Set<string>();
  for (const { method, template, calls: list } of groups.values()) {
    const op = recordedOperation(method, template, list, {
      pathParameters: parameters.get(template) ?? [],
      constants,
      losses,
    });
    const tag = (op.tags as string[] | undefined)?.[0];
    if (tag) tags.add(tag);
    if (auth.scheme && !list.some((c) => sent.has(c))) op.security = [];
    const placed = place(method.toLowerCase(), template);
    if (placed.route !== undefined) op[ROUTE_MARK] = placed.route;
    const item = (paths[placed.path] as JsonObject | undefined) ?? {};
    item[method.toLowerCase()] = op;
    paths[placed.path] = item;
  }
  losses.add(
    '',
    'recorded values',
    `${calls.length} call(s) became ${groups.size} operation(s); parameters, bodies and outputs are typed from the values recorded, which are not kept (check each path template and what is required)`,
  );

  const host = first.url.host;
  const swagger: JsonObject = {
    swagger: '2.0',
    info: {
      // The page's title, else the API's domain name (`api.tasklane.io` → Tasklane); an address says
      // nothing, so the file's name is used (by `enrich`).
      title: input.title ?? titleOfHost(first.url.hostname),
      version: '1.0',
    },
    host,
    basePath: base.length > 0 ? `/${base.join('/')}` : '/',
    schemes: [first.url.protocol.replace(/:$/, '')],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
  };
  if (tags.size > 0) swagger.tags = [...tags].map((t) => ({ name: t }));
  if (Object.keys(auth.securityDefinitions).length > 0) {
    swagger.securityDefinitions = auth.securityDefinitions;
    swagger.security = [Object.fromEntries(Object.keys(auth.securityDefinitions).map((k) => [k, []]))];
  }
  return { swagger, connectionParameters: auth.connectionParameters, policies: auth.policies };
}
