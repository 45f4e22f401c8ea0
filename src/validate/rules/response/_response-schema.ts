import {
  entries,
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
} from '../../../connector/json.ts';
import type { Connector, Operation } from '../../../connector/model.ts';

const SCALARS: ReadonlySet<unknown> = new Set(['string', 'integer', 'number', 'boolean', 'file']);
const DYNAMIC = ['x-ms-dynamic-schema', 'x-ms-dynamic-properties'] as const;
const MAX_REFS = 16;

/** The schema behind a chain of `$ref`s, or undefined when it does not resolve. */
function resolved(connector: Connector, schema: JsonValue | undefined): JsonObject | undefined {
  let current = schema;
  for (let i = 0; i < MAX_REFS && isObject(current); i++) {
    const ref = own(current, '$ref');
    if (typeof ref !== 'string') return current;
    current = connector.resolve(ref)?.value;
  }
  return undefined;
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
  if (entries(own(target, 'properties')).length > 0) return true;
  if ((ownArray(target, 'allOf')?.length ?? 0) > 0) return true;
  const additional = own(target, 'additionalProperties');
  return isObject(additional) || additional === true;
}

/** 2xx responses of an operation, in document order. */
export function successResponses(op: Operation) {
  return op.responses.filter((r) => /^2\d\d$/.test(r.status));
}
