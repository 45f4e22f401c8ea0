import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
  setOwn,
} from '../connector/json.ts';
import { escapeSegment, join } from '../connector/pointer.ts';
import { createOas3Context, type Oas3Context } from './context.ts';
import { CREDENTIALS_MARK, type Credential } from './credentials.ts';
import type { Losses } from './loss.ts';
import { acceptedMediaTypes, convertParameter } from './parameters.ts';
import { componentName, deref } from './refs.ts';
import { convertRequestBody } from './request-body.ts';
import { convertResponses } from './responses.ts';
import { createRouter, HOST_MARK, ROUTE_MARK } from './routes.ts';
import { convertSecurity } from './security.ts';
import { convertServers, splitUrl } from './servers.ts';
import { convertCallbacks, convertWebhooks } from './webhooks.ts';

/** A Swagger 2.0 document plus what it needs in `apiProperties.json`. */
export interface SwaggerParts {
  readonly swagger: JsonObject;
  readonly connectionParameters: JsonObject;
  readonly policies: readonly JsonObject[];
  /** Extra credentials sent by policies to the operations marked with `CREDENTIALS_MARK`. */
  readonly credentials?: readonly Credential[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

function templateVariables(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
}

function copyInfo(info: JsonObject, losses: Losses): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(info)) {
    if (k === 'summary') {
      if (info.description === undefined) out.description = v;
      else losses.add('/info/summary', 'info summary', 'dropped; Swagger 2.0 has `description` only');
    } else if (k === 'license' && isObject(v)) {
      const { identifier, ...rest } = v;
      if (identifier !== undefined && rest.url === undefined)
        losses.add(
          '/info/license/identifier',
          'license identifier',
          'dropped; Swagger 2.0 licenses have `name` and `url`',
        );
      out.license = rest;
    } else setOwn(out, k, v);
  }
  return out;
}

interface SharedParameters {
  readonly definitions: JsonObject;
  /** Swagger 2.0 parameters for an OpenAPI one (resolved), with `$ref`s for shared single parameters. */
  convert(value: JsonValue, pointer: string): JsonObject[];
}

function sharedParameters(ctx: Oas3Context): SharedParameters {
  const definitions: JsonObject = {};
  const cache = new Map<string, JsonObject[]>();
  return {
    definitions,
    convert(value, pointer) {
      const ref = ownString(value, '$ref');
      const target = deref(ctx.root, value);
      if (!isObject(target.value)) {
        ctx.losses.add(pointer, '$ref', `parameter \`${ref ?? ''}\` does not resolve; dropped`);
        return [];
      }
      const name = ref ? componentName(ref, 'parameters') : undefined;
      if (name === undefined) return convertParameter(target.value, target.pointer ?? pointer, ctx);
      const cached = cache.get(name);
      if (cached) return cached;
      const converted = convertParameter(target.value, target.pointer ?? pointer, ctx);
      const key = name.replace(/[^A-Za-z0-9._-]/g, '_');
      let result = converted;
      if (converted.length === 1 && converted[0]) {
        setOwn(definitions, key, converted[0]);
        result = [{ $ref: `#/parameters/${escapeSegment(key)}` }];
      }
      cache.set(name, result);
      return result;
    },
  };
}

/** `name`/`in` of a converted parameter, looking through `#/parameters` references. */
function identity(p: JsonObject, shared: JsonObject): string {
  const ref = ownString(p, '$ref');
  const target = ref ? ownObject(shared, ref.slice('#/parameters/'.length)) : p;
  return `${ownString(target, 'in')}:${ownString(target, 'name')}`;
}

/**
 * The first server of a path or operation as a URL (variables at their defaults, no trailing slash):
 * undefined when there are none or it is the connector's own base URL; `url` undefined when relative.
 */
function ownServer(
  value: unknown,
  target: { host: string | undefined; basePath: string | undefined; schemes: readonly string[] },
): { url: string | undefined } | undefined {
  if (!Array.isArray(value)) return undefined;
  const first = value.find(isObject);
  const template = ownString(first, 'url');
  if (!first || template === undefined) return undefined;
  const variables = ownObject(first, 'variables') ?? {};
  const url = template
    .replace(/\{([^}]*)\}/g, (_, name: string) => String(ownObject(variables, name)?.default ?? ''))
    .replace(/\/+$/, '');
  const parts = splitUrl(url);
  if (!parts) return { url: undefined };
  const base = target.host ? `${target.schemes[0]}://${target.host}${target.basePath ?? ''}` : undefined;
  return base !== undefined && base.toLowerCase() === url.toLowerCase() ? undefined : { url };
}

/**
 * Converts an OpenAPI 3.0 or 3.1 document into Swagger 2.0 with connector extensions left for the
 * enrichment step. Everything not carried over exactly goes into `losses`.
 */
export function convertOpenApi3(root: JsonObject, losses: Losses): SwaggerParts {
  const ctx = createOas3Context(root, losses);
  const target = convertServers(root, losses);
  const serverUrl = ownString(ownArray(root, 'servers')?.find(isObject), 'url');
  const auth = convertSecurity(
    root,
    losses,
    target.host ? `${target.schemes[0]}://${target.host}${target.basePath ?? ''}` : serverUrl,
  );
  const shared = sharedParameters(ctx);
  const paths: JsonObject = {};
  const place = createRouter();
  const rootConsumes = 'application/json';

  for (const [path, value] of Object.entries(ownObject(root, 'paths') ?? {})) {
    if (path.startsWith('x-')) continue;
    const pathPointer = join('/paths', path);
    const resolved = deref(root, value);
    const item = isObject(resolved.value) ? resolved.value : {};
    const itemPointer = resolved.pointer ?? pathPointer;
    const pathServer = ownServer(item.servers, target);
    if (item.trace !== undefined)
      losses.add(join(itemPointer, 'trace'), 'TRACE operation', 'dropped; Swagger 2.0 has no `trace`');
    const pathParams = (ownArray(item, 'parameters') ?? []).flatMap((p, i) =>
      shared.convert(p, join(itemPointer, 'parameters', i)),
    );
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      const opPointer = join(itemPointer, method);
      const placed = place(method, path);
      const converted = convertOperation(
        op,
        opPointer,
        method,
        placed.path,
        pathParams,
        ownArray(item, 'parameters') ?? [],
      );
      const server = op.servers !== undefined ? ownServer(op.servers, target) : pathServer;
      const where = op.servers !== undefined ? join(opPointer, 'servers') : join(itemPointer, 'servers');
      if (server?.url) {
        converted[HOST_MARK] = server.url;
        losses.add(
          where,
          op.servers !== undefined ? 'operation servers' : 'path servers',
          `the first one (\`${server.url}\`, variables at their defaults) is set by a \`dynamichosturl\` policy; the others are not kept`,
        );
      } else if (server)
        losses.add(
          where,
          op.servers !== undefined ? 'operation servers' : 'path servers',
          'dropped; not an absolute http(s) URL, so the operation uses the connector’s base URL',
        );
      if (placed.route !== undefined) {
        converted[ROUTE_MARK] = placed.route;
        losses.add(
          opPointer,
          'operation path',
          `kept at \`${placed.path}\` (the platform needs distinct path templates without query or fragment); a \`routerequesttoendpoint\` policy sends it to \`${placed.route}\``,
        );
      }
      const outItem = ownObject(paths, placed.path) ?? {};
      outItem[method] = converted;
      for (const [k, v] of Object.entries(item))
        if (k.startsWith('x-') && outItem[k] === undefined) setOwn(outItem, k, v);
      setOwn(paths, placed.path, outItem);
    }
  }

  function convertOperation(
    op: JsonObject,
    pointer: string,
    method: string,
    path: string,
    pathParams: JsonObject[],
    itemParams: readonly JsonValue[],
  ): JsonObject {
    const out: JsonObject = {};
    for (const key of [
      'tags',
      'summary',
      'description',
      'operationId',
      'externalDocs',
      'deprecated',
    ] as const)
      if (op[key] !== undefined) out[key] = op[key] as JsonValue;
    const own = (ownArray(op, 'parameters') ?? []).flatMap((p, i) =>
      shared.convert(p, join(pointer, 'parameters', i)),
    );
    const byIdentity = new Map<string, JsonObject>();
    for (const p of [...pathParams, ...own]) byIdentity.set(identity(p, shared.definitions), p);
    const vars = templateVariables(path);
    for (const key of [...byIdentity.keys()]) {
      if (!key.startsWith('path:')) continue;
      const name = key.slice('path:'.length);
      if (!vars.includes(name)) {
        byIdentity.delete(key);
        losses.add(pointer, 'path parameter', `\`${name}\` dropped; the path template has no \`{${name}}\``);
      }
    }
    for (const v of vars)
      if (!byIdentity.has(`path:${v}`)) {
        byIdentity.set(`path:${v}`, {
          name: v,
          in: 'path',
          required: true,
          type: 'string',
          'x-ms-url-encoding': 'single',
        });
        losses.add(pointer, 'path parameter', `\`${v}\` was not declared; added as a required string`);
      }
    const parameters = [...byIdentity.values()];
    const body = convertRequestBody(op.requestBody, join(pointer, 'requestBody'), method, ctx);
    parameters.push(...body.parameters);
    if (parameters.length > 0) out.parameters = parameters;
    const consumes = body.consumes[0];
    if (consumes && consumes !== rootConsumes) out.consumes = [...body.consumes];
    const responses = convertResponses(op.responses, join(pointer, 'responses'), ctx);
    const produces = responses.produces[0];
    if (produces && produces !== 'application/json') out.produces = [...responses.produces];
    const accepted = produces
      ? []
      : acceptedMediaTypes([...itemParams, ...(ownArray(op, 'parameters') ?? [])], ctx);
    if (accepted.length > 0 && accepted.join() !== 'application/json') {
      out.produces = accepted;
      losses.add(
        join(pointer, 'parameters'),
        'Accept header',
        `its allowed value${accepted.length > 1 ? 's' : ''} (${accepted.map((t) => `\`${t}\``).join(', ')}) became the operation's \`produces\`, which the request's \`Accept\` header follows`,
      );
    }
    out.responses = responses.responses;
    const security = auth.requirement(op.security as JsonValue | undefined, join(pointer, 'security'));
    if (security !== undefined) out.security = security;
    else if (Array.isArray(op.security) && op.security.length > 0 && auth.scheme !== undefined)
      out.security = [];
    const credentials = auth.requirementCredentials((op.security ?? root.security) as JsonValue | undefined);
    if (credentials.length > 0) out[CREDENTIALS_MARK] = credentials;
    if (op.callbacks !== undefined)
      for (const s of convertCallbacks(op, pointer, ownString(op, 'operationId') ?? `${method} ${path}`, ctx))
        if (paths[s.path] === undefined) setOwn(paths, s.path, s.item);
    for (const [k, v] of Object.entries(op)) if (k.startsWith('x-')) setOwn(out, k, v);
    return out;
  }

  for (const s of convertWebhooks(ctx)) if (paths[s.path] === undefined) setOwn(paths, s.path, s.item);
  ctx.flushDefinitions();

  const swagger: JsonObject = {
    swagger: '2.0',
    info: copyInfo(ownObject(root, 'info') ?? {}, losses),
    ...(target.host !== undefined && { host: target.host }),
    basePath: target.basePath ?? '/',
    schemes: [...target.schemes],
    consumes: [rootConsumes],
    produces: ['application/json'],
    paths,
    definitions: ctx.definitions,
    parameters: shared.definitions,
  };
  if (Object.keys(auth.securityDefinitions).length > 0) {
    swagger.securityDefinitions = auth.securityDefinitions;
    const global = auth.requirement(root.security as JsonValue | undefined, '/security');
    swagger.security = global ?? [];
  }
  const tags = ownArray(root, 'tags');
  if (tags) swagger.tags = tags;
  if (isObject(root.externalDocs)) swagger.externalDocs = root.externalDocs;
  for (const [k, v] of Object.entries(root))
    if (k.startsWith('x-') && k !== 'x-webhooks') setOwn(swagger, k, v);
  return {
    swagger,
    connectionParameters: { ...target.connectionParameters, ...auth.connectionParameters },
    policies: [...target.policies, ...auth.policies],
    credentials: auth.credentials,
  };
}
