import { type JsonValue, own } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import type { FileValue } from '../types.ts';
import { argumentKey } from './arguments.ts';
import { exampleValue } from './example-value.ts';

/**
 * Arguments for a smoke test of `operation`: a value for every required parameter (path parameters
 * always), made by {@link exampleValue}, keyed as `buildRequest` expects (`in:name` for shared names).
 * Internal required parameters with a default are left to the request builder. `missing` names the
 * arguments (or body property paths) for which no value known to be valid could be made; `args` still
 * holds a best-effort value for them where one exists.
 *
 * @example
 * const { args, missing } = exampleArguments(connector, connector.operation('CreateTask')!);
 */
export function exampleArguments(
  connector: Connector,
  operation: Operation,
): { args: Record<string, JsonValue | FileValue>; missing: string[] } {
  const args: Record<string, JsonValue | FileValue> = {};
  const missing: string[] = [];
  for (const parameter of operation.parameters) {
    const location = parameter.in.toLowerCase();
    if (!parameter.required && location !== 'path') continue;
    if (parameter.visibility === 'internal' && parameter.default !== undefined) continue;
    const key = argumentKey(parameter, operation.parameters);
    const node = location === 'body' ? (parameter.schema ?? {}) : parameter.raw;
    const testValue = location === 'body' ? own(parameter.raw, 'x-ms-test-value') : undefined;
    const result =
      testValue !== undefined
        ? { value: testValue, missing: [] }
        : exampleValue(connector, node, key, { nonEmpty: location === 'path' });
    missing.push(...result.missing);
    if (result.value === undefined) continue;
    Object.defineProperty(args, key, {
      value: result.value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return { args, missing };
}
