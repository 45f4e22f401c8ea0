import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
} from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import { CREDENTIALS_MARK } from './credentials.ts';
import type { Losses } from './loss.ts';
import type { SwaggerParts } from './openapi3.ts';
import { createRouter, ROUTE_MARK } from './routes.ts';
import { convertSchema, holdsSecret, type SchemaContext } from './schema.ts';
import { convertSecurity } from './security.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** Keywords some Swagger 2.0 files borrow from OpenAPI 3 or JSON Schema; schemas holding them are converted. */
const FOREIGN = ['oneOf', 'anyOf', 'not', 'nullable', 'const', 'examples', 'writeOnly', 'if', 'prefixItems'];

function foreign(schema: JsonObject): boolean {
  return (
    FOREIGN.some((k) => schema[k] !== undefined) || Array.isArray(schema.type) || Array.isArray(schema.items)
  );
}

/** `required` naming properties the schema does not define (the validator rejects it). */
function requiresUndefined(schema: JsonObject): boolean {
  if (!Array.isArray(schema.required)) return false;
  const props = isObject(schema.properties) ? schema.properties : {};
  return schema.type === 'array' || schema.required.some((r) => typeof r !== 'string' || !(r in props));
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

/** Re-keys paths the platform would reject (duplicate templates, query or fragment in the path). */
function placeOperations(paths: JsonObject, losses: Losses): JsonObject {
  const place = createRouter();
  const out: JsonObject = {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared: JsonObject = {};
    for (const [key, value] of Object.entries(item)) if (!METHODS.some((m) => m === key)) shared[key] = value;
    let placedAny = false;
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      placedAny = true;
      const placed = place(method, path);
      if (placed.route !== undefined) {
        op[ROUTE_MARK] = placed.route;
        losses.add(
          join('/paths', path, method),
          'operation path',
          `kept at \`${placed.path}\` (the platform needs distinct path templates without query or fragment); a \`routerequesttoendpoint\` policy sends it to \`${placed.route}\``,
        );
      }
      const target = ownObject(out, placed.path) ?? { ...shared };
      target[method] = op;
      out[placed.path] = target;
    }
    if (!placedAny && out[path] === undefined) out[path] = item;
  }
  return out;
}

/** A `default` response has no schema in a connector (it becomes `200` when nothing else succeeds); examples follow `produces`. */
function fixResponses(op: JsonObject, pointer: string, swagger: JsonObject, losses: Losses): void {
  const responses = ownObject(op, 'responses');
  if (!responses) return;
  const at = join(pointer, 'responses');
  const success = Object.keys(responses).some((k) => /^[23]\d\d$/.test(k));
  let fallback = ownObject(responses, 'default');
  const ref = ownString(fallback, '$ref');
  if (fallback && ref?.startsWith('#/responses/')) {
    const shared = ownObject(ownObject(swagger, 'responses'), ref.slice('#/responses/'.length));
    if (shared?.schema !== undefined) {
      fallback = { ...shared };
      responses.default = fallback;
    }
  }
  if (fallback && !success) {
    delete responses.default;
    responses['200'] = fallback;
    losses.add(
      join(at, 'default'),
      'default response',
      'became `200`, the only response the connector describes',
    );
  } else if (fallback && fallback.schema !== undefined) {
    delete fallback.schema;
    losses.add(
      join(at, 'default', 'schema'),
      'default response schema',
      'dropped; a `default` response cannot have a schema in a connector',
    );
  }
  const produces = new Set(
    (ownArray(op, 'produces') ?? ownArray(swagger, 'produces') ?? ['application/json']).map(String),
  );
  for (const [code, r] of Object.entries(responses)) {
    const examples = ownObject(r, 'examples');
    if (!examples) continue;
    for (const mime of Object.keys(examples))
      if (!produces.has(mime)) {
        delete examples[mime];
        losses.add(
          join(at, code, 'examples', mime),
          'response example',
          `dropped; the operation does not produce \`${mime}\``,
        );
      }
  }
}

/** Keywords holding example values in Swagger 2.0 and its common extensions. */
const EXAMPLE_KEYS = new Set(['example', 'x-example', 'x-ms-test-value']);
/** Objects whose keys are names chosen by the author, not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'definitions',
  'parameters',
  'responses',
  'paths',
  'securityDefinitions',
]);

/**
 * Drops examples that look like real credentials (the validator's secret formats), as the OpenAPI 3
 * conversion does: response `examples` per media type, schema and parameter `example`, `x-example`
 * and `x-ms-test-value`.
 */
function scrubExamples(value: JsonValue, pointer: string, losses: Losses, names = false, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      scrubExamples(v, join(pointer, i), losses, false, depth + 1);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const at = join(pointer, key);
    if (!names && EXAMPLE_KEYS.has(key)) {
      if (holdsSecret(v)) {
        delete value[key];
        losses.add(at, 'example', 'dropped; it looks like a real credential');
      }
    } else if (!names && key === 'examples' && isObject(v) && !Array.isArray(v)) {
      for (const [mime, example] of Object.entries(v))
        if (holdsSecret(example)) {
          delete v[mime];
          losses.add(join(at, mime), 'example', 'dropped; it looks like a real credential');
        }
    } else scrubExamples(v, at, losses, !names && NAME_MAPS.has(key), depth + 1);
  }
}

/**
 * A Swagger 2.0 description passes through as it is, except: examples that look like credentials
 * are dropped, schemas that use OpenAPI 3 keywords (`nullable`, type arrays, `oneOf`…) are converted,
 * security definitions the platform cannot use are dropped, and the kept one gets its connection
 * parameters.
 */
export function convertSwagger2(root: JsonObject, losses: Losses): SwaggerParts {
  const swagger = structuredClone(root);
  scrubExamples(swagger, '', losses);
  const ctx: SchemaContext = {
    root: swagger,
    losses,
    mapRef: (ref) => (ref.startsWith('#/definitions/') ? ref : undefined),
  };
  const visit = (value: JsonValue | undefined, pointer: string, depth: number): JsonValue | undefined => {
    if (!isObject(value) || depth > 64) return value;
    if (foreign(value) || requiresUndefined(value)) return convertSchema(value, pointer, ctx);
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
  const operations: { op: JsonObject; at: string }[] = [];
  for (const [path, item] of Object.entries(ownObject(swagger, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    (ownArray(item, 'parameters') ?? []).forEach((p, i) => {
      fixParameter(p, join('/paths', path, 'parameters', i));
    });
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      const at = join('/paths', path, method);
      operations.push({ op, at });
      (ownArray(op, 'parameters') ?? []).forEach((p, i) => {
        fixParameter(p, join(at, 'parameters', i));
      });
      for (const [code, r] of Object.entries(ownObject(op, 'responses') ?? {}))
        if (isObject(r) && isObject(r.schema))
          r.schema = visit(r.schema, join(at, 'responses', code, 'schema'), 0) as JsonValue;
    }
  }
  for (const { op, at } of operations) fixResponses(op, at, swagger, losses);
  swagger.paths = placeOperations(ownObject(swagger, 'paths') ?? {}, losses);
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
    for (const { op, at } of operations) {
      const credentials = auth.requirementCredentials(op.security ?? root.security);
      if (credentials.length > 0) op[CREDENTIALS_MARK] = credentials;
      if (op.security === undefined) continue;
      const req = auth.requirement(op.security, join(at, 'security'));
      if (req !== undefined) op.security = req;
      else if (credentials.length > 0 && auth.scheme !== undefined) op.security = [];
      else delete op.security;
    }
  }
  return {
    swagger,
    connectionParameters: auth.connectionParameters,
    policies: auth.policies,
    credentials: auth.credentials,
  };
}
