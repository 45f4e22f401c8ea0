import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import name from './connection-parameter-name.ts';
import sets from './connection-parameter-sets.ts';
import setsMixed from './connection-parameter-sets-mixed.ts';
import type from './connection-parameter-type.ts';
import uiDefinition from './connection-parameter-ui-definition.ts';

const ui = { displayName: 'API key', description: 'The API key for this service.' };
const files = (properties: Record<string, unknown>) => ({
  swagger: swagger(),
  apiProperties: { properties: { iconBrandColor: '#123456', ...properties } },
});
const params = (connectionParameters: Record<string, unknown>) => files({ connectionParameters });

describe('connection-parameter-name', () => {
  it('reports a name with a space', () => {
    expect(messages(name, params({ 'API Key': { type: 'securestring', uiDefinition: ui } }))).toEqual([
      'Connection parameter `API Key` has characters other than letters, digits, `_` and one `:`.',
    ]);
  });
  it('accepts plain names and OAuth sub-parameters', () => {
    const connectionParameters = { api_key: { type: 'securestring' }, 'token:TenantId': { type: 'string' } };
    expect(runRule(name, params(connectionParameters))).toEqual([]);
  });
});

describe('connection-parameter-type', () => {
  it.each([
    [{}, 'Connection parameter `p` has no `type`.'],
    [
      { type: 'oAuthSetting' },
      'Connection parameter `p` has type `oAuthSetting`; the type is case-sensitive and must be `oauthSetting`.',
    ],
    [{ type: 'password' }, 'Connection parameter `p` has unknown type `password`.'],
    [{ type: 1 }, '`type` of connection parameter `p` is an integer.'],
  ])('reports %j', (param, message) => {
    expect(messages(type, params({ p: param }))).toEqual([message]);
  });
  it('checks parameters inside parameter sets too', () => {
    const found = pointers(
      type,
      files({ connectionParameterSets: { values: [{ name: 'a', parameters: { p: { type: 'text' } } }] } }),
    );
    expect(found).toEqual(['/properties/connectionParameterSets/values/0/parameters/p/type']);
  });
  it.each(['string', 'securestring', 'int', 'bool', 'oauthSetting', 'gatewaySetting'])(
    'accepts `%s`',
    (t) => {
      expect(runRule(type, params({ p: { type: t } }))).toEqual([]);
    },
  );
});

describe('connection-parameter-ui-definition', () => {
  it('reports a visible parameter without uiDefinition or description', () => {
    const connectionParameters = {
      api_key: { type: 'securestring' },
      region: { type: 'string', uiDefinition: { displayName: 'Region' } },
    };
    expect(messages(uiDefinition, params(connectionParameters))).toEqual([
      'Connection parameter `api_key` has no `uiDefinition`; the connection dialog shows its bare name.',
      'Connection parameter `region` has no `uiDefinition.description`.',
    ]);
  });
  it('skips OAuth parameters and hidden parameters', () => {
    const connectionParameters = {
      token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2' } },
      'token:TenantId': { type: 'string', uiDefinition: { constraints: { hidden: 'true' } } },
      api_key: { type: 'securestring', uiDefinition: ui },
    };
    expect(runRule(uiDefinition, params(connectionParameters))).toEqual([]);
  });
});

describe('connection-parameter-sets', () => {
  const set = (extra: Record<string, unknown> = {}) => ({
    name: 'apiKey',
    uiDefinition: { displayName: 'API key', description: 'Use an API key.' },
    parameters: { api_key: { type: 'securestring' } },
    ...extra,
  });
  const withSets = (value: unknown) => files({ connectionParameterSets: value });
  it('reports a missing picker text and an empty values array', () => {
    expect(messages(sets, withSets({ values: [] }))).toEqual([
      '`connectionParameterSets` has no `uiDefinition.displayName` or `uiDefinition.description` for the authentication-type picker.',
      '`connectionParameterSets.values` must be a non-empty array of parameter sets.',
    ]);
  });
  it('reports sets without name, display name or parameters, and duplicate names', () => {
    const value = {
      uiDefinition: { displayName: 'Authentication type', description: 'Choose one.' },
      values: [set(), set(), { parameters: 'x' }],
    };
    expect(messages(sets, withSets(value))).toEqual([
      'Parameter set name `apiKey` is used twice.',
      'Parameter set 2 has no `name`.',
      'Parameter set 2 has no `uiDefinition.displayName`.',
      '`parameters` of parameter set 2 is a string; it must be an object.',
    ]);
  });
  it('reports a value that is not an object', () => {
    expect(messages(sets, withSets([]))).toEqual([
      '`connectionParameterSets` is an array; it must be an object.',
    ]);
  });
  it('accepts the documented shape, with `displayname` in any case', () => {
    const value = {
      uiDefinition: { displayname: 'Authentication type', description: 'Choose one.' },
      values: [set(), set({ name: 'basic' })],
    };
    expect(runRule(sets, withSets(value))).toEqual([]);
  });
});

describe('connection-parameter-sets-mixed', () => {
  const value = { values: [{ name: 'a', parameters: { api_key: { type: 'securestring' } } }] };
  it('reports top-level parameters next to parameter sets', () => {
    const found = runRule(
      setsMixed,
      files({ connectionParameters: { token: { type: 'string' } }, connectionParameterSets: value }),
    );
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/^`connectionParameters` \(`token`\) is filled/),
    ]);
    expect(found[0]?.pointer).toBe('/properties/connectionParameters');
  });
  it('accepts empty top-level parameters', () => {
    expect(runRule(setsMixed, files({ connectionParameters: {}, connectionParameterSets: value }))).toEqual(
      [],
    );
  });
});
