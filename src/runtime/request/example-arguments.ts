import { type JsonValue, own, ownArray } from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import type { FileValue } from '../types.ts';
import { acceptFor } from './accept.ts';
import { argumentKey } from './arguments.ts';
import { exampleValue } from './example-value.ts';
import { bodyContentType, essence, isFormType } from './media-type.ts';
import { viewSchema } from './schema.ts';

/**
 * Arguments for a smoke test of `operation`: a value for every required parameter (path parameters
 * always) and for optional query and header parameters that the operation's policies read
 * (`@queryParameters('x')`, `@headers('x')`), made by {@link exampleValue}, keyed as `buildRequest`
 * expects (`in:name` for shared names). `Content-Type` and `Accept` header parameters get a media type
 * the operation declares in `consumes` or `produces`. Internal required parameters with a default are
 * left to the request builder. `missing` names the arguments (or body property paths) for which no
 * value known to be valid could be made; `args` still holds a best-effort value for them where one
 * exists.
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
  const readByPolicies = policyReads(connector, operation);
  for (const parameter of operation.parameters) {
    const location = parameter.in.toLowerCase();
    const needed =
      parameter.required || location === 'path' || readByPolicies.has(`${location}:${parameter.name}`);
    if (!needed) continue;
    if (parameter.visibility === 'internal' && parameter.default !== undefined) continue;
    const key = argumentKey(parameter, operation.parameters);
    const node = location === 'body' ? (parameter.schema ?? {}) : parameter.raw;
    const testValue = location === 'body' ? own(parameter.raw, 'x-ms-test-value') : undefined;
    const mediaType = location === 'header' ? mediaTypeExample(connector, operation, parameter) : undefined;
    const result =
      testValue !== undefined
        ? { value: testValue, missing: [] }
        : mediaType !== undefined
          ? { value: mediaType, missing: [] }
          : exampleValue(connector, node, key, {
              // An empty query value is no value (Swagger 2.0), and an empty header satisfies no check.
              nonEmpty: location === 'path' || location === 'query' || location === 'header',
            });
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

const POLICY_READ = /@(queryParameters|headers)\(\s*'([^']+)'/gi;

/** `query:name` and `header:name` of the values the operation's policies read. */
function policyReads(connector: Connector, operation: Operation): Set<string> {
  const reads = new Set<string>();
  for (const policy of connector.properties.policies) {
    if (
      policy.operations.length > 0 &&
      (operation.id === undefined || !policy.operations.includes(operation.id))
    )
      continue;
    for (const match of JSON.stringify(policy.parameters).matchAll(POLICY_READ)) {
      const where = match[1]?.toLowerCase() === 'headers' ? 'header' : 'query';
      reads.add(`${where}:${match[2]}`);
    }
  }
  return reads;
}

const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+*-]+\s*(;.*)?$/;

/**
 * A value for a `Content-Type` or `Accept` header parameter: the first declared value (`default`,
 * `enum`, `example`) that the operation lists in `consumes` (or `produces`), else — unless an `enum`
 * restricts the value — the type the request builder would choose. Undefined for other parameters
 * and when `x-ms-test-value` or an `enum` decides.
 */
function mediaTypeExample(
  connector: Connector,
  operation: Operation,
  parameter: Parameter,
): string | undefined {
  const name = parameter.name.trim().toLowerCase();
  if ((name !== 'content-type' && name !== 'accept') || own(parameter.raw, 'x-ms-test-value') !== undefined)
    return undefined;
  const declared = name === 'accept' ? operation.produces : operation.consumes;
  const listed = new Set(declared.map(essence));
  const enumValues = ownArray(parameter.raw, 'enum') ?? [];
  const offered = [
    own(parameter.raw, 'default'),
    ...enumValues,
    own(parameter.raw, 'example'),
    own(parameter.raw, 'x-example'),
  ]
    .filter((v): v is string => typeof v === 'string' && MEDIA_TYPE.test(v.trim()))
    .map((v) => v.trim());
  const fitting = offered.find((t) => listed.size === 0 || listed.has(essence(t)));
  if (fitting !== undefined) return fitting;
  if (enumValues.length > 0) return undefined;
  if (name === 'accept') return acceptFor(operation.produces) ?? '*/*';
  const formData = operation.parameters.some((p) => p.in.toLowerCase() === 'formdata');
  if (formData)
    return (
      operation.consumes.find(isFormType) ?? operation.consumes[0] ?? 'application/x-www-form-urlencoded'
    );
  const body = operation.parameters.find((p) => p.in.toLowerCase() === 'body');
  const view = body ? viewSchema(connector, body.schema) : undefined;
  const binary = view?.format === 'binary' || view?.type === 'file';
  return bodyContentType(operation.consumes, binary) ?? 'application/json';
}
