import { describe, expect, it } from 'vitest';
import { connectorFromFiles, loadConnectorSync } from '../connector/load.ts';
import { isFlowportError } from '../errors.ts';
import { deployConnector } from './deploy.ts';
import { fakeResourceProvider, fakeToken } from './testing.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
const token = fakeToken({
  oid: '7d9c1a52-0000-4000-8000-000000000001',
  aud: 'https://service.powerapps.com/',
});
const env = 'Default-11111111-2222-3333-4444-555555555555';

describe('deployConnector', () => {
  it('validates, uploads the icon, and creates the connector, as paconn create does', async () => {
    const rp = await fakeResourceProvider();
    try {
      const steps: string[] = [];
      const result = await deployConnector(loadConnectorSync(example), {
        token,
        environment: env,
        powerAppsUrl: rp.url,
        onStep: (s) => steps.push(s),
      });
      expect(result).toMatchObject({
        action: 'created',
        connectorId: 'shared_tasklane-5f0a1b2c3d4e5f6a7b',
        environment: env,
        uploaded: ['icon.png'],
      });
      expect(rp.requests.map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`)).toEqual([
        'POST /providers/Microsoft.PowerApps/objectIds/7d9c1a52-0000-4000-8000-000000000001/validateApiSwagger',
        'POST /providers/Microsoft.PowerApps/objectIds/7d9c1a52-0000-4000-8000-000000000001/generateResourceStorage',
        'PUT /blob/flowport-upload/icon.png',
        'POST /providers/Microsoft.PowerApps/apis',
      ]);
      const [validate, storage, upload, create] = rp.requests;
      for (const r of [validate, storage, create]) {
        expect(r?.headers.authorization).toBe(`Bearer ${token}`);
        expect(r?.url).toContain('api-version=2016-11-01');
      }
      expect(create?.url).toContain(`%24filter=environment%20eq%20%27${env}%27`);
      expect(JSON.parse(storage?.body.toString() ?? '')).toEqual({ environment: { name: env } });
      expect(upload?.headers['x-ms-blob-type']).toBe('BlockBlob');
      expect(upload?.headers['content-type']).toBe('image/png');
      expect(upload?.headers.authorization).toBeUndefined();
      const body = JSON.parse(create?.body.toString() ?? '').properties;
      expect(body).toMatchObject({
        displayName: 'Tasklane',
        environment: { name: env },
        backendService: { serviceUrl: 'https://api.tasklane.io/v1' },
        iconUri: `${rp.url}/blob/flowport-upload/icon.png?sv=2020&sig=SASSECRET`,
        scriptDefinitionUrl: '',
        iconBrandColor: '#2f6f4f',
      });
      expect(body.openApiDefinition.info.title).toBe('Tasklane');
      expect(body).not.toHaveProperty('stackOwner');
      expect(result.strippedStackOwner).toBe(true);
      expect(steps).toContain('creating the connector in Default-11111111-2222-3333-4444-555555555555');
    } finally {
      await rp.close();
    }
  });

  it('updates the connector settings.json names, without a display name, and with the OAuth secret given', async () => {
    const rp = await fakeResourceProvider();
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const connector = connectorFromFiles([
      {
        name: 'apiDefinition.swagger.json',
        bytes: enc({
          swagger: '2.0',
          info: { title: 'T', description: 'D', version: '1' },
          host: 'h.example',
          schemes: ['https'],
          paths: {},
        }),
      },
      {
        name: 'apiProperties.json',
        bytes: enc({
          properties: {
            connectionParameters: {
              token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', clientId: 'abc' } },
            },
          },
        }),
      },
      {
        name: 'settings.json',
        bytes: enc({ connectorId: 'shared_t-1', environment: env, powerAppsUrl: rp.url }),
      },
    ]);
    try {
      const result = await deployConnector(connector, {
        token,
        clientSecret: 'SECRET-VALUE',
        validate: false,
      });
      expect(result).toMatchObject({
        action: 'updated',
        connectorId: 'shared_t-1',
        uploaded: [],
        secretsSet: ['connectionParameters.token'],
      });
      expect(rp.requests.map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`)).toEqual([
        'PATCH /providers/Microsoft.PowerApps/apis/shared_t-1',
      ]);
      const body = JSON.parse(rp.requests[0]?.body.toString() ?? '').properties;
      expect(body.connectionParameters.token.oAuthSettings.clientSecret).toBe('SECRET-VALUE');
      expect(body).not.toHaveProperty('displayName');
      expect(body.description).toBe('D');
    } finally {
      await rp.close();
    }
  });

  it("stops with the resource provider's error, and never shows the token, the secret or the SAS", async () => {
    const rp = await fakeResourceProvider({ fail: /validateApiSwagger$/ });
    try {
      let caught: unknown;
      try {
        await deployConnector(loadConnectorSync(example), { token, environment: env, powerAppsUrl: rp.url });
      } catch (error) {
        caught = error;
      }
      expect(isFlowportError(caught) && caught.code).toBe('API_PROBLEM');
      expect((caught as Error).message).toBe(
        'Validating the swagger failed: HTTP 400 SwaggerCertificationFailedWithErrors: Operation has no summary.',
      );
      expect(rp.requests).toHaveLength(1);
    } finally {
      await rp.close();
    }
  });

  it('refuses without an environment, a token without oid, or an OAuth connector created without its secret', async () => {
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const oauth = connectorFromFiles([
      {
        name: 'apiDefinition.swagger.json',
        bytes: enc({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} }),
      },
      {
        name: 'apiProperties.json',
        bytes: enc({
          properties: { connectionParameters: { token: { type: 'oauthSetting', oAuthSettings: {} } } },
        }),
      },
    ]);
    const attempts: [Promise<unknown>, string, string][] = [
      [deployConnector(loadConnectorSync(example), { token }), 'USAGE', 'No environment to deploy to'],
      [
        deployConnector(loadConnectorSync(example), { token: fakeToken({}), environment: env }),
        'AUTH_UNSUPPORTED',
        '`oid` claim',
      ],
      [
        deployConnector(oauth, { token, environment: env }),
        'PARAMETER_REQUIRED',
        "the OAuth app's client secret",
      ],
    ];
    for (const [attempt, code, message] of attempts) {
      const caught = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isFlowportError(caught) && caught.code).toBe(code);
      expect((caught as Error).message).toContain(message);
    }
  });
});
