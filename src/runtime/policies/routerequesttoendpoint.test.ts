import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import routerequesttoendpoint from './routerequesttoendpoint.ts';
import { compiled, diagnosticsOf, fakeContext, instance, instancesFrom, request } from './testing.ts';

async function route(params: Record<string, string>, pathValues: Record<string, string> = { id: '7' }) {
  const req = request({
    method: 'PATCH',
    baseUrl: 'https://test.abc.xyz',
    path: '/v2/get/7',
    headers: { test: 'foo' },
    query: { version: 'v2', keep: 'me' },
  });
  await compiled(routerequesttoendpoint, instance('routerequesttoendpoint', params)).request?.(
    req,
    fakeContext({ request: req, pathValues, connection: { username: 'a b' }, method: 'patch' }),
  );
  return req;
}

describe('routerequesttoendpoint', () => {
  const docs: [string, string][] = [
    ['/get/{id}', '/get/7'],
    ["/@queryParameters('version')/get/{id}", '/v2/get/7'],
    ["/@header('version','v1')/get/{id}", '/v1/get/7'],
  ];
  for (const [newPath, expected] of docs) {
    it(`routes to ${expected} for the documented path ${newPath}`, async () => {
      expect((await route({ newPath })).path).toBe(expected);
    });
  }

  it('encodes placeholder and expression values as path segments', async () => {
    expect((await route({ newPath: '/users/{id}/x' }, { id: 'a/b c' })).path).toBe('/users/a%2Fb%20c/x');
    expect((await route({ newPath: "/v1/users/@connectionParameters('username')" })).path).toBe(
      '/v1/users/a%20b',
    );
  });

  it('adds the missing leading slash (AzureAD)', async () => {
    expect((await route({ newPath: 'v1.0/users/{id}/checkMemberGroups' })).path).toBe(
      '/v1.0/users/7/checkMemberGroups',
    );
  });

  it('merges a query in the new path into the request query (HYAS)', async () => {
    const req = await route({ newPath: "/c2attribution?@queryParameters('version')=x%26y&keep=new" });
    expect(req.path).toBe('/c2attribution');
    expect(req.query.get('v2')).toBe('x&y');
    expect(req.query.get('keep')).toBe('new');
    expect(req.query.get('version')).toBe('v2');
  });

  it('keeps the method for @Request.OriginalHTTPMethod and changes it when named', async () => {
    expect((await route({ newPath: '/a', httpMethod: '@Request.OriginalHTTPMethod' })).method).toBe('PATCH');
    expect((await route({ newPath: '/a' })).method).toBe('PATCH');
    expect((await route({ newPath: '/a', httpMethod: 'post' })).method).toBe('POST');
  });

  it('routes the Planner versioned operations to the same Graph endpoint', async () => {
    const [planner] = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplate-operationName': ['GetTask_V2', 'UpdateTask_V3', 'UnassignUsers', 'AssignUsers'],
          'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
          'x-ms-apimTemplateParameter.newPath': '/v1.0/planner/tasks/{id}',
        },
        templateId: 'routerequesttoendpoint',
        title: 'Redirect to Task API',
      },
    ]);
    const policy = compiled(routerequesttoendpoint, planner!);
    expect(policy.appliesTo('UpdateTask_V3')).toBe(true);
    expect(policy.appliesTo('GetTask')).toBe(false);
    const req = request({ path: '/v2/tasks/abc' });
    await policy.request?.(
      req,
      fakeContext({ request: req, operationId: 'UpdateTask_V3', pathValues: { id: 'abc' } }),
    );
    expect(req.path).toBe('/v1.0/planner/tasks/abc');
  });

  it('fails on a placeholder the operation does not have', async () => {
    const error = await route({ newPath: '/{userId}/feed' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).message).toContain('`{userId}`');
  });

  for (const [name, params] of [
    ['a missing path', { httpMethod: 'GET' }],
    ['an unknown method', { newPath: '/a', httpMethod: 'FETCH' }],
    ['a misspelt function (Pixela)', { newPath: "/graphs/@queryParamters('graphID')/pixels" }],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(routerequesttoendpoint, instance('routerequesttoendpoint', params))).toHaveLength(
        1,
      );
    });
  }
});
