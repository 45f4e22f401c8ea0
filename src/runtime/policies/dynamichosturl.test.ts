import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import dynamichosturl from './dynamichosturl.ts';
import { compiled, diagnosticsOf, fakeContext, instance, request } from './testing.ts';

async function baseUrl(urlTemplate: string, template = dynamichosturl): Promise<string> {
  const req = request({ headers: { test: 'foo', port: '1234' }, query: { domain: 'pqr' } });
  const ctx = fakeContext({
    request: req,
    connection: {
      cat: 'bar',
      subPath: 'path',
      subdomain: 'acme',
      host: 'api.deepl.com/v2',
      url: 'http://x.test/',
    },
  });
  await compiled(template, instance(template.id, { urlTemplate })).request?.(req, ctx);
  return req.baseUrl;
}

describe('dynamichosturl', () => {
  const cases: [string, string, string][] = [
    [
      'the first documented example',
      "https://@header('test').abc.xyz:@header('port')",
      'https://foo.abc.xyz:1234',
    ],
    [
      'a host from a connection parameter',
      "https://@connectionParameters('cat').abc.xyz",
      'https://bar.abc.xyz',
    ],
    [
      'header, query and connection values together',
      "https://@header('test').abc.@queryParameters('domain')/@connectionParameters('subPath')",
      'https://foo.abc.pqr/path',
    ],
    [
      'a default for a missing header',
      "https://@header('test123','default').abc.xyz",
      'https://default.abc.xyz',
    ],
    [
      'a base path in the template (DeepL)',
      "https://@connectionParameters('host')",
      'https://api.deepl.com/v2',
    ],
    [
      'a value without a scheme gets https',
      "@connectionParameters('cat').example.com",
      'https://bar.example.com',
    ],
    ['a trailing slash is trimmed', "@connectionParameters('url')", 'http://x.test'],
    [
      'a parameter named in another case (Easyvista reads `Host` for `host`)',
      "https://@connectionParameters('Host')",
      'https://api.deepl.com/v2',
    ],
    ['a constant host (Cradl AI)', 'https://auth.lucidtech.ai', 'https://auth.lucidtech.ai'],
  ];
  for (const [name, template, expected] of cases) {
    it(`replaces the base URL: ${name}`, async () => {
      expect(await baseUrl(template)).toBe(expected);
    });
  }

  it('fails without echoing the value when the result has no host', async () => {
    const error = await baseUrl("https://@connectionParameters('absent')").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).code).toBe('POLICY_FAILED');
    expect((error as FlowportError).message).toContain("@connectionParameters('absent')");
  });

  it('accepts the Request section written by two corpus connectors', () => {
    expect(
      compiled(
        dynamichosturl,
        instance('dynamichosturl', {
          urlTemplate: 'https://a.b',
          'x-ms-apimTemplate-policySection': 'Request',
        }),
      ).section,
    ).toBe('request');
  });

  for (const [name, params] of [
    ['a missing template', {}],
    ['an empty template', { urlTemplate: '' }],
    ['a bad expression', { urlTemplate: "https://@connectionParameters('a'" }],
    ['a Response section', { urlTemplate: 'https://a.b', 'x-ms-apimTemplate-policySection': 'Response' }],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(dynamichosturl, instance('dynamichosturl', params))).toHaveLength(1);
    });
  }
});
