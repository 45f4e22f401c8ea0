import { STATUS_CODES } from 'node:http';
import type { JsonObject, JsonValue } from '../connector/json.ts';
import type { Operation } from '../connector/model.ts';
import { withValueAt } from '../validate/fix.ts';

/**
 * The swagger text with `schema` as the schema of `operation`'s response `status`: at the response
 * (a shared `#/responses/…` one where it refers to one), or as a new response with the status's
 * reason phrase as its description; formatting and comments kept. Undefined when the operation has
 * no `responses` object to add the response to.
 */
export function withResponseSchema(
  text: string,
  operation: Operation,
  status: string,
  schema: JsonObject,
): string | undefined {
  const declared = operation.responses.find((r) => r.status === status);
  const pointer = declared ? `${declared.pointer}/schema` : `${operation.pointer}/responses/${status}`;
  const value: JsonValue = declared
    ? schema
    : { description: STATUS_CODES[Number(status)] ?? 'The answer.', schema };
  const after = withValueAt(text, pointer, value);
  return after === text ? undefined : after;
}
