import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../../errors.ts';
import type { Connection, TokenProvider } from '../../types.ts';
import {
  connectorWithParameters,
  flowportErrorOf,
  swaggerWith,
  testConnector,
  testRequest,
} from '../_test-connector.ts';
import { resolveAuth } from '../auth.ts';

const oauthParameter = { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'aad' } } };
const flow = (name: string) => ({
  securityDefinitions: {
    oauth2_auth: { type: 'oauth2', flow: name, authorizationUrl: 'https://a', tokenUrl: 'https://t' },
  },
});

/** A provider that counts calls and remembers whether a refresh was asked for. */
function recordingProvider(token = 'tok-1'): TokenProvider & { calls: { forceRefresh?: boolean }[] } {
  const calls: { forceRefresh?: boolean }[] = [];
  return {
    calls,
    getToken: async (options) => {
      calls.push({ ...options });
      return token;
    },
  };
}

describe('OAuth 2 bearer authentication', () => {
  it.each([
    // certified-connectors/Planner: an oauthSetting parameter and no securityDefinitions at all.
    ['an `oauthSetting` parameter without security definitions (Planner)', oauthParameter, {}],
    // certified-connectors/Zoho Mail.
    ['an `accessCode` definition with an `oauthSetting` parameter', oauthParameter, flow('accessCode')],
    // certified-connectors/MicrosoftGraphSecurity: the apiProperties settings are authoritative.
    ['an `implicit` definition with an `oauthSetting` parameter', oauthParameter, flow('implicit')],
    ['an `accessCode` definition without an `oauthSetting` parameter', {}, flow('accessCode')],
    // certified-connectors/Pushcut: an unused apiKey definition beside the OAuth one.
    [
      'an `oauthSetting` parameter beside an `apiKey` definition',
      oauthParameter,
      { securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'API-Key' } } },
    ],
  ])('sends the provider token for %s', async (_, parameters, swagger) => {
    const connector = connectorWithParameters(parameters, swagger);
    const tokenProvider = recordingProvider();
    const auth = resolveAuth(connector, { values: {}, tokenProvider });
    expect(auth.kind).toBe('oauth2');
    const request = testRequest();
    await auth.apply(request, connector.operations[0]!);
    expect(request.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(request.headers.has('API-Key')).toBe(false);
  });

  it.each(['implicit', 'password', 'application'])(
    'refuses the `%s` flow without an `oauthSetting` parameter when resolving',
    async (name) => {
      const connector = connectorWithParameters({}, flow(name));
      const error = await flowportErrorOf(() => resolveAuth(connector, { values: {} }));
      expect(error.code).toBe('AUTH_UNSUPPORTED');
      expect(error.message).toContain(`\`oauth2_auth\` uses the OAuth 2 \`${name}\` flow`);
    },
  );

  it('uses the oauth set of a multi-auth connector (3E Events)', async () => {
    const connector = testConnector(swaggerWith(), {
      connectionParameterSets: {
        values: [
          { name: 'aadProd', parameters: oauthParameter },
          { name: 'basic', parameters: { username: { type: 'string' }, password: { type: 'securestring' } } },
        ],
      },
    });
    expect(resolveAuth(connector, { parameterSet: 'aadProd', values: {} }).kind).toBe('oauth2');
  });

  it('passes `forceRefresh` to the provider', async () => {
    const connector = connectorWithParameters(oauthParameter);
    const tokenProvider = recordingProvider();
    const auth = resolveAuth(connector, { values: {}, tokenProvider });
    await auth.apply(testRequest(), connector.operations[0]!);
    await auth.apply(testRequest(), connector.operations[0]!, { forceRefresh: true });
    expect(tokenProvider.calls).toEqual([{}, { forceRefresh: true }]);
  });

  it('asks for sign-in when the connection has no token provider', async () => {
    const connector = connectorWithParameters(oauthParameter);
    const error = await flowportErrorOf(() =>
      resolveAuth(connector, { values: {} }).apply(testRequest(), connector.operations[0]!),
    );
    expect(error.code).toBe('CONNECTION_UNAUTHENTICATED');
    expect(error.message).toBe('The connection has no OAuth token for `ListItems`; sign in to create one.');
  });

  it('marks the connection unauthenticated when the refresh is refused, then fails fast', async () => {
    const connector = connectorWithParameters(oauthParameter);
    let calls = 0;
    const connection: Connection = {
      values: {},
      tokenProvider: {
        getToken: async () => {
          calls++;
          throw new FlowportError('AUTH_REFRESH_FAILED', 'Refreshing the OAuth token failed.');
        },
      },
    };
    const auth = resolveAuth(connector, connection);
    expect((await flowportErrorOf(() => auth.apply(testRequest(), connector.operations[0]!))).code).toBe(
      'AUTH_REFRESH_FAILED',
    );
    expect(connection.status).toBe('unauthenticated');
    expect((await flowportErrorOf(() => auth.apply(testRequest(), connector.operations[0]!))).code).toBe(
      'CONNECTION_UNAUTHENTICATED',
    );
    expect(calls).toBe(1);
  });

  it('refuses a token that cannot go in a header, without echoing it', async () => {
    const connector = connectorWithParameters(oauthParameter);
    const auth = resolveAuth(connector, { values: {}, tokenProvider: recordingProvider('abc\ndef') });
    const error = await flowportErrorOf(() => auth.apply(testRequest(), connector.operations[0]!));
    expect(error.code).toBe('CONNECTION_INVALID');
    expect(error.message).not.toContain('abc');
  });
});
