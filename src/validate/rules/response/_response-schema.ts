import { isObject, type JsonObject, type JsonValue, own, ownArray } from '../../../connector/json.ts';
import type { Connector, Operation, Response } from '../../../connector/model.ts';
import { derefSchema } from '../../helpers/schema-deref.ts';

const SCALARS: ReadonlySet<unknown> = new Set(['string', 'integer', 'number', 'boolean', 'file']);
const DYNAMIC = ['x-ms-dynamic-schema', 'x-ms-dynamic-properties'] as const;

/** The schema behind a chain of `$ref`s, or undefined when it does not resolve. */
function resolved(connector: Connector, schema: JsonValue | undefined): JsonObject | undefined {
  // Resolutions are cached per connector: operations share a few response definitions.
  return derefSchema(connector, schema, '')?.schema;
}

/** True when a schema's shape is decided at design time (`x-ms-dynamic-schema`/`-properties`). */
export function isDynamicSchema(connector: Connector, schema: JsonValue | undefined): boolean {
  const target = resolved(connector, schema);
  return target !== undefined && DYNAMIC.some((k) => own(target, k) !== undefined);
}

/**
 * True when a schema gives flows something to use: a scalar or file, an array with `items`, an object
 * with properties (own, `allOf`, `additionalProperties`) or a dynamic schema.
 */
export function describesContent(connector: Connector, schema: JsonValue | undefined): boolean {
  const target = resolved(connector, schema);
  if (!target) return false;
  if (DYNAMIC.some((k) => own(target, k) !== undefined)) return true;
  const type = own(target, 'type');
  if (SCALARS.has(type)) return true;
  if (type === 'array') return isObject(own(target, 'items'));
  if (hasKeys(own(target, 'properties'))) return true;
  if ((ownArray(target, 'allOf')?.length ?? 0) > 0) return true;
  const additional = own(target, 'additionalProperties');
  return isObject(additional) || additional === true;
}

function hasKeys(value: JsonValue | undefined): boolean {
  if (!isObject(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** 2xx responses of an operation, in document order. */
export function successResponses(op: Operation): readonly Response[] {
  // Two rules ask in turn about the operation the engine is visiting: remember the last answer.
  if (op !== last.op) last = { op, success: op.responses.filter(isSuccess) };
  return last.success;
}

let last: { op?: Operation; success: readonly Response[] } = { success: [] };

const SUCCESS = /^2\d\d$/;

function isSuccess(response: Response): boolean {
  return SUCCESS.test(response.status);
}
