import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments, RuntimeResponse } from '../types.ts';

/**
 * Invokes an operation of the same connector through the normal pipeline (auth, policies, custom
 * code) with the user's connection. Injected so lookups stay pure and testable.
 */
export type CallOperation = (operationId: string, args: Arguments) => Promise<RuntimeResponse>;

/** True for a 2xx status. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/**
 * Calls `operationId` and returns its JSON body. A non-2xx answer, or a body that is not JSON, is a
 * `DYNAMIC_LOOKUP_FAILED` naming the operation, the status and what the call was for.
 */
export async function callForJson(
  call: CallOperation,
  operationId: string,
  args: Arguments,
  purpose: string,
): Promise<JsonValue> {
  const response = await call(operationId, args);
  if (!isSuccess(response.status)) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `Operation \`${operationId}\` answered ${response.status} while ${purpose}; check the arguments it was given and the connection.`,
    );
  }
  const body = response.body;
  if (body.kind === 'json') return body.value;
  if (body.kind === 'none') return null;
  const text = body.kind === 'text' ? body.text : new TextDecoder().decode(body.bytes);
  try {
    return JSON.parse(text) as JsonValue;
  } catch (cause) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `Operation \`${operationId}\` answered ${response.status} with a body that is not JSON while ${purpose}; dynamic lookups need a JSON response.`,
      { cause },
    );
  }
}
