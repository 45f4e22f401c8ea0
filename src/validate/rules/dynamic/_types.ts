import { jsonType } from '../../../connector/json.ts';

const KNOWN = new Set(['string', 'integer', 'number', 'boolean', 'array', 'object']);

/** True when a value of type `actual` can fill an input declared `expected` (integers fill numbers). */
export function typeFits(expected: string | undefined, actual: string | undefined): boolean {
  if (expected === undefined || actual === undefined) return true;
  if (!KNOWN.has(expected) || !KNOWN.has(actual)) return true;
  return expected === actual || (expected === 'number' && actual === 'integer');
}

/** JSON type of a literal as Swagger names it (`integer` for whole numbers); `null` for null. */
export function literalType(value: unknown): string {
  return jsonType(value);
}
