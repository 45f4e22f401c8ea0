import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import { FlowportError } from '../../errors.ts';
import { baseUrlOf, overrideBaseUrl } from './base-url.ts';

function connector(keys: JsonObject) {
  const swagger = { swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, ...keys };
  return connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) },
  ]);
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof FlowportError) return error.code;
    throw error;
  }
  return undefined;
}

describe('baseUrlOf', () => {
  const cases: Array<{ name: string; keys: JsonObject; url: string }> = [
    {
      name: 'https is preferred when listed',
      keys: { host: 'api.x.com', schemes: ['http', 'https'], basePath: '/v1' },
      url: 'https://api.x.com/v1',
    },
    {
      name: 'the first scheme is used otherwise',
      keys: { host: 'api.x.com', schemes: ['http'] },
      url: 'http://api.x.com',
    },
    { name: 'https is the default', keys: { host: 'api.x.com' }, url: 'https://api.x.com' },
    {
      name: 'a `/` basePath adds nothing',
      keys: { host: 'api.x.com', basePath: '/' },
      url: 'https://api.x.com',
    },
    {
      name: 'a trailing slash is dropped',
      keys: { host: 'api.x.com', basePath: '/v1/' },
      url: 'https://api.x.com/v1',
    },
    {
      name: 'a basePath without a leading slash gets one',
      keys: { host: 'api.x.com', basePath: 'v1' },
      url: 'https://api.x.com/v1',
    },
    { name: 'a port is kept', keys: { host: 'api.x.com:8443' }, url: 'https://api.x.com:8443' },
  ];
  it.each(cases)('$name', ({ keys, url }) => {
    expect(baseUrlOf(connector(keys))).toBe(url);
  });

  it('asks for `--base-url` when there is no host', () => {
    expect(codeOf(() => baseUrlOf(connector({})))).toBe('USAGE');
    expect(() => baseUrlOf(connector({}))).toThrow('`--base-url');
  });

  it('refuses a host with credentials', () => {
    expect(codeOf(() => baseUrlOf(connector({ host: 'user:pw@api.x.com' })))).toBe('USAGE');
  });
});

describe('overrideBaseUrl', () => {
  const cases: Array<{ name: string; input: string; url?: string }> = [
    { name: 'strips a trailing slash', input: 'http://localhost:4010/', url: 'http://localhost:4010' },
    {
      name: 'keeps a path',
      input: 'https://mock.example.com/api/v2/',
      url: 'https://mock.example.com/api/v2',
    },
    { name: 'refuses another scheme', input: 'ftp://x.com' },
    { name: 'refuses a relative URL', input: '/api' },
    { name: 'refuses credentials', input: 'https://u:p@x.com' },
    { name: 'refuses a query', input: 'https://x.com/?a=1' },
  ];
  it.each(cases)('$name', ({ input, url }) => {
    if (url) expect(overrideBaseUrl(input)).toBe(url);
    else expect(codeOf(() => overrideBaseUrl(input))).toBe('USAGE');
  });
});
