import { isObject, type JsonObject, type JsonValue, ownString } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments } from '../types.ts';
import { buildTargetArguments, type LookupCall, readLookup } from './arguments.ts';
import { type CallOperation, callForJson } from './call.ts';
import { type DynamicSite, locateDynamic, siteLabel } from './locate.ts';
import { valueAt } from './path.ts';

/** How the schema is read from the response of the lookup. */
type SchemaShape =
  /** `x-ms-dynamic-properties`: the value at `itemValuePath` (or the root) is the schema object. */
  | { readonly kind: 'schema'; readonly path: string | undefined }
  /** `x-ms-dynamic-schema` with `value-path`: the value there is the schema. */
  | { readonly kind: 'value-path'; readonly path: string }
  /** `x-ms-dynamic-schema` without `value-path`: the root is the `properties` map. */
  | { readonly kind: 'properties' };

/**
 * The lookup of a dynamic schema: `x-ms-dynamic-properties` when it names an operation, else
 * `x-ms-dynamic-schema` (runtime spec §4.13–4.14).
 */
export function schemaLookup(site: DynamicSite): { lookup: LookupCall; shape: SchemaShape } {
  const { properties, schema } = site.extensions;
  if (properties && (ownString(properties, 'operationId') !== undefined || !schema)) {
    return {
      lookup: readLookup('x-ms-dynamic-properties', properties, 'path'),
      shape: { kind: 'schema', path: ownString(properties, 'itemValuePath') },
    };
  }
  if (schema) {
    const path = ownString(schema, 'value-path');
    return {
      lookup: readLookup('x-ms-dynamic-schema', schema, 'name'),
      shape: path === undefined ? { kind: 'properties' } : { kind: 'value-path', path },
    };
  }
  throw new FlowportError(
    'PARAMETER_INVALID',
    `The ${siteLabel(site)} has no \`x-ms-dynamic-properties\` or \`x-ms-dynamic-schema\`; pick a target listed by \`dynamicTargets\`.`,
  );
}

function readSchema(json: JsonValue, shape: SchemaShape, operationId: string, purpose: string): JsonObject {
  const fail = (what: string) =>
    new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `Operation \`${operationId}\` returned ${what} while ${purpose}; fix the extension's path or the operation's response.`,
    );
  if (shape.kind === 'properties') {
    if (json === null) return {};
    if (!isObject(json)) throw fail('no `properties` object at the root');
    return { type: 'object', properties: json };
  }
  const value = shape.path ? valueAt(json, shape.path) : json;
  // A `null` schema means "no schema" (runtime spec §4.13); the designer then shows no fields.
  if (value === null) return {};
  if (value === undefined) throw fail(`nothing at \`${shape.path}\``);
  if (!isObject(value)) throw fail(shape.path ? `no schema object at \`${shape.path}\`` : 'no schema object');
  return value;
}

/**
 * The JSON schema of a dynamic body parameter, body property or response: calls the operation named
 * by `x-ms-dynamic-properties` (preferred) or `x-ms-dynamic-schema` with arguments built from
 * `currentArgs`. A `null` schema gives `{}`; `x-ms-dynamic-schema` without `value-path` reads the
 * response as the `properties` map (`{ type: 'object', properties }`).
 *
 * @example
 * await getDynamicSchema(connector, op, 'body', { form: 'contact' }, call);
 * // { type: 'object', properties: { Name: { type: 'string' } } }
 */
export async function getDynamicSchema(
  connector: Connector,
  operation: Operation,
  target: string,
  currentArgs: Arguments,
  call: CallOperation,
): Promise<JsonObject> {
  const site = locateDynamic(connector, operation, target);
  const { lookup, shape } = schemaLookup(site);
  const where = siteLabel(site);
  const built = buildTargetArguments(connector, lookup, { source: operation, currentArgs, where });
  const operationId = built.operation.id ?? built.operation.label;
  const purpose = `reading the schema of ${where}`;
  return readSchema(await callForJson(call, operationId, built.args, purpose), shape, operationId, purpose);
}
