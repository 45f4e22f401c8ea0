import { describe, expect, it } from 'vitest';
import dynamicsubdomain from './dynamicsubdomain.ts';
import { compiled, diagnosticsOf, fakeContext, instance, request } from './testing.ts';

async function baseUrl(urlTemplate: string): Promise<string> {
  const req = request();
  const ctx = fakeContext({ request: req, connection: { subdomain: 'acme' } });
  await compiled(dynamicsubdomain, instance('dynamicsubdomain', { urlTemplate })).request?.(req, ctx);
  return req.baseUrl;
}

describe('dynamicsubdomain', () => {
  it('behaves as dynamichosturl for the AlisQI template', async () => {
    expect(await baseUrl("https://@connectionParameters('subdomain').alisqi.com/api/")).toBe(
      'https://acme.alisqi.com/api',
    );
  });

  it('reports a missing template', () => {
    expect(diagnosticsOf(dynamicsubdomain, instance('dynamicsubdomain', {}))[0]?.code).toBe('POLICY_INVALID');
  });
});
