import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger, withOperation } from '../../testing.ts';
import basePathNotValid from './base-path-not-valid.ts';
import hostNameNotValid from './host-name-not-valid.ts';
import hostNotProduction, { environmentLabel } from './host-not-production.ts';
import hostPlaceholder from './host-placeholder.ts';
import hostRequired from './host-required.ts';

const withHost = (host: unknown) => swagger({ host });

describe('host-required', () => {
  it('reports a swagger without `host` at the root', () => {
    const doc = swagger();
    delete doc.host;
    const found = runRule(hostRequired, { swagger: doc });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([['', 'The `host` property is required.']]);
  });
  it('reports an empty host', () => {
    expect(messages(hostRequired, { swagger: withHost('') })).toEqual([
      'The `host` property must not be empty.',
    ]);
  });
  it('accepts a host', () => {
    expect(messages(hostRequired, { swagger: swagger() })).toEqual([]);
  });
});

describe('host-name-not-valid', () => {
  it('reports a URL and suggests how to split it', () => {
    const [d, ...rest] = runRule(hostNameNotValid, { swagger: withHost('https://api.contoso.com/v2') });
    expect(rest).toEqual([]);
    expect([d?.pointer, d?.message, d?.fix]).toEqual([
      '/host',
      'The host `https://api.contoso.com/v2` must be a valid URI host without a scheme or path.',
      'Set `host` to `api.contoso.com`, `basePath` to `/v2` and `schemes` to `["https"]`.',
    ]);
  });
  it.each(['api.contoso.com/v2', '{tenant}.contoso.com', 'api contoso.com', 'api.contoso.com:port'])(
    'reports %j',
    (host) => {
      expect(pointers(hostNameNotValid, { swagger: withHost(host) })).toEqual(['/host']);
    },
  );
  it.each(['api.contoso.com', 'api.contoso.com:8443', '10.0.0.1', '@environmentVariables("contoso_host")'])(
    'accepts %j',
    (host) => {
      expect(messages(hostNameNotValid, { swagger: withHost(host) })).toEqual([]);
    },
  );
});

describe('host-placeholder', () => {
  it.each([
    ['The hostname of the API, e.g. github.com', 'is template text, not a host name'],
    ['localhost:8080', 'is a placeholder (`localhost`)'],
    ['127.0.0.1', 'is a loopback address'],
    ['api.contoso.com', 'is a placeholder (`contoso.com`)'],
    ['www.example.com', 'is a placeholder (`example.com`)'],
    [
      '@environmentVariables("contoso_host")',
      'uses a solution environment variable, which a certified connector cannot do',
    ],
    [
      '@environmentVariables("tenant").tasks.io',
      'uses a solution environment variable, which a certified connector cannot do',
    ],
  ])('reports %j', (host, reason) => {
    expect(messages(hostPlaceholder, { swagger: withHost(host) })).toEqual([
      `The host \`${host}\` ${reason}.`,
    ]);
  });
  it('accepts a real host', () => {
    expect(messages(hostPlaceholder, { swagger: withHost('api.tasks.io') })).toEqual([]);
  });
  it('accepts a stand-in host when a dynamichosturl policy routes every operation', () => {
    const apiProperties = {
      properties: {
        iconBrandColor: '#123456',
        policyTemplateInstances: [
          {
            templateId: 'dynamichosturl',
            parameters: { 'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('host')" },
          },
        ],
      },
    };
    const doc = withOperation({}, '/tasks', 'get', { host: 'www.example.com' });
    expect(messages(hostPlaceholder, { swagger: doc, apiProperties })).toEqual([]);
  });
});

describe('host-not-production', () => {
  it.each([
    ['api.staging.tasks.io', 'staging'],
    ['tasks-dev.azurewebsites.net', 'dev'],
    ['sandbox-api.tasks.io', 'sandbox'],
    ['sgs-test01.tasks.io', 'test01'],
  ])('warns about %j', (host, label) => {
    expect(messages(hostNotProduction, { swagger: withHost(host) })).toEqual([
      `The host \`${host}\` looks like a non-production host (\`${label}\`); staging, dev and test hosts are not allowed.`,
    ]);
  });
  it.each(['api.tasks.dev', 'developers.tasks.io', 'contest.tasks.io', 'api.tasks.io'])(
    'accepts %j',
    (host) => {
      expect(environmentLabel(host)).toBeUndefined();
      expect(messages(hostNotProduction, { swagger: withHost(host) })).toEqual([]);
    },
  );
});

describe('base-path-not-valid', () => {
  it('reports a base path without a leading slash', () => {
    const found = runRule(basePathNotValid, { swagger: swagger({ basePath: 'v1' }) });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/basePath', 'The `basePath` `v1` must start with a `/` character.'],
    ]);
  });
  it.each(['/', '/v1', '@environmentVariables("contoso_path")'])('accepts %j', (basePath) => {
    expect(messages(basePathNotValid, { swagger: swagger({ basePath }) })).toEqual([]);
  });
});
