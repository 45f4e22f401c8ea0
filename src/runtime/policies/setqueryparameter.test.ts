import { describe, expect, it } from 'vitest';
import setqueryparameter from './setqueryparameter.ts';
import { compiled, diagnosticsOf, fakeContext, instance, instancesFrom, request } from './testing.ts';

async function run(params: Record<string, string>, query: Record<string, string> = { domain: 'pqr' }) {
  const req = request({ query });
  await compiled(setqueryparameter, instance('setqueryparameter', params)).request?.(
    req,
    fakeContext({ request: req, connection: { cat: 'bar' } }),
  );
  return req.query;
}

describe('setqueryparameter', () => {
  const docs: [string, string][] = [
    ["@connectionParameters('cat')", 'bar'],
    ["@queryParameters('domain')@connectionParameters('cat')", 'pqrbar'],
    ["@connectionParameters('dog','default')", 'default'],
  ];
  for (const [value, expected] of docs) {
    it(`sets domain=${expected} for the documented value ${value}`, async () => {
      expect((await run({ name: 'domain', value })).get('domain')).toBe(expected);
    });
  }

  it('supplies a default with skip and keeps a caller value', async () => {
    expect((await run({ name: '$top', value: '50', existsAction: 'skip' }, {})).get('$top')).toBe('50');
    expect((await run({ name: '$top', value: '50', existsAction: 'skip' }, { $top: '5' })).get('$top')).toBe(
      '5',
    );
  });

  it('appends with a comma and no space', async () => {
    expect((await run({ name: 'domain', value: 'x', existsAction: 'append' })).get('domain')).toBe('pqr,x');
  });

  it('applies the Planner ListGroups filter only to its operation', async () => {
    const [filter] = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplate-operationName': ['ListGroups'],
          'x-ms-apimTemplateParameter.name': '$filter',
          'x-ms-apimTemplateParameter.value': "groupTypes/any(c:c eq 'Unified')",
        },
        templateId: 'setQueryParameter',
        title: 'Set $filter query parameter for groups',
      },
    ]);
    const policy = compiled(setqueryparameter, filter!);
    expect(policy.appliesTo('ListGroups')).toBe(true);
    expect(policy.appliesTo('listgroups')).toBe(false);
    expect(policy.appliesTo(undefined)).toBe(false);
    const req = request();
    await policy.request?.(req, fakeContext({ request: req, operationId: 'ListGroups' }));
    expect(req.query.get('$filter')).toBe("groupTypes/any(c:c eq 'Unified')");
  });

  it('refuses a Response section', () => {
    const [d] = diagnosticsOf(
      setqueryparameter,
      instance('setqueryparameter', { name: 'a', value: 'b', 'x-ms-apimTemplate-policySection': 'Response' }),
    );
    expect(d?.message).toContain('does not support');
  });

  for (const [name, params] of [
    ['a missing name', { value: 'x' }],
    ['a missing value', { name: 'x' }],
    ['a value that is not text', { name: 'x', value: 3 }],
    ['a bad expression', { name: 'x', value: "@connectionParameters('a', 'b', 'c')" }],
  ] as const) {
    it(`reports ${name}`, () => {
      const diagnostics = diagnosticsOf(setqueryparameter, instance('setqueryparameter', params));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]?.pointer).toMatch(/^\/properties\/policyTemplateInstances\/0\/parameters/);
    });
  }
});
