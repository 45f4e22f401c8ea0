import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { FlowportError } from '../../errors.ts';
import type { CompiledPolicy } from '../types.ts';
import { compilePolicies } from './registry.ts';
import { runRequestPolicies, runResponsePolicies } from './run.ts';
import { fakeContext, instance, request, response } from './testing.ts';

const encoder = new TextEncoder();

/** The Cradl AI chain: OAuth client credentials built from ordered policies only (§7.1). */
const CRADL_AI = [
  [
    'setheader',
    'Set basic auth',
    { name: 'Authorization', value: "Basic @connectionParameters('api_key')", existsAction: 'override' },
  ],
  ['dynamichosturl', 'Change host to auth', { urlTemplate: 'https://auth.lucidtech.ai' }],
  [
    'setheader',
    'Set content type',
    { name: 'Content-Type', value: 'application/x-www-form-urlencoded', existsAction: 'override' },
  ],
  [
    'setvaluefromurl',
    'Authorize',
    {
      parameterTemplate: "@headers('Authorization')",
      httpMethod: 'POST',
      parameterValueUrl: '/oauth2/token?grant_type=client_credentials',
      parameterValuePathTemplate: '@body().access_token',
    },
  ],
  [
    'setheader',
    'Set auth header',
    { name: 'Authorization', value: "Bearer @headers('Authorization')", existsAction: 'override' },
  ],
  ['dynamichosturl', 'Change host back', { urlTemplate: 'https://api.lucidtech.ai/v1' }],
  [
    'setheader',
    'Set JSON content type',
    { name: 'Content-Type', value: 'application/json', existsAction: 'override' },
  ],
] as const;

function cradlPolicies(): CompiledPolicy[] {
  const entries = CRADL_AI.map(([templateId, title, params]) => ({
    templateId,
    title,
    parameters: {
      ...Object.fromEntries(Object.entries(params).map(([k, v]) => [`x-ms-apimTemplateParameter.${k}`, v])),
      'x-ms-apimTemplate-policySection': 'Request',
    },
  }));
  const connector = connectorFromFiles([
    {
      name: 'apiDefinition.swagger.json',
      bytes: encoder.encode('{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{}}'),
    },
    {
      name: 'apiProperties.json',
      bytes: encoder.encode(JSON.stringify({ properties: { policyTemplateInstances: entries } })),
    },
  ]);
  const { policies, diagnostics } = compilePolicies(connector);
  expect(diagnostics).toEqual([]);
  return policies;
}

describe('runRequestPolicies', () => {
  it('runs the Cradl AI chain in declared order, each policy seeing the ones before', async () => {
    const req = request({ baseUrl: 'https://api.lucidtech.ai/v1', path: '/documents', method: 'POST' });
    const ctx = fakeContext({
      request: req,
      connection: { api_key: 'Y2xpZW50OnNlY3JldA==' },
      respond: () => response(200, { access_token: 'tok', expires_in: 3600 }),
    });
    await runRequestPolicies(cradlPolicies(), req, ctx);
    expect(ctx.sent).toHaveLength(1);
    const sub = ctx.sent[0]!;
    expect([sub.method, sub.baseUrl, sub.path, sub.query.toString()]).toEqual([
      'POST',
      'https://auth.lucidtech.ai',
      '/oauth2/token',
      'grant_type=client_credentials',
    ]);
    expect(sub.headers.get('authorization')).toBe('Basic Y2xpZW50OnNlY3JldA==');
    expect(sub.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(req.baseUrl).toBe('https://api.lucidtech.ai/v1');
    expect(req.headers.get('authorization')).toBe('Bearer tok');
    expect(req.headers.get('content-type')).toBe('application/json');
  });

  it('skips policies for other operations and other sections', async () => {
    const policies = [
      instance('setheader', { name: 'a', value: '1' }, { operations: ['Other'] }),
      instance('setheader', { name: 'b', value: '2', 'x-ms-apimTemplate-policySection': 'Response' }),
      instance('setheader', { name: 'c', value: '3' }, { operations: ['GetItem'] }),
    ].map(compileOne);
    const req = request();
    await runRequestPolicies(policies, req, fakeContext({ request: req }));
    expect([...req.headers.keys()]).toEqual(['c']);
  });

  it('wraps an unexpected error in POLICY_FAILED naming the policy but not the error text', async () => {
    const base = compileOne(instance('setheader', { name: 'x', value: 'y' }, { title: 'Bad value' }));
    const policy: CompiledPolicy = {
      ...base,
      request: () => {
        throw new TypeError('invalid header value s3cret');
      },
    };
    const req = request();
    const error = await runRequestPolicies([policy], req, fakeContext({ request: req })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).code).toBe('POLICY_FAILED');
    expect((error as FlowportError).message).toContain('`Bad value`');
    expect((error as FlowportError).message).toContain('/properties/policyTemplateInstances/0');
    expect((error as FlowportError).message).toContain('TypeError');
    expect((error as FlowportError).message).not.toContain('s3cret');
    expect((error as FlowportError).cause).toBeInstanceOf(TypeError);
  });

  it('refuses a header value with a line break without echoing it', async () => {
    const policy = compileOne(instance('setheader', { name: 'x', value: "@connectionParameters('v')" }));
    const req = request();
    const error = await runRequestPolicies(
      [policy],
      req,
      fakeContext({ request: req, connection: { v: 'a\nb' } }),
    ).catch((e: unknown) => e);
    expect((error as FlowportError).code).toBe('POLICY_FAILED');
    expect((error as FlowportError).message).not.toContain('a\nb');
  });

  it('names the policy in a failing expression and skips it in lenient mode', async () => {
    const policy = compileOne(
      instance('setheader', { name: 'x', value: '@body().a.b' }, { title: 'Needs a' }),
    );
    const req = request({ json: {} });
    const error = await runRequestPolicies([policy], req, fakeContext({ request: req })).catch(
      (e: unknown) => e,
    );
    expect((error as FlowportError).code).toBe('POLICY_FAILED');
    expect((error as FlowportError).message).toMatch(/^Policy `Needs a` \(`setheader`\) failed: /);
    const ctx = fakeContext({ request: req });
    await runRequestPolicies([policy], req, ctx, { mode: 'lenient' });
    expect(req.headers.has('x')).toBe(false);
    expect(ctx.warnings[0]).toContain('skipped');
  });
});

describe('runResponsePolicies', () => {
  it('runs only the policies of the section it is given', async () => {
    const policies = [
      compileOne(
        instance('setheader', { name: 'r', value: '1', 'x-ms-apimTemplate-policySection': 'Response' }),
      ),
      compileOne(
        instance('setheader', { name: 'f', value: '1', 'x-ms-apimTemplate-policySection': 'Failure' }),
      ),
      compileOne(instance('setheader', { name: 'q', value: '1' })),
    ];
    const ok = response(200);
    await runResponsePolicies(policies, ok, fakeContext(), 'response');
    expect([...ok.headers.keys()]).toEqual(['r']);
    const failed = response(500);
    await runResponsePolicies(policies, failed, fakeContext(), 'failure');
    expect([...failed.headers.keys()]).toEqual(['f']);
  });
});

function compileOne(inst: ReturnType<typeof instance>): CompiledPolicy {
  const connector = connectorFromFiles([
    {
      name: 'apiDefinition.swagger.json',
      bytes: encoder.encode('{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{}}'),
    },
    {
      name: 'apiProperties.json',
      bytes: encoder.encode(JSON.stringify({ properties: { policyTemplateInstances: [inst.raw] } })),
    },
  ]);
  const [policy] = compilePolicies(connector).policies;
  if (!policy) throw new Error('did not compile');
  return policy;
}
