import { isObject, type JsonObject, type JsonValue, own, ownArray } from '../../../connector/json.ts';
import type { Connector, Operation, Response } from '../../../connector/model.ts';
import { derefSchemaObject } from '../../helpers/schema-deref.ts';

const SCALARS: ReadonlySet<unknown> = new Set(['string', 'integer', 'number', 'boolean', 'file']);

/** True when a schema's shape is decided at design time (`x-ms-dynamic-schema`/`-properties`). */
export function isDynamicSchema(connector: Connector, schema: JsonValue | undefined): boolean {
  const target = derefSchemaObject(connector, schema);
  return target !== undefined && hasDynamicKey(target);
}

/**
 * True when a schema gives flows something to use: a scalar or file, an array with `items`, an object
 * with properties (own, `allOf`, `additionalProperties`) or a dynamic schema.
 */
export function describesContent(connector: Connector, schema: JsonValue | undefined): boolean {
  const target = derefSchemaObject(connector, schema);
  if (!target) return false;
  if (hasDynamicKey(target)) return true;
  const type = own(target, 'type');
  if (SCALARS.has(type)) return true;
  if (type === 'array') return isObject(own(target, 'items'));
  if (hasKeys(own(target, 'properties'))) return true;
  if ((ownArray(target, 'allOf')?.length ?? 0) > 0) return true;
  const additional = own(target, 'additionalProperties');
  return isObject(additional) || additional === true;
}

function hasDynamicKey(schema: JsonObject): boolean {
  return (
    own(schema, 'x-ms-dynamic-schema') !== undefined || own(schema, 'x-ms-dynamic-properties') !== undefined
  );
}

function hasKeys(value: JsonValue | undefined): boolean {
  if (!isObject(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** The first 2xx response with a schema, in document order. */
export function successWithSchema(op: Operation): Response | undefined {
  for (const r of op.responses) if (r.schema && isSuccess(r)) return r;
  return undefined;
}

const SUCCESS = /^2\d\d$/;

/** Whether a response is a success (2xx) one. */
export function isSuccess(response: Response): boolean {
  return SUCCESS.test(response.status);
}
