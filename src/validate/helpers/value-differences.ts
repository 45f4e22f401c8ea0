import type { JsonValue } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import { valueConformance } from '../../runtime/response-conformance.ts';

/**
 * How a value differs from its schema: the first difference as a clause (`` `/id` is missing; the
 * schema says it is required ``) and how many more there are; undefined when it fits. A request's
 * value is not asked for `readOnly` properties.
 */
export function valueDifferences(
  connector: Connector,
  schema: JsonValue,
  value: JsonValue,
  request: boolean,
): { readonly first: string; readonly more: number } | undefined {
  const findings = valueConformance(connector, schema, value, { request }).findings.filter(
    (f) => f.severity === 'warning',
  );
  const first = findings[0];
  return first && { first: first.message.replace(/\.$/, ''), more: findings.length - 1 };
}

/** The differences as the validator states them: the first, and the count of the rest. */
export function describeDifferences(differences: { readonly first: string; readonly more: number }): string {
  return `${differences.first}${differences.more > 0 ? ` (and ${differences.more} more)` : ''}`;
}
