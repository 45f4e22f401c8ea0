import { describe, expect, it } from 'vitest';
import {
  connectorWithParameters,
  flowportErrorOf,
  swaggerWith,
  testConnector,
  testRequest,
} from '../_test-connector.ts';
import { resolveAuth } from '../auth.ts';

const secure = { type: 'securestring' };
const header = (name: string) => ({ type: 'apiKey', in: 'header', name });
const query = (name: string) => ({ type: 'apiKey', in: 'query', name });

interface Case {
  readonly name: string;
  readonly parameters: Record<string, unknown>;
  readonly definitions: Record<string, unknown>;
  readonly values: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly query: string;
  readonly warnings?: RegExp;
}

const cases: Case[] = [
  {
    // certified-connectors/Actsoft: one key, a header and a query definition.
    name: 'sends `api_key` in each declared location',
    parameters: { api_key: secure },
    definitions: {
      apiKeyHeader: header('Ocp-Apim-Subscription-Key'),
      apiKeyQuery: query('subscription-key'),
    },
    values: { api_key: 'k-1' },
    headers: { 'ocp-apim-subscription-key': 'k-1' },
    query: 'subscription-key=k-1',
  },
  {
    // certified-connectors/ActiveCampaign: definition `API Key`, parameter `apiKey`.
    name: 'takes the parameter named like the definition key, ignoring case and punctuation',
    parameters: { apiKey: secure, hostName: { type: 'string' } },
    definitions: { 'API Key': header('Api-Token') },
    values: { apiKey: 'k-2', hostName: 'acme.api-us1.com' },
    headers: { 'api-token': 'k-2' },
    query: '',
  },
  {
    // certified-connectors/Fleetio: two definitions, two parameters, one of them `Authorization`.
    name: 'gives each definition its own parameter',
    parameters: { apiKey: secure, accountToken: secure },
    definitions: { 'API Key': header('Authorization'), 'Account Token': header('Account-Token') },
    values: { apiKey: 'Token abc', accountToken: 'acct' },
    headers: { authorization: 'Token abc', 'account-token': 'acct' },
    query: '',
  },
  {
    // independent-publisher-connectors/SchoolDigger: `api_key` must not shadow `app_id`.
    name: 'prefers the named parameter to `api_key`',
    parameters: { api_key: secure, app_id: secure },
    definitions: { 'API Key': query('appKey'), 'APP ID': query('appID') },
    values: { api_key: 'key', app_id: 'id' },
    headers: {},
    query: 'appKey=key&appID=id',
  },
  {
    name: 'falls back to the only securestring parameter',
    parameters: { secret: secure, host: { type: 'string' } },
    definitions: { key: header('X-Key') },
    values: { secret: 's', host: 'h' },
    headers: { 'x-key': 's' },
    query: '',
  },
  {
    // certified-connectors/HubPlanner declares an apiKey definition and no connection parameter.
    name: 'sends nothing and warns when no parameter holds the key',
    parameters: {},
    definitions: { api_key: header('Authorization') },
    values: {},
    headers: {},
    query: '',
    warnings: /`api_key` has no connection parameter to take the key from/,
  },
  {
    name: 'sends nothing for an empty optional key',
    parameters: { api_key: secure },
    definitions: { k: header('X-Key') },
    values: { api_key: '' },
    headers: {},
    query: '',
  },
  {
    name: 'warns about a definition without a location',
    parameters: { api_key: secure },
    definitions: { k: { type: 'apiKey', in: 'cookie', name: 'k' } },
    values: { api_key: 'x' },
    headers: {},
    query: '',
    warnings: /`k` needs `in`/,
  },
];

describe('API key authentication', () => {
  it.each(cases)('$name', async (c) => {
    const connector = connectorWithParameters(c.parameters, { securityDefinitions: c.definitions });
    const auth = resolveAuth(connector, { values: c.values });
    expect(auth.kind).toBe('api-key');
    const request = testRequest();
    await auth.apply(request, connector.operations[0]!);
    expect(Object.fromEntries(request.headers)).toEqual(c.headers);
    expect(request.query.toString()).toBe(c.query);
    if (c.warnings) expect(auth.warnings.join(' ')).toMatch(c.warnings);
    else expect(auth.warnings).toEqual([]);
  });

  it('sends only the definitions an operation asks for in its own `security`', async () => {
    const swagger = swaggerWith({
      securityDefinitions: { h: header('X-Key'), q: query('key') },
    }) as { paths: Record<string, { get: Record<string, unknown> }> };
    swagger.paths['/listitems']!.get.security = [{ q: [] }];
    const connector = testConnector(swagger, { connectionParameters: { api_key: secure } });
    const request = testRequest();
    await resolveAuth(connector, { values: { api_key: 'v' } }).apply(request, connector.operations[0]!);
    expect(request.headers.has('X-Key')).toBe(false);
    expect(request.query.get('key')).toBe('v');
  });

  it('puts a query key into an absolute URL', async () => {
    const connector = connectorWithParameters(
      { api_key: secure },
      { securityDefinitions: { q: query('key') } },
    );
    const request = { ...testRequest(), absoluteUrl: 'https://api.example.com/items?page=2' };
    await resolveAuth(connector, { values: { api_key: 'a b' } }).apply(request, connector.operations[0]!);
    expect(request.absoluteUrl).toBe('https://api.example.com/items?page=2&key=a+b');
    expect(request.query.toString()).toBe('');
  });

  it('refuses a header key with a line break without echoing it', async () => {
    const connector = connectorWithParameters(
      { api_key: secure },
      { securityDefinitions: { h: header('X-Key') } },
    );
    const error = await flowportErrorOf(() =>
      resolveAuth(connector, { values: { api_key: 'abc\r\nX-Evil: 1' } }),
    );
    expect(error.code).toBe('CONNECTION_INVALID');
    expect(error.message).toMatch(/`api_key` cannot be sent in header `X-Key`/);
    expect(error.message).not.toContain('abc');
  });

  it.each([
    ['a set holding `api_key`', { api_key: secure }, 'api-key', 'k'],
    ['a set without `api_key` (Open Data Network uses policies)', { token: secure }, 'none', null],
  ])('in a multi-auth connector, applies to %s', async (_, parameters, kind, sent) => {
    const connector = testConnector(
      swaggerWith({ securityDefinitions: { 'api-auth': header('X-App-Token') } }),
      {
        connectionParameterSets: { values: [{ name: 'api-auth', parameters }] },
      },
    );
    const values = Object.fromEntries(Object.keys(parameters).map((k) => [k, 'k']));
    const auth = resolveAuth(connector, { parameterSet: 'api-auth', values });
    expect(auth.kind).toBe(kind);
    const request = testRequest();
    await auth.apply(request, connector.operations[0]!);
    expect(request.headers.get('X-App-Token')).toBe(sent);
  });
});
