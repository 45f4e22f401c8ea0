import { describe, expect, it } from 'vitest';
import setheader from './setheader.ts';
import {
  compiled,
  diagnosticsOf,
  fakeContext,
  instance,
  instancesFrom,
  request,
  response,
} from './testing.ts';

async function setRequestHeader(
  params: Record<string, string>,
  headers: Record<string, string> = { test: 'foo' },
) {
  const req = request({ headers });
  const ctx = fakeContext({ request: req, connection: { cat: 'bar', apiKey: 'k3y' } });
  await compiled(setheader, instance('setheader', params)).request?.(req, ctx);
  return req.headers;
}

describe('setheader', () => {
  const docs: [string, string, string][] = [
    ["@headers('test')moo", 'test', 'foomoo'],
    ["moo@headers('test')", 'test', 'moofoo'],
    ["@connectionParameters('cat','')", 'cat', 'bar'],
    ["@connectionParameters('name','')", 'name', ''],
  ];
  for (const [value, name, expected] of docs) {
    it(`sets header \`${name}\` to ${JSON.stringify(expected)} for the documented value ${value}`, async () => {
      const headers = await setRequestHeader({ name, value, 'x-ms-apimTemplate-policySection': 'Request' });
      expect(headers.get(name)).toBe(expected);
    });
  }

  const actions: [string, string | undefined, string][] = [
    ['override replaces the existing value', 'override', 'new'],
    ['the default action overrides', undefined, 'new'],
    ['skip keeps the existing value', 'skip', 'old'],
    ['append joins with a comma and a space', 'append', 'old, new'],
    ['actions are read without case', 'Append', 'old, new'],
  ];
  for (const [name, existsAction, expected] of actions) {
    it(name, async () => {
      const params: Record<string, string> = { name: 'x-tag', value: 'new' };
      if (existsAction) params.existsAction = existsAction;
      expect((await setRequestHeader(params, { 'x-tag': 'old' })).get('x-tag')).toBe(expected);
    });
  }

  it('sets an absent header with skip and append', async () => {
    expect((await setRequestHeader({ name: 'a', value: '1', existsAction: 'skip' }, {})).get('a')).toBe('1');
    expect((await setRequestHeader({ name: 'a', value: '1', existsAction: 'append' }, {})).get('a')).toBe(
      '1',
    );
  });

  it('runs in the Request section when the section is omitted', () => {
    expect(compiled(setheader, instance('setheader', { name: 'a', value: 'b' })).section).toBe('request');
  });

  it('sets a response header in the Response section, reading response headers', async () => {
    // GetAccept sets a response header; @headers() reads the response there (DECIDE 6).
    const policy = compiled(
      setheader,
      instance('setheader', {
        name: 'Content-Type',
        value: "@headers('x-type', 'application/json')",
        'x-ms-apimTemplate-policySection': 'Response',
      }),
    );
    expect(policy.section).toBe('response');
    expect(policy.request).toBeUndefined();
    const res = response(200, {}, { 'x-type': 'text/plain' });
    await policy.response?.(res, fakeContext());
    expect(res.headers.get('content-type')).toBe('text/plain');
  });

  it('runs in the Failure section when asked, in any case', () => {
    const policy = compiled(
      setheader,
      instance('setheader', { name: 'a', value: 'b', 'x-ms-apimTemplate-policySection': 'FAILURE' }),
    );
    expect(policy.section).toBe('failure');
    expect(policy.response).toBeDefined();
  });

  it('compiles the DeskDirector authorization header and uses the connection key', async () => {
    const [deskDirector] = instancesFrom([
      {
        templateId: 'setheader',
        title: 'Set Authorization header',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'Authorization',
          'x-ms-apimTemplateParameter.value': "DdApi @connectionParameters('apiKey')",
          'x-ms-apimTemplateParameter.existsAction': 'override',
          'x-ms-apimTemplate-policySection': 'Request',
        },
      },
    ]);
    const req = request({ headers: { Authorization: 'Bearer from-connection' } });
    await compiled(setheader, deskDirector!).request?.(req, fakeContext({ connection: { apiKey: 'k3y' } }));
    expect(req.headers.get('authorization')).toBe('DdApi k3y');
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ['a missing name', { value: 'x' }, 'POLICY_INVALID', '/parameters'],
    ['a missing value', { name: 'x' }, 'POLICY_INVALID', '/parameters'],
    [
      'a name that is not text',
      { name: 42, value: 'x' },
      'POLICY_INVALID',
      '/parameters/x-ms-apimTemplateParameter.name',
    ],
    [
      'an invalid header name',
      { name: 'Bad Name', value: 'x' },
      'POLICY_INVALID',
      '/parameters/x-ms-apimTemplateParameter.name',
    ],
    [
      'an unknown exists action',
      { name: 'a', value: 'x', existsAction: 'merge' },
      'POLICY_INVALID',
      '/parameters/x-ms-apimTemplateParameter.existsAction',
    ],
    [
      'an unknown section',
      { name: 'a', value: 'x', 'x-ms-apimTemplate-policySection': 'Later' },
      'POLICY_INVALID',
      '/parameters/x-ms-apimTemplate-policySection',
    ],
    [
      'a bad expression',
      { name: 'a', value: "@headers('a'" },
      'EXPRESSION_INVALID',
      '/parameters/x-ms-apimTemplateParameter.value',
    ],
  ];
  for (const [name, params, code, pointer] of bad) {
    it(`reports ${name} with the instance pointer and compiles nothing`, () => {
      const diagnostics = diagnosticsOf(setheader, instance('setheader', params as Record<string, string>));
      expect(diagnostics[0]?.code).toBe(code);
      expect(diagnostics[0]?.pointer).toBe(`/properties/policyTemplateInstances/0${pointer}`);
      expect(diagnostics[0]?.message).toMatch(/^Policy `Test setheader` \(`setheader`\) .*\.$/);
    });
  }
});
