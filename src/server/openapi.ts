/**
 * The OpenAPI 3.1 document of the REST API, generated from the routes as they are registered: their
 * JSON schemas (the ones Fastify validates and serialises with), summaries and auth settings.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { VERSION } from '../version.ts';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './errors.ts';

declare module 'fastify' {
  /** Documentation keys of a route schema: Fastify ignores them, the OpenAPI document shows them. */
  interface FastifySchema {
    tags?: readonly string[];
    summary?: string;
    description?: string;
    /** `[]` for public routes. */
    security?: readonly Record<string, readonly string[]>[];
  }
}

/** What the document needs of one route. */
export interface RouteRecord {
  readonly method: string;
  /** Fastify's form: `/api/v1/connections/:id`. */
  readonly url: string;
  readonly schema: Readonly<Record<string, unknown>> | undefined;
  readonly isPublic: boolean;
  readonly admin: string | undefined;
}

/** Remembers every route registered after it is called (HEAD twins of GET routes left out). */
export function collectRoutes(app: FastifyInstance): RouteRecord[] {
  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ?? {}) as { public?: boolean; admin?: string; openapi?: boolean };
    if (config.openapi === false) return;
    for (const method of methods) {
      // Fastify adds a HEAD twin for every GET; it is not listed.
      if (method === 'HEAD' && routes.some((r) => r.url === route.url && r.method === 'GET')) continue;
      routes.push({
        method,
        url: route.url,
        schema: route.schema as Record<string, unknown> | undefined,
        isPublic: config.public === true,
        admin: config.admin,
      });
    }
  });
  return routes;
}

/** `/api/v1/connections/:id` → `/api/v1/connections/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** Query, path or header parameters from a Fastify object schema. */
function parametersOf(schema: unknown, location: 'query' | 'path' | 'header'): JsonObject[] {
  const object = asObject(schema);
  const properties = asObject(object?.properties) ?? {};
  const required = new Set(Array.isArray(object?.required) ? (object.required as string[]) : []);
  return Object.entries(properties).map(([name, value]) => {
    const { description, ...rest } = asObject(value) ?? {};
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' && { description }),
      schema: rest,
    };
  });
}

function requestBodyOf(body: unknown): JsonObject | undefined {
  const object = asObject(body);
  if (!object) return undefined;
  const content = asObject(object.content);
  if (content) return { required: true, content };
  return { required: true, content: { 'application/json': { schema: object } } };
}

function statusKey(status: string): string {
  return /^[1-5]xx$/i.test(status) ? status.toUpperCase() : status;
}

function responsesOf(record: RouteRecord): JsonObject {
  const out: JsonObject = {};
  const declared = asObject(record.schema?.response) ?? {};
  for (const [status, value] of Object.entries(declared)) {
    const schema = asObject(value) ?? {};
    const description = typeof schema.description === 'string' ? schema.description : 'Success.';
    const content = asObject(schema.content);
    out[statusKey(status)] = content
      ? { description, content }
      : { description, content: { 'application/json': { schema } } };
  }
  if (Object.keys(out).length === 0) {
    out[record.method === 'DELETE' ? '204' : '200'] = { description: 'Success.' };
  }
  out.default = {
    description: 'A problem (RFC 9457) carrying a flowport error code.',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return out;
}

/** The OpenAPI 3.1 document of the recorded routes. */
export function openApiDocument(routes: readonly RouteRecord[], serverUrl: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  const tags = new Set<string>();
  for (const record of routes) {
    const schema = record.schema ?? {};
    const path = openApiPath(record.url);
    const method = record.method.toLowerCase();
    const routeTags = Array.isArray(schema.tags) ? (schema.tags as string[]) : [];
    for (const t of routeTags) tags.add(t);
    const parameters = [
      ...parametersOf(schema.params, 'path'),
      ...parametersOf(schema.querystring, 'query'),
      ...parametersOf(schema.headers, 'header'),
    ];
    const body = requestBodyOf(schema.body);
    const description = [
      typeof schema.description === 'string' ? schema.description : undefined,
      record.admin !== undefined ? 'Admins only.' : undefined,
    ]
      .filter((s) => s !== undefined)
      .join(' ');
    const operation: JsonObject = {
      operationId: `${method}${path.replace(/\{([^}]+)\}/g, 'By_$1').replace(/[^A-Za-z0-9_]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(typeof schema.summary === 'string' && { summary: schema.summary }),
      ...(description !== '' && { description }),
      ...(routeTags.length > 0 && { tags: routeTags }),
      ...(parameters.length > 0 && { parameters }),
      ...(body && { requestBody: body }),
      responses: responsesOf(record),
      ...(record.isPublic && { security: [] }),
    };
    paths[path] = { ...(paths[path] ?? {}), [method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'flowport server',
      version: VERSION,
      description:
        'Hosted Power Platform connectors: import connectors, create connections, invoke operations. Errors are RFC 9457 problems.',
    },
    servers: [{ url: serverUrl }],
    tags: [...tags].sort().map((name) => ({ name })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (`fp_…`), from `flowport token create`.',
        },
      },
      schemas: { Problem: problemSchema },
    },
  };
}
