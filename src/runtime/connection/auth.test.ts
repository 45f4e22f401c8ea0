import { describe, expect, it } from 'vitest';
import type { Connection } from '../types.ts';
import {
  connectorWithParameters,
  flowportErrorOf,
  swaggerWith,
  testConnector,
  testRequest,
} from './_test-connector.ts';
import { AUTH_SCHEMES, optsOutOfAuth, resolveAuth } from './auth.ts';

const secure = { type: 'securestring' };
const apiKeyHeader = { type: 'apiKey', in: 'header', name: 'X-Key' };

// Excerpt of certified-connectors/DocuSign/apiDefinition.swagger.json: the webhook relay opts out.
function docuSignLike() {
  const swagger = swaggerWith({ securityDefinitions: { key: apiKeyHeader }, security: [] }, [
    'ListEnvelopes',
    'WebhookResponse',
  ]) as { paths: Record<string, { get: Record<string, unknown> }> };
  swagger.paths['/webhookresponse']!.get.security = [];
  return testConnector(swagger, { connectionParameters: { api_key: secure } });
}

describe('resolveAuth', () => {
  it('tries the schemes in the decided order', () => {
    expect(AUTH_SCHEMES.map((s) => s.kind)).toEqual(['oauth2', 'basic', 'api-key', 'none']);
  });

  // Decision §6.4: for a chosen set, the set's parameters decide.
  const multi = testConnector(
    swaggerWith({ securityDefinitions: { key: apiKeyHeader, b: { type: 'basic' } } }),
    {
      connectionParameterSets: {
        values: [
          { name: 'oauth', parameters: { token: { type: 'oauthSetting' }, api_key: secure } },
          { name: 'basic', parameters: { username: secure, password: secure, api_key: secure } },
          { name: 'key', parameters: { api_key: secure, environment: { type: 'string' } } },
          { name: 'custom', parameters: { secret: secure } },
        ],
      },
    },
  );
  it.each([
    ['oauth', 'oauth2'],
    ['basic', 'basic'],
    ['key', 'api-key'],
    ['custom', 'none'],
  ])('gives the multi-auth set `%s` the kind `%s`', (parameterSet, kind) => {
    const values: Record<string, string> = parameterSet === 'key' ? { api_key: 'k' } : {};
    expect(resolveAuth(multi, { parameterSet, values }).kind).toBe(kind);
  });

  it('refuses an unknown parameter set', async () => {
    const error = await flowportErrorOf(() => resolveAuth(multi, { parameterSet: 'nope', values: {} }));
    expect(error.code).toBe('CONNECTION_INVALID');
  });

  it('skips authentication for an operation with its own empty `security`, not for the global one', async () => {
    const connector = docuSignLike();
    const auth = resolveAuth(connector, { values: { api_key: 'k' } });
    const relay = testRequest();
    await auth.apply(relay, connector.operation('WebhookResponse')!);
    expect(relay.headers.has('X-Key')).toBe(false);
    const normal = testRequest();
    await auth.apply(normal, connector.operation('ListEnvelopes')!);
    expect(normal.headers.get('X-Key')).toBe('k');
    expect(optsOutOfAuth(connector.operation('WebhookResponse')!)).toBe(true);
    expect(optsOutOfAuth(connector.operation('ListEnvelopes')!)).toBe(false);
  });

  it.each([
    [
      'an API key connection',
      connectorWithParameters({ api_key: secure }, { securityDefinitions: { key: apiKeyHeader } }),
    ],
    ['a connection without authentication', connectorWithParameters({})],
    ['an opted-out operation', docuSignLike()],
  ])(
    'fails fast on an unauthenticated connection for %s, leaving the request alone',
    async (_, connector) => {
      const values: Record<string, string> = connector.properties.connectionParameters.length
        ? { api_key: 'k' }
        : {};
      const connection: Connection = { values };
      const auth = resolveAuth(connector, connection);
      const request = testRequest();
      const operation = connector.operation('WebhookResponse') ?? connector.operations[0]!;
      connection.status = 'unauthenticated';
      const error = await flowportErrorOf(() => auth.apply(request, operation));
      expect(error.code).toBe('CONNECTION_UNAUTHENTICATED');
      expect(error.message).toBe(
        `The connection is unauthenticated, so \`${operation.label}\` was not sent; sign in again or update the connection.`,
      );
      expect([...request.headers]).toEqual([]);
    },
  );
});
