import type { JsonValue } from '../../../connector/json.ts';
import { own, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import type { SchemaNode } from '../../rule.ts';

/**
 * Column filter functions Power Fx understands (`DelegationMetadataOperatorConstants`), as listed in
 * the enhanced connector protocol's `x-ms-capabilities` reference.
 */
export const FILTER_FUNCTIONS: ReadonlySet<string> = new Set([
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'and',
  'or',
  'contains',
  'indexof',
  'substringof',
  'not',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'tolower',
  'toupper',
  'trim',
  'null',
  'date',
  'length',
  'sum',
  'min',
  'max',
  'average',
  'count',
  'add',
  'sub',
  'startswith',
  'mul',
  'div',
  'endswith',
  'countdistinct',
  'cdsin',
  'top',
  'astype',
  'arraylookup',
]);

/** `x-ms-capabilities.filterFunctions` of a schema, with where it is. */
export function filterFunctions(node: SchemaNode): { value: JsonValue; pointer: string } | undefined {
  const capabilities = ownObject(node.raw, 'x-ms-capabilities');
  const value = own(capabilities, 'filterFunctions');
  return value === undefined
    ? undefined
    : { value, pointer: join(node.pointer, 'x-ms-capabilities', 'filterFunctions') };
}
