import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
} from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Losses } from './loss.ts';
import type { SwaggerParts } from './openapi3.ts';
import { authorizationHeader, collectionScheme } from './postman-auth.ts';
import { createRouter, ROUTE_MARK } from './routes.ts';
import { convertSecurity } from './security.ts';
import { splitUrl } from './servers.ts';
import { titleCase } from './text.ts';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);
const SKIPPED_HEADERS = new Set([
  'content-type',
  'accept',
  'authorization',
  'content-length',
  'host',
  'user-agent',
]);
const VARIABLE = /\{\{([^{}]+)\}\}/g;

interface Request {
  readonly name: string;
  readonly request: JsonObject;
  readonly pointer: string;
  readonly folders: readonly string[];
  readonly responses: readonly JsonValue[];
  readonly events: boolean;
}

function collect(items: JsonValue[] | undefined, pointer: string, folders: string[], out: Request[]): void {
  (items ?? []).forEach((item, i) => {
    if (!isObject(item)) return;
    const at = join(pointer, i);
    const name = ownString(item, 'name') ?? `Request ${out.length + 1}`;
    const events = (ownArray(item, 'event') ?? []).length > 0;
    if (Array.isArray(item.item)) collect(item.item, join(at, 'item'), [...folders, name], out);
    else {
      const req = item.request;
      const request = typeof req === 'string' ? { method: 'GET', url: req } : isObject(req) ? req : undefined;
      if (request)
        out.push({
          name,
          request,
          pointer: at,
          folders,
          responses: ownArray(item, 'response') ?? [],
          events,
        });
    }
  });
}

/** Requests in a Postman collection, folders included. */
export function postmanRequestCount(collection: JsonObject): number {
  const out: Request[] = [];
  collect(ownArray(collection, 'item'), '/item', [], out);
  return out.length;
}

function text(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  return ownString(value, 'content');
}

/** A JSON schema describing an example value (types only). */
export function inferSchema(value: JsonValue, depth = 0): JsonObject {
  if (value === null) return { 'x-nullable': true };
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)
      ? { type: 'string', format: 'date-time' }
      : { type: 'string' };
  if (depth > 12)
    return { type: Array.isArray(value) ? 'array' : 'object', ...(Array.isArray(value) && { items: {} }) };
  if (Array.isArray(value))
    return { type: 'array', items: value.length > 0 ? inferSchema(value[0] ?? null, depth + 1) : {} };
  const properties: JsonObject = {};
  for (const [k, v] of Object.entries(value)) properties[k] = inferSchema(v, depth + 1);
  return { type: 'object', properties };
}

function parseJson(raw: string): JsonValue | undefined {
  try {
    // Postman variables inside JSON (`{{id}}` without quotes) are made strings first.
    return JSON.parse(raw.replace(/(?<!")\{\{([^{}]+)\}\}(?!")/g, '"{{$1}}"')) as JsonValue;
  } catch {
    return undefined;
  }
}

interface Url {
  readonly raw: string;
  readonly path: readonly string[];
  readonly query: readonly JsonObject[];
  readonly variables: readonly JsonObject[];
}

function readUrl(value: JsonValue | undefined): Url {
  if (typeof value === 'string') {
    const [beforeQuery = '', query = ''] = value.split('?', 2);
    return {
      raw: value,
      path: beforeQuery
        .replace(/^[a-z]+:\/\/[^/]+/i, '')
        .replace(/^\{\{[^}]+\}\}/, '')
        .split('/')
        .filter((s) => s !== ''),
      query: query
        .split('&')
        .filter((q) => q !== '')
        .map((q) => ({
          key: decodeURIComponent(q.split('=')[0] ?? ''),
          value: q.split('=').slice(1).join('='),
        })),
      variables: [],
    };
  }
  const path = own(value, 'path');
  return {
    raw: ownString(value, 'raw') ?? '',
    path: Array.isArray(path)
      ? path.map((p) => (typeof p === 'string' ? p : (ownString(p, 'value') ?? '')))
      : typeof path === 'string'
        ? path.split('/').filter((s) => s !== '')
        : [],
    query: (ownArray(value, 'query') ?? []).filter(isObject),
    variables: (ownArray(value, 'variable') ?? []).filter(isObject),
  };
}

function own(obj: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObject(obj) ? obj[key] : undefined;
}

/** The base URL all requests share, from the first request's URL and the collection variables. */
function baseOf(
  requests: readonly Request[],
  variables: ReadonlyMap<string, string>,
): { base: string | undefined; prefix: string } {
  const first = requests[0];
  if (!first) return { base: undefined, prefix: '' };
  const raw = readUrl(first.request.url).raw;
  const head = /^\{\{([^{}]+)\}\}/.exec(raw);
  if (head?.[1] !== undefined) {
    const value = variables.get(head[1]);
    return { base: value, prefix: `{{${head[1]}}}` };
  }
  const m = /^([a-z]+:\/\/[^/?]+)/i.exec(raw);
  return { base: m?.[1], prefix: m?.[1] ?? '' };
}

/**
 * A Postman v2.1 collection → Swagger 2.0. Each request becomes an operation (folders become tags);
 * `:name` and unresolved `{{name}}` path segments become path parameters; query and header entries
 * become parameters; JSON bodies and saved JSON responses give schemas inferred from their examples.
 */
export function convertPostman(collection: JsonObject, losses: Losses): SwaggerParts {
  const requests: Request[] = [];
  collect(ownArray(collection, 'item'), '/item', [], requests);
  const variables = new Map<string, string>();
  for (const v of ownArray(collection, 'variable') ?? [])
    if (isObject(v) && typeof v.key === 'string') variables.set(v.key, String(v.value ?? ''));
  const { base, prefix } = baseOf(requests, variables);
  const target = base ? splitUrl(base.replace(VARIABLE, '')) : undefined;
  if (!target)
    losses.add(
      '/variable',
      'base URL',
      `${prefix ? `\`${prefix}\` has no absolute URL value` : 'no base URL found'}; \`host\` is left out, so set it before the connector can call the API`,
    );
  const scheme = collectionScheme(ownObject(collection, 'auth'));
  const collectionAuth = scheme && scheme.type !== 'none' && scheme.type !== 'noauth';
  const headerAuth = collectionAuth
    ? undefined
    : authorizationHeader(
        requests.map((r) => ({ pointer: r.pointer, headers: ownArray(r.request, 'header') ?? [] })),
        losses,
      );
  const auth = convertSecurity(
    {},
    losses,
    base,
    '/auth',
    collectionAuth
      ? { [String(ownObject(collection, 'auth')?.type ?? 'auth')]: scheme }
      : headerAuth
        ? { authorization: headerAuth.scheme }
        : {},
  );
  const place = createRouter();
  const paths: JsonObject = {};
  const tags = new Set<string>();
  let scripts = 0;

  for (const r of requests) {
    const method = (ownString(r.request, 'method') ?? 'GET').toLowerCase();
    if (!METHODS.has(method)) {
      losses.add(
        join(r.pointer, 'request', 'method'),
        'request',
        `\`${r.name}\` dropped; method \`${method.toUpperCase()}\` is not supported`,
      );
      continue;
    }
    if (r.events) scripts++;
    const url = readUrl(r.request.url);
    const basePath = target?.basePath ?? '';
    const parameters: JsonObject[] = [];
    const pathVars = new Map<string, string>();
    for (const v of url.variables) pathVars.set(ownString(v, 'key') ?? '', ownString(v, 'description') ?? '');
    let segments = url.path.filter((s) => !(prefix && s === prefix));
    const baseSegments = basePath.split('/').filter((s) => s !== '');
    if (baseSegments.length > 0 && baseSegments.every((s, i) => segments[i] === s))
      segments = segments.slice(baseSegments.length);
    const pathParameter = (name: string) => {
      const clean = name.replace(/[^A-Za-z0-9_.-]/g, '_');
      if (!parameters.some((p) => p.name === clean))
        parameters.push({
          name: clean,
          in: 'path',
          required: true,
          type: 'string',
          'x-ms-url-encoding': 'single',
          'x-ms-summary': titleCase(clean) || clean,
          ...(pathVars.get(name) && { description: pathVars.get(name) ?? '' }),
        });
      return `{${clean}}`;
    };
    const template = segments.map((s) => {
      const colon = /^:(.+)$/.exec(s);
      const name = colon?.[1] ?? /^\{\{?([^{}]+)\}\}?$/.exec(s)?.[1];
      if (name !== undefined) return pathParameter(name);
      // A variable inside a segment (`celeb_{{username}}`): its collection value, else a parameter.
      return s.replace(VARIABLE, (_m, v: string) => variables.get(v) || pathParameter(v));
    });
    const path = `/${template.join('/')}`;
    for (const q of url.query) {
      const key = ownString(q, 'key');
      if (!key || q.disabled === true || parameters.some((p) => p.in === 'query' && p.name === key)) continue;
      const value = ownString(q, 'value');
      parameters.push({
        name: key,
        in: 'query',
        required: false,
        type: 'string',
        'x-ms-summary': titleCase(key) || key,
        ...(ownString(q, 'description') && { description: ownString(q, 'description') ?? '' }),
        ...(value && !VARIABLE.test(value) && { 'x-ms-test-value': value }),
      });
      VARIABLE.lastIndex = 0;
    }
    let consumes: string | undefined;
    let listedType: JsonObject | undefined;
    for (const h of ownArray(r.request, 'header') ?? []) {
      const key = ownString(h, 'key');
      if (!key || own(h, 'disabled') === true) continue;
      if (key.toLowerCase() === 'content-type') {
        consumes = ownString(h, 'value');
        if (isObject(h)) listedType = h;
      }
      if (SKIPPED_HEADERS.has(key.toLowerCase())) continue;
      if (parameters.some((p) => p.in === 'header' && String(p.name).toLowerCase() === key.toLowerCase()))
        continue;
      const value = ownString(h, 'value') ?? '';
      const constant = value !== '' && !/\{\{/.test(value);
      // The request always sends a header it lists: a constant one goes as an internal default.
      parameters.push({
        name: key,
        in: 'header',
        required: constant,
        type: 'string',
        'x-ms-summary': titleCase(key) || key,
        ...(constant && { default: value, 'x-ms-visibility': 'internal' }),
        ...(ownString(h, 'description') && { description: ownString(h, 'description') ?? '' }),
      });
    }
    const body = ownObject(r.request, 'body');
    const mode = ownString(body, 'mode');
    const bodyAt = join(r.pointer, 'request', 'body');
    if (body && mode && (method === 'get' || method === 'head'))
      losses.add(
        bodyAt,
        'request body',
        `dropped; a \`${method.toUpperCase()}\` operation cannot have a body in a connector`,
      );
    else if (mode === 'raw') {
      const raw = ownString(body, 'raw') ?? '';
      const example = raw.trim() === '' ? undefined : parseJson(raw);
      const language = ownString(ownObject(ownObject(body, 'options'), 'raw'), 'language');
      if (example !== undefined && typeof example === 'object') {
        parameters.push({ name: 'body', in: 'body', required: true, schema: inferSchema(example) });
        losses.add(
          bodyAt,
          'example body',
          'schema inferred from the example (types only; nothing is marked required)',
        );
        consumes = 'application/json';
      } else if (raw.trim() !== '') {
        parameters.push({ name: 'body', in: 'body', required: true, schema: { type: 'string' } });
        consumes =
          language === 'xml'
            ? 'application/xml'
            : consumes && !/json/.test(consumes)
              ? consumes
              : 'text/plain';
      }
    } else if (mode === 'urlencoded' || mode === 'formdata') {
      for (const f of ownArray(body, mode) ?? []) {
        const key = ownString(f, 'key');
        if (!key || own(f, 'disabled') === true) continue;
        const file = ownString(f, 'type') === 'file';
        parameters.push({
          name: key,
          in: 'formData',
          required: false,
          type: file && mode === 'formdata' ? 'file' : 'string',
          'x-ms-summary': titleCase(key) || key,
        });
      }
      consumes = mode === 'formdata' ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
    } else if (mode === 'file') {
      parameters.push({
        name: 'body',
        in: 'body',
        required: true,
        schema: { type: 'string', format: 'binary' },
      });
      consumes = 'application/octet-stream';
    } else if (mode) losses.add(bodyAt, 'request body', `\`${mode}\` body dropped; not supported`);

    // A request without a body that still lists a constant `Content-Type` sends it as written.
    const typeValue = ownString(listedType, 'value') ?? '';
    if (
      listedType &&
      typeValue !== '' &&
      !typeValue.includes('{{') &&
      !parameters.some((p) => p.in === 'body' || p.in === 'formData')
    )
      parameters.push({
        name: ownString(listedType, 'key') ?? 'Content-Type',
        in: 'header',
        required: true,
        type: 'string',
        default: typeValue,
        'x-ms-visibility': 'internal',
        'x-ms-summary': 'Content type',
      });
    const saved = r.responses
      .filter(isObject)
      .find((x) => typeof x.code === 'number' && x.code >= 200 && x.code < 300);
    const responses: JsonObject = {};
    const code = String(own(saved, 'code') ?? '200');
    const example =
      typeof own(saved, 'body') === 'string' ? parseJson(String(own(saved, 'body'))) : undefined;
    if (example !== undefined && typeof example === 'object' && example !== null) {
      responses[code] = { description: ownString(saved, 'name') ?? 'OK', schema: inferSchema(example) };
      losses.add(
        join(r.pointer, 'response'),
        'example response',
        'schema inferred from the saved example (types only)',
      );
    } else {
      responses[code] = { description: ownString(saved, 'name') ?? 'OK' };
      losses.add(join(r.pointer, 'response'), 'response', 'no saved JSON response; the output has no schema');
    }

    const op: JsonObject = {
      operationId: r.name,
      summary: r.name,
      ...(text(r.request.description) && { description: text(r.request.description) ?? '' }),
      ...(r.folders.length > 0 && { tags: [r.folders.join(' / ')] }),
      parameters,
      responses,
    };
    for (const f of r.folders.slice(0, 1)) tags.add(f);
    if (r.folders.length > 0) op.tags = [r.folders[0] ?? ''];
    if (consumes && consumes !== 'application/json') op.consumes = [consumes.split(';')[0] ?? consumes];
    const requestAuth = ownObject(r.request, 'auth');
    if (headerAuth && !headerAuth.requests.has(r.pointer)) op.security = [];
    else if (ownString(requestAuth, 'type') === 'noauth' && auth.scheme) op.security = [];
    else if (
      requestAuth &&
      ownString(requestAuth, 'type') !== ownString(ownObject(collection, 'auth'), 'type')
    )
      losses.add(
        join(r.pointer, 'request', 'auth'),
        'request auth',
        'the request’s own authentication was not kept; the connection’s is used',
      );
    const placed = place(method, path);
    if (placed.route !== undefined) op[ROUTE_MARK] = placed.route;
    const item = ownObject(paths, placed.path) ?? {};
    item[method] = op;
    paths[placed.path] = item;
  }
  if (scripts > 0)
    losses.add(
      '/item',
      'scripts',
      `${scripts} request(s) have pre-request or test scripts; they are not carried over`,
    );
  for (const v of variables.keys())
    if (v !== prefix.slice(2, -2))
      losses.add(
        '/variable',
        'collection variable',
        `\`${v}\` is not a connector concept; requests using it need their values typed in`,
      );

  const info = ownObject(collection, 'info') ?? {};
  const swagger: JsonObject = {
    swagger: '2.0',
    info: {
      title: ownString(info, 'name') ?? 'Collection',
      ...(text(info.description) && { description: text(info.description) ?? '' }),
      version: ownString(info, 'version') ?? '1.0',
    },
    ...(target && { host: target.host }),
    basePath: target?.basePath ?? '/',
    schemes: [target?.scheme ?? 'https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
  };
  if (tags.size > 0) swagger.tags = [...tags].map((name) => ({ name }));
  if (Object.keys(auth.securityDefinitions).length > 0) {
    swagger.securityDefinitions = auth.securityDefinitions;
    swagger.security = [Object.fromEntries(Object.keys(auth.securityDefinitions).map((k) => [k, []]))];
  }
  return { swagger, connectionParameters: auth.connectionParameters, policies: auth.policies };
}
