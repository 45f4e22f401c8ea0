import { describe, expect, it } from 'vitest';
import { decodePageLink } from './page-link.ts';
import { compiled, diagnosticsOf, fakeContext, instance, instancesFrom, response } from './testing.ts';
import updatenextlink from './updatenextlink.ts';

describe('updatenextlink', () => {
  const [planner] = instancesFrom([
    {
      parameters: {
        'x-ms-apimTemplate-operationName': ['ListTasks_V2', 'ListTasks_V3', 'ListMyTasks_V2'],
        'x-ms-apimTemplateParameter.nextLinkPropertyName': '@odata.nextLink',
      },
      templateId: 'updatenextlink',
      title: 'Updates next link to make paging work',
    },
  ]);

  it('rewrites the Planner next link into a runtime page URL for the operation', async () => {
    const policy = compiled(updatenextlink, planner!);
    expect(policy.section).toBe('response');
    const link = 'https://graph.microsoft.com/v1.0/planner/plans/p/tasks?$skiptoken=abc';
    const res = response(200, { value: [], '@odata.nextLink': link });
    await policy.response?.(
      res,
      fakeContext({ operationId: 'ListTasks_V3', runtimeBaseUrl: 'http://localhost:7071/c/planner' }),
    );
    const rewritten =
      res.body.kind === 'json' ? (res.body.value as Record<string, string>)['@odata.nextLink'] : '';
    expect(rewritten?.startsWith('http://localhost:7071/c/planner/__page?')).toBe(true);
    expect(decodePageLink(rewritten ?? '')).toEqual({ operationId: 'ListTasks_V3', link });
  });

  it('rewrites a link under a parent path (nextLinkParentPropertyPath)', async () => {
    const policy = compiled(
      updatenextlink,
      instance('updatenextlink', {
        nextLinkPropertyName: 'nextLink',
        nextLinkParentPropertyPath: '@body().paging',
      }),
    );
    const res = response(200, { items: [], paging: { nextLink: 'https://api.almabase.com/x?page=2' } });
    await policy.response?.(res, fakeContext());
    const value =
      res.body.kind === 'json' ? (res.body.value as { paging: { nextLink: string } }).paging.nextLink : '';
    expect(decodePageLink(value)).toEqual({
      operationId: 'GetItem',
      link: 'https://api.almabase.com/x?page=2',
    });
  });

  it('leaves a last page alone', async () => {
    const res = response(200, { value: [], '@odata.nextLink': null });
    await compiled(updatenextlink, planner!).response?.(res, fakeContext());
    expect(res.body).toEqual({ kind: 'json', value: { value: [], '@odata.nextLink': null } });
  });

  it('reports a missing property name', () => {
    expect(diagnosticsOf(updatenextlink, instance('updatenextlink', {}))[0]?.message).toContain(
      'nextLinkPropertyName',
    );
  });
});
