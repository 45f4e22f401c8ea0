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
 * `@connectionParameters()` the connection's values (`token:x` keys included).
 */
export function messageScope(message: Message, request: RuntimeRequest, ctx: PolicyContext): ExpressionScope {
  const values = ctx.connection.values;
  return {
    header: (name) => message.headers.get(name) ?? undefined,
    queryParameter: (name) => request.query.get(name) ?? undefined,
    connectionParameter: (name) => (Object.hasOwn(values, name) ? values[name] : undefined),
    body: () => bodyValue(message.body),
    item: () => undefined,
    triggerBody: () => undefined,
    originalMethod: () => ctx.operation.method.toUpperCase(),
  };
}
