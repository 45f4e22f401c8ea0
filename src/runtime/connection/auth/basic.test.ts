import { describe, expect, it } from 'vitest';
import {
  connectorWithParameters,
  flowportErrorOf,
  swaggerWith,
  testConnector,
  testRequest,
} from '../_test-connector.ts';
import { resolveAuth } from '../auth.ts';
import { basicCredentials } from './basic.ts';

const basicDefinition = { securityDefinitions: { basic_auth: { type: 'basic' } } };

describe('basic authentication', () => {
  it.each([
    ['ASCII credentials', 'ada', 'pw', 'Basic YWRhOnB3'],
    [
      'UTF-8 credentials',
      'zoë',
      'pässword',
      `Basic ${Buffer.from('zoë:pässword', 'utf8').toString('base64')}`,
    ],
    ['an empty password', 'ada', '', 'Basic YWRhOg=='],
  ])('encodes %s', (_, username, password, header) => {
    expect(basicCredentials(username, password)).toBe(header);
  });

  it.each([
    ['`string` user name', { username: { type: 'string' }, password: { type: 'securestring' } }],
    [
      '`securestring` user name (AvePoint)',
      { username: { type: 'securestring' }, password: { type: 'securestring' } },
    ],
  ])('sends `Authorization: Basic` for a %s', async (_, parameters) => {
    const connector = connectorWithParameters(parameters, basicDefinition);
    const auth = resolveAuth(connector, { values: { username: 'ada', password: 'pw' } });
    expect(auth.kind).toBe('basic');
    const request = testRequest();
    await auth.apply(request, connector.operations[0]!);
    expect(request.headers.get('Authorization')).toBe('Basic YWRhOnB3');
  });

  it('applies to a multi-auth set with `username` and `password` even without a basic definition', async () => {
    // certified-connectors/AvePoint Cloud Governance: sets `oauth` (aad) and `basic`.
    const connector = testConnector(swaggerWith(), {
      connectionParameterSets: {
        values: [
          { name: 'oauth', parameters: { token: { type: 'oauthSetting' } } },
          {
            name: 'basic',
            parameters: { username: { type: 'securestring' }, password: { type: 'securestring' } },
          },
        ],
      },
    });
    const auth = resolveAuth(connector, {
      parameterSet: 'basic',
      values: { username: 'ada', password: 'pw' },
    });
    expect(auth.kind).toBe('basic');
    const request = testRequest();
    await auth.apply(request, connector.operations[0]!);
    expect(request.headers.get('Authorization')).toBe('Basic YWRhOnB3');
  });

  it('does not apply, and warns, when the parameters lack `username` and `password`', () => {
    const connector = connectorWithParameters({ login: { type: 'string' } }, basicDefinition);
    const auth = resolveAuth(connector, { values: { login: 'ada' } });
    expect(auth.kind).toBe('none');
    expect(auth.warnings).toEqual([
      'The swagger declares `basic` security but the connection parameters lack `username` and `password`; no credentials are sent.',
    ]);
  });

  it('refuses a user name with a colon', async () => {
    const connector = connectorWithParameters(
      { username: { type: 'string' }, password: { type: 'securestring' } },
      basicDefinition,
    );
    const error = await flowportErrorOf(() =>
      resolveAuth(connector, { values: { username: 'a:b', password: 'pw' } }),
    );
    expect(error.code).toBe('CONNECTION_INVALID');
    expect(error.message).not.toContain('pw');
  });
});
