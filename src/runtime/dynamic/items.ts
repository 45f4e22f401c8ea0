import { isObject, type JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import { valueAt } from './path.ts';

/**
 * The array of items in a lookup response (runtime spec §4.11 step 3): the array at `path` when it
 * is one; else the response itself when it is an array; else the first array-valued property of the
 * response object, as the Logic Apps designer does. Throws `DYNAMIC_LOOKUP_FAILED` when there is none.
 */
export function responseItems(
  json: JsonValue,
  path: string | undefined,
  operationId: string,
  purpose: string,
): JsonValue[] {
  if (path !== undefined && path !== '') {
    const at = valueAt(json, path);
    if (Array.isArray(at)) return at;
  }
  if (Array.isArray(json)) return json;
  if (isObject(json)) {
    for (const key of Object.keys(json)) {
      const value = json[key];
      if (Array.isArray(value)) return value;
    }
  }
  const where = path ? ` at \`${path}\`` : '';
  throw new FlowportError(
    'DYNAMIC_LOOKUP_FAILED',
    `Operation \`${operationId}\` returned no array${where} while ${purpose}; fix the items path of the extension or the operation's response.`,
  );
}

/** True for values that are not objects or arrays: such items are their own value and title. */
export function isPrimitive(value: JsonValue): boolean {
  return !isObject(value) && !Array.isArray(value);
}
