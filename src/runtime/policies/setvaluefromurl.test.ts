import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import type { RuntimeRequest, RuntimeResponse } from '../types.ts';
import setvaluefromurl from './setvaluefromurl.ts';
import {
  compiled,
  diagnosticsOf,
  fakeContext,
  instance,
  instancesFrom,
  request,
  response,
} from './testing.ts';

const docExample = {
  parameterTemplate: "@headers('location')",
  parameterValueUrl: '/v1.0/TestAPI/tasks/{id}/foo',
  parameterValuePathTemplate: '@body().peopleObject.location',
};

async function run(params: Record<string, string>, answer: (r: RuntimeRequest) => RuntimeResponse) {
  const req = request({
    method: 'PATCH',
    headers: { Authorization: 'Bearer t', 'Content-Length': '12' },
    json: { a: 1 },
  });
  const ctx = fakeContext({ request: req, pathValues: { id: 'task 1' }, respond: answer });
  await compiled(setvaluefromurl, instance('setvaluefromurl', params)).request?.(req, ctx);
  return { req, sent: ctx.sent };
}

describe('setvaluefromurl', () => {
  it('stores a value of the sub-call answer in a header (documentation example)', async () => {
    const { req, sent } = await run(docExample, () =>
      response(200, { peopleObject: { location: 'USA', age: 3 } }),
    );
    expect(req.headers.get('location')).toBe('USA');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'GET',
      baseUrl: 'https://api.contoso.com/v1',
      path: '/v1.0/TestAPI/tasks/task%201/foo',
    });
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer t');
    expect(sent[0]?.headers.has('content-length')).toBe(false);
    expect(sent[0]?.body).toEqual({ kind: 'none' });
  });

  it('stores a value in a query parameter (Facebook)', async () => {
    const { req, sent } = await run(
      {
        parameterTemplate: "@queryParameters('access_token')",
        parameterValueUrl: '/{id}?fields=access_token',
        parameterValuePathTemplate: '@body().access_token',
      },
      () => response(200, { access_token: 'page-token' }),
    );
    expect(req.query.get('access_token')).toBe('page-token');
    expect(sent[0]?.query.get('fields')).toBe('access_token');
  });

  it('reads a bracketed name from a text JSON answer (Planner If-Match)', async () => {
    const [planner] = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplate-operationName': ['UpdateTask_V3', 'UnassignUsers', 'AssignUsers', 'DeleteTask'],
          'x-ms-apimTemplateParameter.parameterTemplate': "@headers('If-Match')",
          'x-ms-apimTemplateParameter.parameterValueUrl': '/v1.0/planner/tasks/{id}',
          'x-ms-apimTemplateParameter.parameterValuePathTemplate': "@body()['@odata.etag']",
          'x-ms-apimTemplateParameter.httpMethod': 'GET',
          'x-ms-apimTemplate-policySection': 'Request',
        },
        templateId: 'SetValueFromUrl',
        title: 'Set If-Match header for update task',
      },
    ]);
    const req = request({ method: 'PATCH' });
    const ctx = fakeContext({
      request: req,
      operationId: 'UpdateTask_V3',
      pathValues: { id: 'T1' },
      respond: () => ({
        status: 200,
        headers: new Headers(),
        body: { kind: 'text', text: '{"@odata.etag":"W/\\"x\\""}' },
      }),
    });
    await compiled(setvaluefromurl, planner!).request?.(req, ctx);
    expect(req.headers.get('if-match')).toBe('W/"x"');
    expect(ctx.sent[0]?.path).toBe('/v1.0/planner/tasks/T1');
  });

  it('fails naming the status when the sub-call does not succeed', async () => {
    const error = await run(docExample, () => response(403)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).code).toBe('POLICY_FAILED');
    expect((error as FlowportError).message).toContain('answered 403');
  });

  it('fails when the answer has nothing at the value path', async () => {
    const error = await run(docExample, () => response(200, { other: 1 })).catch((e: unknown) => e);
    expect((error as FlowportError).message).toContain('@body().peopleObject.location');
  });

  it('uses the method it is given', async () => {
    const { sent } = await run({ ...docExample, httpMethod: 'POST' }, () =>
      response(200, { peopleObject: { location: 'x' } }),
    );
    expect(sent[0]?.method).toBe('POST');
  });

  for (const [name, p] of [
    [
      'a destination that is not a header or query parameter',
      { ...docExample, parameterTemplate: '@body().x' },
    ],
    ['a missing URL', { parameterTemplate: "@headers('a')", parameterValuePathTemplate: '@body().a' }],
    ['a missing value path', { parameterTemplate: "@headers('a')", parameterValueUrl: '/a' }],
    ['an unknown method', { ...docExample, httpMethod: 'FETCH' }],
    [
      'a query destination in the Response section',
      {
        ...docExample,
        parameterTemplate: "@queryParameters('a')",
        'x-ms-apimTemplate-policySection': 'Response',
      },
    ],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(setvaluefromurl, instance('setvaluefromurl', p))).toHaveLength(1);
    });
  }
});
