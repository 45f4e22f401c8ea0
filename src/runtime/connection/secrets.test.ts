import { describe, expect, it } from 'vitest';
import { connectorWithParameters, swaggerWith, testConnector } from './_test-connector.ts';
import { maskSecrets, secretValues } from './secrets.ts';

const secure = { type: 'securestring' };
const text = { type: 'string' };

describe('secretValues', () => {
  it.each([
    [
      'securestring values, not plain ones',
      connectorWithParameters({ api_key: secure, hostName: text }),
      { api_key: 'key-123', hostName: 'acme.example.com' },
      ['key-123'],
    ],
    [
      '`password` and `api_key` even when declared as `string`',
      connectorWithParameters({ api_key: text, password: text, region: text }),
      { api_key: 'key-123', password: 'pw-456', region: 'eu' },
      ['key-123', 'pw-456'],
    ],
    [
      'a `string` parameter an `apiKey` definition reads',
      connectorWithParameters(
        { accountToken: text, region: text },
        { securityDefinitions: { 'Account Token': { type: 'apiKey', in: 'header', name: 'X-Token' } } },
      ),
      { accountToken: 'acct-789', region: 'eu' },
      ['acct-789'],
    ],
    [
      'the base64 basic credentials of `username` and `password`',
      connectorWithParameters({ username: text, password: secure }),
      { username: 'ada', password: 'pw-456' },
      ['pw-456', Buffer.from('ada:pw-456').toString('base64')],
    ],
    [
      'a `token:clientSecret` sub-parameter',
      connectorWithParameters({
        token: { type: 'oauthSetting' },
        'token:clientSecret': text,
        'token:region': text,
      }),
      { 'token:clientSecret': 'cs-000', 'token:region': 'eu' },
      ['cs-000'],
    ],
  ])('lists %s', (_, connector, values, expected) => {
    expect(secretValues(connector, { values })).toEqual(expected);
  });

  it('lists only the chosen set', () => {
    const c = testConnector(swaggerWith(), {
      connectionParameterSets: {
        values: [
          { name: 'a', parameters: { api_key: secure } },
          { name: 'b', parameters: { other: text } },
        ],
      },
    });
    expect(secretValues(c, { parameterSet: 'b', values: { other: 'visible' } })).toEqual([]);
  });

  it('lists every value when the set name is invalid, so an error report leaks nothing', () => {
    const c = testConnector(swaggerWith(), {
      connectionParameterSets: { values: [{ name: 'a', parameters: { api_key: secure } }] },
    });
    expect(secretValues(c, { parameterSet: 'zzz', values: { api_key: 'key-123' } })).toEqual(['key-123']);
  });
});

describe('maskSecrets', () => {
  it.each([
    ['a secret in a header line', 'x-api-key: key-123', ['key-123'], 'x-api-key: ***'],
    ['every occurrence', 'key-123 and key-123', ['key-123'], '*** and ***'],
    ['a percent-encoded secret in a URL', 'GET /items?key=a%2Fb%20c', ['a/b c'], 'GET /items?key=***'],
    ['a form-encoded secret in a body', 'key=a%2Fb+c&x=1', ['a/b c'], 'key=***&x=1'],
    ['the longer secret first', 'abcdef', ['abcd', 'abcdef'], '***'],
    ['characters special in regular expressions', 'k=(a+b)*', ['(a+b)*'], 'k=***'],
    ['secrets shorter than four characters are left alone', 'a b c', ['a'], 'a b c'],
    [
      'a bearer token in an Authorization header',
      'authorization: Bearer eyJ0eXAi.x.y',
      [],
      'authorization: Bearer ***',
    ],
    [
      'basic credentials in a JSON dump',
      '{"Authorization":"Basic YWRhOnB3"}',
      [],
      '{"Authorization":"Basic ***"}',
    ],
    ['an Authorization header without a scheme', 'Authorization: Token-abc123', [], 'Authorization: ***'],
    ['a bearer token in free text', 'sent Bearer abcdefgh12345 upstream', [], 'sent Bearer *** upstream'],
    ['not the word basic in prose', 'Basic authentication failed', [], 'Basic authentication failed'],
  ])('masks %s', (_, input, secrets, expected) => {
    expect(maskSecrets(input, secrets)).toBe(expected);
  });

  it('masks a whole request dump', () => {
    const connector = connectorWithParameters({ username: text, password: secure });
    const secrets = secretValues(connector, { values: { username: 'ada', password: 'pw-456' } });
    const basic = Buffer.from('ada:pw-456').toString('base64');
    const dump = `POST https://api.example.com/login?p=pw-456\nx-basic: ${basic}\n\n{"password":"pw-456"}`;
    const masked = maskSecrets(dump, secrets);
    expect(masked).not.toContain('pw-456');
    expect(masked).not.toContain(basic);
    expect(masked).toBe('POST https://api.example.com/login?p=***\nx-basic: ***\n\n{"password":"***"}');
  });
});
