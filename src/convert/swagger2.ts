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
import { convertSchema, type SchemaContext } from './schema.ts';
import { convertSecurity } from './security.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** Keywords some Swagger 2.0 files borrow from OpenAPI 3 or JSON Schema; schemas holding them are converted. */
const FOREIGN = ['oneOf', 'anyOf', 'not', 'nullable', 'const', 'examples', 'writeOnly', 'if', 'prefixItems'];

function foreign(schema: JsonObject): boolean {
  return FOREIGN.some((k) => schema[k] !== undefined) || Array.isArray(schema.type);
}

/** Swagger 2.0 security definitions in OpenAPI 3 terms, so one mapping serves both. */
function asSecuritySchemes(definitions: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, d] of Object.entries(definitions)) {
    if (!isObject(d)) continue;
    if (d.type === 'basic')
      out[name] = {
        type: 'http',
        scheme: 'basic',
        ...(d.description !== undefined && { description: d.description }),
      };
    else if (d.type === 'oauth2') {
      const flow = ownString(d, 'flow');
      const key =
        flow === 'accessCode'
          ? 'authorizationCode'
          : flow === 'application'
            ? 'clientCredentials'
            : (flow ?? 'unknown');
      const f: JsonObject = { scopes: ownObject(d, 'scopes') ?? {} };
      if (d.authorizationUrl !== undefined) f.authorizationUrl = d.authorizationUrl;
      if (d.tokenUrl !== undefined) f.tokenUrl = d.tokenUrl;
      out[name] = { type: 'oauth2', flows: { [key]: f } };
    } else out[name] = d;
  }
  return out;
}

/**
 * A Swagger 2.0 description passes through as it is, except: schemas that use OpenAPI 3 keywords
 * (`nullable`, type arrays, `oneOf`…) are converted, security definitions the platform cannot use are
 * dropped, and the kept one gets its connection parameters.
 */
export function convertSwagger2(root: JsonObject, losses: Losses): SwaggerParts {
  const swagger = structuredClone(root);
  const ctx: SchemaContext = {
    root: swagger,
    losses,
    mapRef: (ref) => (ref.startsWith('#/definitions/') ? ref : undefined),
  };
  const visit = (value: JsonValue | undefined, pointer: string, depth: number): JsonValue | undefined => {
    if (!isObject(value) || depth > 64) return value;
    if (foreign(value)) return convertSchema(value, pointer, ctx);
    for (const key of ['items', 'additionalProperties'] as const)
      if (isObject(value[key])) value[key] = visit(value[key], join(pointer, key), depth + 1) as JsonValue;
    if (isObject(value.properties))
      for (const [name, p] of Object.entries(value.properties))
        value.properties[name] = visit(p, join(pointer, 'properties', name), depth + 1) as JsonValue;
    if (Array.isArray(value.allOf))
      value.allOf = value.allOf.map((m, i) => visit(m, join(pointer, 'allOf', i), depth + 1) as JsonValue);
    return value;
  };
  for (const [name, d] of Object.entries(ownObject(swagger, 'definitions') ?? {}))
    (swagger.definitions as JsonObject)[name] = visit(d, join('/definitions', name), 0) as JsonValue;
  const fixParameter = (p: JsonValue, pointer: string) => {
    if (!isObject(p)) return;
    if (isObject(p.schema)) p.schema = visit(p.schema, join(pointer, 'schema'), 0) as JsonValue;
    if (p.nullable !== undefined || Array.isArray(p.type)) {
      const converted = convertSchema(
        { type: p.type ?? null, nullable: p.nullable ?? null } as JsonObject,
        pointer,
        ctx,
      );
      delete p.nullable;
      if (typeof converted.type === 'string') p.type = converted.type;
      else p.type = 'string';
    }
  };
  for (const [name, p] of Object.entries(ownObject(swagger, 'parameters') ?? {}))
    fixParameter(p, join('/parameters', name));
  const operations: JsonObject[] = [];
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    (ownArray(item, 'parameters') ?? []).forEach((p, i) =>
      fixParameter(p, join('/paths', path, 'parameters', i)),
    );
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      operations.push(op);
      const at = join('/paths', path, method);
      (ownArray(op, 'parameters') ?? []).forEach((p, i) => fixParameter(p, join(at, 'parameters', i)));
      for (const [code, r] of Object.entries(ownObject(op, 'responses') ?? {}))
        if (isObject(r) && isObject(r.schema))
          r.schema = visit(r.schema, join(at, 'responses', code, 'schema'), 0) as JsonValue;
    }
  }
  if (swagger.host === undefined)
    losses.add('/host', 'host', 'none given; set `host` before the connector can call the API');

  const definitions = ownObject(swagger, 'securityDefinitions') ?? {};
  const host = ownString(swagger, 'host');
  const base = host ? `${ownArray(swagger, 'schemes')?.[0] ?? 'https'}://${host}` : undefined;
  const auth = convertSecurity(swagger, losses, base, '/securityDefinitions', asSecuritySchemes(definitions));
  if (Object.keys(definitions).length > 0) {
    const kept = auth.scheme && isObject(definitions[auth.scheme]) ? auth.scheme : undefined;
    if (kept) {
      const original = definitions[kept] as JsonObject;
      // The original definition is kept as written when the mapping did not change its type.
      const mapped = auth.securityDefinitions[kept];
      swagger.securityDefinitions = {
        [kept]: isObject(mapped) && mapped.type === original.type ? original : (mapped ?? original),
      };
    } else delete swagger.securityDefinitions;
    const global = auth.requirement(swagger.security, '/security');
    if (global !== undefined) swagger.security = global;
    else if (swagger.security !== undefined) delete swagger.security;
    for (const op of operations) {
      if (op.security === undefined) continue;
      const req = auth.requirement(op.security, '');
      if (req !== undefined) op.security = req;
      else delete op.security;
    }
  }
  return { swagger, connectionParameters: auth.connectionParameters, policies: auth.policies };
}
