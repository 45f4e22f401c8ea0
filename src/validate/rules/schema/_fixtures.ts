import { swagger, withOperation } from '../../testing.ts';

/** A swagger whose only content is `definitions.Thing`. */
export function withDefinition(schema: unknown, extra: Record<string, unknown> = {}) {
  return swagger({ definitions: { Thing: schema, ...extra } });
}

/** A `POST /tasks` operation (`CreateTask`) whose body has `schema`. */
export function withBody(schema: unknown, extra: Record<string, unknown> = {}) {
  return withOperation(
    {
      operationId: 'CreateTask',
      parameters: [{ name: 'body', in: 'body', required: true, schema }],
      responses: { '200': { description: 'OK', schema: { type: 'string' } } },
    },
    '/tasks',
    'post',
    extra,
  );
}

/** A `GET /tasks` operation (`ListTasks`) whose `200` response has `schema`. */
export function withResponse(schema: unknown, extra: Record<string, unknown> = {}) {
  return withOperation({ responses: { '200': { description: 'OK', schema } } }, '/tasks', 'get', extra);
}

/** A `GET /tasks` operation with one non-body parameter. */
export function withParameter(parameter: Record<string, unknown>) {
  return withOperation({
    parameters: [{ name: 'top', in: 'query', type: 'integer', ...parameter }],
  });
}
