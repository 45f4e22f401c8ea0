import { describe, expect, it } from 'vitest';
import setconnectionstatustounauthenticated from './setconnectionstatustounauthenticated.ts';
import { compiled, diagnosticsOf, fakeContext, instance, instancesFrom, response } from './testing.ts';

describe('setconnectionstatustounauthenticated', () => {
  const [deskDirector] = instancesFrom([
    {
      templateId: 'setconnectionstatustounauthenticated',
      title: 'Set connection status to unauthenticated',
      parameters: {
        'x-ms-apimTemplate-operationName': ['TestConnection'],
        'x-ms-apimTemplateParameter.statusCode': 401,
      },
    },
  ]);

  it('marks the connection unauthenticated on the DeskDirector status and returns the response unchanged', async () => {
    const policy = compiled(setconnectionstatustounauthenticated, deskDirector!);
    expect(policy.section).toBe('response');
    expect(policy.appliesTo('TestConnection')).toBe(true);
    const ctx = fakeContext({ operationId: 'TestConnection' });
    const res = response(401, { error: 'expired' });
    await policy.response?.(res, ctx);
    expect(ctx.statuses).toEqual(['unauthenticated']);
    expect(res).toMatchObject({ status: 401, body: { kind: 'json', value: { error: 'expired' } } });
  });

  it('leaves the connection alone on other statuses', async () => {
    const ctx = fakeContext();
    await compiled(setconnectionstatustounauthenticated, deskDirector!).response?.(response(403), ctx);
    expect(ctx.statuses).toEqual([]);
  });

  it('accepts the status code written as digits in a string', () => {
    expect(
      compiled(
        setconnectionstatustounauthenticated,
        instance('setconnectionstatustounauthenticated', { statusCode: '401' }),
      ),
    ).toBeDefined();
  });

  for (const [name, p] of [
    ['a missing status code', {}],
    ['a status code that is not an integer', { statusCode: 'four' }],
    ['a status code out of range', { statusCode: 42 }],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(
        diagnosticsOf(
          setconnectionstatustounauthenticated,
          instance('setconnectionstatustounauthenticated', p),
        ),
      ).toHaveLength(1);
    });
  }
});
