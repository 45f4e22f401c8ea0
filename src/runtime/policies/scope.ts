import type { JsonValue } from '../../connector/json.ts';
import type { ExpressionScope } from '../expression/scope.ts';
import type { PolicyContext, RequestBody, ResponseBody, RuntimeRequest } from '../types.ts';

/** The JSON a policy sees as `@body()`: JSON bodies as data, text bodies as text, others as missing. */
export function bodyValue(body: RequestBody | ResponseBody): JsonValue | undefined {
  if (body.kind === 'json') return body.value;
  if (body.kind === 'text') return body.text;
  return undefined;
}

/** The headers and body a policy reads and changes: the request, or the response in its sections. */
export interface Message {
  readonly headers: Headers;
  body: RequestBody | ResponseBody;
}

/**
 * Expression scope of a policy: `@headers()` and `@body()` read the message being transformed (the
 * response in the Response and Failure sections, DECIDE 6), `@queryParameters()` the request's query,
 * `@connectionParameters()` the connection's values (`token:x` keys included), by
 * {@link connectionParameterValue}.
 */
export function messageScope(message: Message, request: RuntimeRequest, ctx: PolicyContext): ExpressionScope {
  const values = ctx.connection.values;
  return {
    header: (name) => message.headers.get(name) ?? undefined,
    queryParameter: (name) => request.query.get(name) ?? undefined,
    connectionParameter: (name) => connectionParameterValue(values, name),
    body: () => bodyValue(message.body),
    item: () => undefined,
    triggerBody: () => undefined,
    originalMethod: () => ctx.operation.method.toUpperCase(),
  };
}

/**
 * The connection value `@connectionParameters('name')` reads: the parameter with exactly that name,
 * else the first whose name differs only in letter case, else undefined (the expression's default
 * applies). The platform resolves names without regard to case: the certified Easyvista connector
 * reads `Host` for its `host` parameter, and Tulip `factoryURL` for `factoryUrl`.
 *
 * @example
 * connectionParameterValue({ host: 'acme.easyvista.com' }, 'Host'); // 'acme.easyvista.com'
 */
export function connectionParameterValue(
  values: Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  if (Object.hasOwn(values, name)) return values[name];
  const lower = name.toLowerCase();
  for (const key in values) if (Object.hasOwn(values, key) && key.toLowerCase() === lower) return values[key];
  return undefined;
}
