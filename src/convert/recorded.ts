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
import { normaliseOperationId } from './operation-id.ts';
import { PAGING_MARK, pagingOf } from './paging.ts';
import { type PathParameter, templatePaths, valueKind } from './path-template.ts';
import {
  credentialKey,
  credentialsOf,
  describeCredential,
  type RecordedCredential,
  schemeOf,
} from './recorded-auth.ts';
import { requestBody, responsesOf } from './recorded-bodies.ts';
import { operationName } from './recorded-names.ts';
import { constantHeaders, headerParameters, headerRole, queryPairs, ValueTable } from './recorded-values.ts';
import { createRouter, ROUTE_MARK } from './routes.ts';
import { convertSecurity } from './security.ts';
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
    const left = input.skipped.map((s) => s.action).join('; ');
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${name} holds no API calls${left ? ` (${left})` : ''}. Record the calls the app makes to its API (in DevTools' Network tab, the Fetch/XHR requests) and save them with their content.`,
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

/**
 * Leading words every path shares, as the base path: each path keeps at least one segment, and the
 * word before a value stays in the paths (`/api/v2/projects/42` → `/api/v2` + `/projects/{projectId}`).
 */
function basePathOf(paths: readonly string[][]): string[] {
  const [first, ...rest] = paths;
  if (!first) return [];
  let n = 0;
  const shortest = Math.min(...paths.map((p) => p.length)) - 1;
  while (n < shortest && rest.every((p) => p[n] === first[n]) && !valueKind(first[n] ?? '')) n++;
  while (n > 0 && paths.some((p) => p[n] !== undefined && valueKind(p[n] ?? '') !== undefined)) n--;
  return first.slice(0, n);
}

function pathParameters(list: readonly PathParameter[]): JsonObject[] {
  return list.map((p) => {
    const kinds = [...p.kinds];
    const only = kinds.length === 1 && p.kinds.size === 1 ? kinds[0] : undefined;
    const type: JsonObject =
      only === 'integer' && p.values.every((v) => /^\d+$/.test(v))
        ? { type: 'integer' }
        : only === 'uuid'
          ? { type: 'string', format: 'uuid' }
          : only === 'date'
            ? { type: 'string', format: 'date' }
            : { type: 'string' };
    return {
      name: p.name,
      in: 'path',
      required: true,
      ...type,
      'x-ms-url-encoding': 'single',
      'x-ms-summary': titleCase(p.name) || p.name,
    };
  });
}

interface Credentials {
  readonly chosen: RecordedCredential | undefined;
  /** Calls that sent the chosen credential. */
  readonly sent: ReadonlySet<Exchange>;
}

/** The credential most calls sent; the others and browser cookies reported. */
function chooseCredential(calls: readonly Exchange[], losses: Losses): Credentials {
  const counts = new Map<string, { credential: RecordedCredential; calls: Exchange[] }>();
  for (const call of calls)
    for (const c of credentialsOf(call)) {
      const key = credentialKey(c);
      const entry = counts.get(key);
      if (entry) entry.calls.push(call);
      else counts.set(key, { credential: c, calls: [call] });
    }
  const ranked = [...counts.values()].sort((a, b) => b.calls.length - a.calls.length);
  const [top, ...others] = ranked;
  for (const o of others)
    losses.add(
      o.calls[0]?.pointer ?? '',
      'credential',
      `${describeCredential(o.credential)}, sent by ${o.calls.length} call(s), is not kept: a connection authenticates one way (${top ? describeCredential(top.credential) : 'none'})`,
    );
  const cookies = calls.filter((c) => c.headers.some((h) => h.name.toLowerCase() === 'cookie'));
  if (cookies.length > 0)
    losses.add(
      cookies[0]?.pointer ?? '',
      'session cookie',
      `sent by ${cookies.length} call(s) and not kept: a connector cannot sign in with a browser session; ${
        top
          ? `the connection uses ${describeCredential(top.credential)} instead`
          : 'the connector has no authentication, so set one up in apiProperties.json (an API key, or OAuth 2 with the API’s app registration)'
      }`,
    );
  if (top)
    losses.add(
      top.calls[0]?.pointer ?? '',
      'credential',
      `${describeCredential(top.credential)}, sent by ${top.calls.length} of ${calls.length} call(s), became the connection’s authentication; the recorded value is not kept`,
    );
  else if (cookies.length === 0)
    losses.add(
      calls[0]?.pointer ?? '',
      'credential',
      'no call sent a credential, so the connector has no authentication: if the API needs one, the recording may have left it out (browsers export HAR files without `Authorization` headers and cookies unless asked to include sensitive data); record again with it, or set up the authentication in apiProperties.json',
    );
  return { chosen: top?.credential, sent: new Set(top?.calls ?? []) };
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
  const all = chooseHost(input, losses, options);
  const calls = all.filter((c) => {
    if (METHODS.has(c.method)) return true;
    losses.add(
      c.pointer,
      'request',
      `\`${c.method}\` call left out; a connector operation cannot use that method`,
    );
    return false;
  });
  const first = calls[0] ?? all[0];
  if (!first)
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${options.source ?? 'input'} holds no call a connector can make.`,
    );

  const segments = calls.map((c) => segmentsOf(c.url));
  const base = basePathOf(segments);
  const { templates, parameters } = templatePaths(segments.map((s) => s.slice(base.length)));
  const groups = new Map<string, { method: string; template: string; calls: Exchange[] }>();
  calls.forEach((call, i) => {
    const template = templates[i] ?? '/';
    const key = `${call.method} ${template}`;
    const group = groups.get(key);
    if (group) group.calls.push(call);
    else groups.set(key, { method: call.method, template, calls: [call] });
  });

  const origin = `${first.url.protocol}//${first.url.host}`;
  const { chosen, sent } = chooseCredential(calls, losses);
  const schemeName = chosen
    ? chosen.kind === 'basic'
      ? 'basic_auth'
      : chosen.kind === 'bearer'
        ? 'bearer_token'
        : 'api_key'
    : undefined;
  // The scheme's findings point at the first call that sent the credential, not at a made-up name.
  const schemesAt = '/\u0000scheme';
  const sentAt = [...sent][0]?.pointer ?? first.pointer;
  const authLosses: Losses = {
    items: losses.items,
    add: (pointer, construct, action) =>
      losses.add(pointer.startsWith(schemesAt) ? sentAt : pointer, construct, action),
  };
  const auth = convertSecurity(
    {},
    authLosses,
    origin,
    schemesAt,
    schemeName && chosen ? { [schemeName]: schemeOf(chosen) } : {},
  );
  const constants = constantHeaders(calls.map((c) => c.headers));
  const dropped = new Set<string>();
  for (const c of calls)
    for (const h of c.headers)
      if (
        headerRole(h.name) === 'secret' &&
        h.name.toLowerCase() !== 'cookie' &&
        !credentialsOf(c).some((k) => k.name.toLowerCase() === h.name.toLowerCase())
      )
        dropped.add(h.name);
  for (const name of dropped)
    losses.add(
      first.pointer,
      'header',
      `\`${name}\` not kept: it carries a session or a secret; the connection’s authentication is sent instead`,
    );

  const place = createRouter();
  const paths: JsonObject = {};
  const tags = new Set<string>();
  for (const { method, template, calls: list } of groups.values()) {
    const query = new ValueTable();
    for (const c of list) query.addSample(queryPairs(c.url));
    const body = requestBody(method, list, losses);
    const { responses, produces, answers } = responsesOf(list, losses);
    const paging = method === 'GET' ? pagingOf(answers) : undefined;
    const name = operationName(method, template);
    const given = list.find((c) => c.name)?.name;
    const tag = template.split('/').find((s) => s !== '' && !s.startsWith('{'));
    const op: JsonObject = {
      // A name the input gives (a `# Close issue` comment above a curl command) names it: `CloseIssue`.
      operationId: (given && normaliseOperationId(given)) || name.operationId,
      summary: given ?? name.summary,
      ...(tag && { tags: [titleCase(tag) || tag] }),
      parameters: [
        ...pathParameters(parameters.get(template) ?? []),
        ...query.parameters('query'),
        ...headerParameters(
          list.map((c) => c.headers),
          constants,
        ),
        ...body.parameters,
      ],
      responses,
    };
    if (tag) tags.add(titleCase(tag) || tag);
    if (paging?.kind === 'pageable') {
      op['x-ms-pageable'] = { nextLinkName: paging.nextLinkName };
      op[PAGING_MARK] = paging.nextLinkName;
      losses.add(
        list[0]?.pointer ?? '',
        'paging',
        `answers carry an absolute next-page link in \`${paging.nextLinkName}\`: the operation is pageable (\`x-ms-pageable\`), with an \`updatenextlink\` policy that routes the link back through the connector`,
      );
    } else if (paging)
      losses.add(
        list[0]?.pointer ?? '',
        'paging',
        `answers carry a next ${paging.token ? 'page token' : 'page link'} in \`${paging.name}\`; a connector pages only by a next-page URL in \`nextLink\` or \`@odata.nextLink\`, so the operation returns one page (flows page with a Do until loop${paging.token ? ' passing the token back' : ''})`,
      );
    if (body.consumes) op.consumes = [body.consumes];
    if (produces) op.produces = [produces];
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
      title:
        input.title ??
        titleCase(
          host
            .replace(/:\d+$/, '')
            .replace(/^(api|www|app)\./, '')
            .replace(/\.[a-z]+$/, ''),
        ),
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
