import { describe, expect, it } from 'vitest';
import { connectorWithParameters, flowportErrorOf, swaggerWith, testConnector } from './_test-connector.ts';
import { oauthEndpointsOf } from './oauth-settings.ts';

const REDIRECT = 'http://localhost:7071/oauth/callback';
const token = (oAuthSettings: Record<string, unknown>) => ({
  token: { type: 'oauthSetting', oAuthSettings },
});
const value = (v: string) => ({ value: v });

// Excerpt of certified-connectors/Zoho Mail/apiProperties.json.
const zoho = connectorWithParameters({
  ...token({
    identityProvider: 'oauth2generic',
    clientId: '<Enter Your Client ID>',
    scopes: ['VirtualOffice.accounts.READ', 'VirtualOffice.messages.ALL'],
    redirectUrl: 'https://global.consent.azure-apim.net/redirect/zohomail',
    customParameters: {
      authorizationUrlTemplate: value('https://accounts.zoho{CustomHost}/oauth/v2/auth'),
      authorizationUrlQueryStringTemplate: value(
        '?response_type=code&client_id={clientId}&redirect_uri={redirectUrl}&state={State}&scope={Scopes}&access_type=offline&prompt=consent',
      ),
      tokenUrlTemplate: value('https://accounts.zoho{CustomHost}/oauth/v2/token'),
      tokenBodyTemplate: value(
        'code={code}&grant_type=authorization_code&redirect_uri={redirectUrl}&client_id={clientId}&client_secret={clientSecret}&scope={Scopes}',
      ),
      refreshUrlTemplate: value('https://accounts.zoho{CustomHost}/oauth/v2/token'),
      refreshBodyTemplate: value(
        'grant_type=refresh_token&refresh_token={refreshToken}&client_id={clientId}&client_secret={clientSecret}',
      ),
    },
  }),
  'token:customHost': { type: 'string', uiDefinition: { constraints: { required: 'true' } } },
});

// Excerpt of certified-connectors/3E Events: the refresh body still names `{code}`.
const threeE = testConnector(swaggerWith(), {
  connectionParameterSets: {
    values: [
      {
        name: 'aadProd',
        parameters: {
          ...token({
            identityProvider: 'oauth2generic',
            clientId: 'client-3e',
            scopes: ['https://elite.com/prod/live/3e/ewh.all', 'offline_access'],
            customParameters: {
              authorizationUrlTemplate: value(
                'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
              ),
              authorizationUrlQueryStringTemplate: value(
                '?response_type=code&client_id={clientId}&scope={scopes}&redirect_uri={redirectUrl}&state={State}&prompt=select_account',
              ),
              tokenUrlTemplate: value('https://login.microsoftonline.com/organizations/oauth2/v2.0/token'),
              refreshBodyTemplate: value(
                'code={code}&grant_type=refresh_token&refresh_token={refreshToken}&redirect_uri={redirectUrl}&client_id={clientId}&client_secret={clientSecret}',
              ),
            },
          }),
          'token:customHost': { type: 'string', defaultValue: 'api.elite.com' },
        },
      },
    ],
  },
});

// Excerpt of certified-connectors/Cognite Data Fusion: every URL and the client come from `token:` values.
const cognite = connectorWithParameters({
  ...token({
    identityProvider: 'oauth2generic',
    clientId: 'PLACEHOLDER_CLIENTID',
    scopes: ['{Scope}'],
    customParameters: {
      authorizationUrlTemplate: value('{AuthorizationUrl}'),
      authorizationUrlQueryStringTemplate: value(
        '?client_id={ClientId}&response_type=code&scope={Scope}&state={State}',
      ),
      tokenUrlTemplate: value('{TokenUrl}'),
      scopeListDelimiter: value(','),
    },
  }),
  'token:ClientId': { type: 'string' },
  'token:Scope': { type: 'string' },
  'token:AuthorizationUrl': { type: 'string' },
  'token:TokenUrl': { type: 'string' },
});

describe('oauthEndpointsOf for `oauth2generic`', () => {
  it('fills `{CustomHost}` from `token:customHost` and encodes query values (Zoho Mail)', () => {
    const e = oauthEndpointsOf(
      zoho,
      { values: { 'token:customHost': '.eu' } },
      { redirectUrl: REDIRECT, clientId: 'cid', clientSecret: 's&s' },
    );
    expect(e.provider).toBe('oauth2generic');
    expect(e.authorizationUrl).toBe('https://accounts.zoho.eu/oauth/v2/auth');
    expect(e.tokenUrl).toBe('https://accounts.zoho.eu/oauth/v2/token');
    expect(e.scopes).toBe('VirtualOffice.accounts.READ VirtualOffice.messages.ALL');
    expect(e.authorizationRequestUrl('st 1')).toBe(
      'https://accounts.zoho.eu/oauth/v2/auth?response_type=code&client_id=cid&redirect_uri=http%3A%2F%2Flocalhost%3A7071%2Foauth%2Fcallback&state=st%201&scope=VirtualOffice.accounts.READ%20VirtualOffice.messages.ALL&access_type=offline&prompt=consent',
    );
    expect(e.tokenRequest('c/1')).toEqual({
      url: 'https://accounts.zoho.eu/oauth/v2/token',
      body: 'code=c%2F1&grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A7071%2Foauth%2Fcallback&client_id=cid&client_secret=s%26s&scope=VirtualOffice.accounts.READ%20VirtualOffice.messages.ALL',
    });
    expect(e.refreshRequest('r+1').body).toBe(
      'grant_type=refresh_token&refresh_token=r%2B1&client_id=cid&client_secret=s%26s',
    );
    expect(e.warnings).toEqual([]);
  });

  it('warns about placeholders no value fills', () => {
    const e = oauthEndpointsOf(zoho, { values: {} }, { redirectUrl: REDIRECT });
    expect(e.authorizationUrl).toBe('https://accounts.zoho{CustomHost}/oauth/v2/auth');
    expect(e.warnings.join(' ')).toContain('use `{CustomHost}`, which no setting or `token:…` value fills');
  });

  it('gives `{code}` an empty value at refresh time and defaults the refresh URL to the token URL (3E Events)', () => {
    const e = oauthEndpointsOf(threeE, { parameterSet: 'aadProd', values: {} }, { redirectUrl: REDIRECT });
    expect(e.refreshUrl).toBe(e.tokenUrl);
    const body = new URLSearchParams(e.refreshRequest('rt').body);
    expect(Object.fromEntries(body)).toEqual({
      code: '',
      grant_type: 'refresh_token',
      refresh_token: 'rt',
      redirect_uri: REDIRECT,
      client_id: 'client-3e',
      client_secret: '',
    });
    expect(new URL(e.authorizationRequestUrl('s')).searchParams.get('scope')).toBe(
      'https://elite.com/prod/live/3e/ewh.all offline_access',
    );
    // Without a tokenBodyTemplate the standard code exchange is built.
    expect(Object.fromEntries(new URLSearchParams(e.tokenRequest('abc').body))).toMatchObject({
      grant_type: 'authorization_code',
      code: 'abc',
      client_id: 'client-3e',
    });
  });

  it('lets `token:<sub>` values fill URLs, the client id and templated scopes (Cognite Data Fusion)', () => {
    const e = oauthEndpointsOf(
      cognite,
      {
        values: {
          'token:ClientId': 'user-app',
          'token:Scope': 'https://x/.default',
          'token:AuthorizationUrl': 'https://login.example.com/authorize',
          'token:TokenUrl': 'https://login.example.com/token',
        },
      },
      { redirectUrl: REDIRECT },
    );
    expect(e.clientId).toBe('user-app');
    expect(e.scopes).toBe('https://x/.default');
    expect(e.authorizationRequestUrl('s')).toBe(
      'https://login.example.com/authorize?client_id=user-app&response_type=code&scope=https%3A%2F%2Fx%2F.default&state=s',
    );
  });

  it('joins scopes with `scopeListDelimiter`', () => {
    const c = connectorWithParameters(
      token({
        identityProvider: 'oauth2generic',
        scopes: ['a', 'b'],
        customParameters: {
          authorizationUrlTemplate: value('https://x/auth'),
          tokenUrlTemplate: value('https://x/token'),
          scopeListDelimiter: value(','),
        },
      }),
    );
    expect(oauthEndpointsOf(c, { values: {} }).scopes).toBe('a,b');
  });

  it('refuses templates without a token URL', async () => {
    const c = connectorWithParameters(
      token({
        identityProvider: 'oauth2generic',
        customParameters: { authorizationUrlTemplate: value('https://x') },
      }),
    );
    const error = await flowportErrorOf(() => oauthEndpointsOf(c, { values: {} }));
    expect(error.code).toBe('AUTH_UNSUPPORTED');
    expect(error.message).toContain('`customParameters.tokenUrlTemplate`');
  });
});

describe('oauthEndpointsOf for `oauth2`', () => {
  const settings = {
    identityProvider: 'oauth2',
    clientId: 'app',
    scopes: ['read write'],
    customParameters: {
      authorizationUrl: value('https://auth.example.com/authorize?audience=api'),
      tokenUrl: value('https://auth.example.com/token'),
    },
  };

  it('builds the standard authorization-code requests', () => {
    const e = oauthEndpointsOf(
      connectorWithParameters(token(settings)),
      { values: {} },
      {
        redirectUrl: REDIRECT,
        clientSecret: 'sec',
      },
    );
    expect(e.refreshUrl).toBe('https://auth.example.com/token');
    const url = new URL(e.authorizationRequestUrl('xyz'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      audience: 'api',
      client_id: 'app',
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'read write',
      state: 'xyz',
    });
    expect(Object.fromEntries(new URLSearchParams(e.tokenRequest('code-1').body))).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: REDIRECT,
      client_id: 'app',
      client_secret: 'sec',
    });
    expect(Object.fromEntries(new URLSearchParams(e.refreshRequest('rt').body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt',
      client_id: 'app',
      client_secret: 'sec',
    });
  });

  it('takes missing URLs from the swagger `oauth2` definition', () => {
    const c = connectorWithParameters(token({ identityProvider: 'oauth2', clientId: 'app' }), {
      securityDefinitions: {
        o: {
          type: 'oauth2',
          flow: 'accessCode',
          authorizationUrl: 'https://s/auth',
          tokenUrl: 'https://s/token',
        },
      },
    });
    const e = oauthEndpointsOf(c, { values: {} });
    expect([e.authorizationUrl, e.tokenUrl]).toEqual(['https://s/auth', 'https://s/token']);
  });

  it('takes URLs and scopes from `token:` values over relative placeholders (CobbleStone)', () => {
    const c = connectorWithParameters({
      ...token({
        identityProvider: 'oauth2',
        scopes: [],
        customParameters: { authorizationUrl: value('/Authorization'), tokenUrl: value('/oauth/token') },
      }),
      'token:authorizationUrl': { type: 'string' },
      'token:tokenUrl': { type: 'string' },
      'token:scopes': { type: 'string' },
    });
    const e = oauthEndpointsOf(c, {
      values: {
        'token:authorizationUrl': 'https://cobble.example.com/Authorization',
        'token:tokenUrl': 'https://cobble.example.com/oauth/token',
        'token:scopes': 'api',
      },
    });
    expect([e.authorizationUrl, e.tokenUrl, e.refreshUrl, e.scopes]).toEqual([
      'https://cobble.example.com/Authorization',
      'https://cobble.example.com/oauth/token',
      'https://cobble.example.com/oauth/token',
      'api',
    ]);
  });

  it('refuses a URL that is not absolute', async () => {
    const c = connectorWithParameters(
      token({
        identityProvider: 'oauth2',
        customParameters: { authorizationUrl: value('/a'), tokenUrl: value('/t') },
      }),
    );
    expect((await flowportErrorOf(() => oauthEndpointsOf(c, { values: {} }))).message).toBe(
      'The `authorizationUrl` of connection parameter `token` is not an absolute URL after substitution; check its template and the `token:…` values.',
    );
  });

  it('refuses settings without a token URL anywhere', async () => {
    const c = connectorWithParameters(
      token({ identityProvider: 'oauth2', customParameters: { authorizationUrl: value('https://a') } }),
    );
    expect((await flowportErrorOf(() => oauthEndpointsOf(c, { values: {} }))).message).toContain(
      '`customParameters.tokenUrl`',
    );
  });

  it('prefers the given client id and secret, then `token:` values, then the settings', () => {
    const c = connectorWithParameters({
      ...token({ ...settings, clientSecret: 'from-settings' }),
      'token:clientSecret': { type: 'securestring' },
    });
    expect(oauthEndpointsOf(c, { values: { 'token:clientSecret': 'from-user' } }).clientSecret).toBe(
      'from-user',
    );
    expect(
      oauthEndpointsOf(c, { values: { 'token:clientSecret': 'from-user' } }, { clientSecret: 'given' })
        .clientSecret,
    ).toBe('given');
    expect(oauthEndpointsOf(c, { values: {} }).clientSecret).toBe('from-settings');
  });

  it('warns when no local redirect URL is given and keeps the connector one', () => {
    const e = oauthEndpointsOf(connectorWithParameters(token(settings)), { values: {} });
    expect(e.redirectUrl).toBe('https://global.consent.azure-apim.net/redirect');
    expect(e.warnings.join(' ')).toContain('pass your own `redirectUrl`');
  });
});

describe('oauthEndpointsOf for Entra ID', () => {
  // Excerpt of certified-connectors/AvePoint Cloud Governance: aad with loginUri and tenantId.
  const avePoint = connectorWithParameters(
    token({
      identityProvider: 'aad',
      clientId: 'app',
      scopes: ['User.Read'],
      properties: { IsFirstParty: 'False', AzureActiveDirectoryResourceId: 'https://resource.example.com' },
      customParameters: { loginUri: value('https://login.windows.net'), tenantId: value('common') },
    }),
  );

  it('uses the v1 endpoints with `resource` by default', () => {
    const e = oauthEndpointsOf(avePoint, { values: {} }, { redirectUrl: REDIRECT });
    expect(e.authorizationUrl).toBe('https://login.windows.net/common/oauth2/authorize');
    expect(e.tokenUrl).toBe('https://login.windows.net/common/oauth2/token');
    expect(e.resource).toBe('https://resource.example.com');
    expect(new URL(e.authorizationRequestUrl('s')).searchParams.get('resource')).toBe(
      'https://resource.example.com',
    );
    expect(new URLSearchParams(e.refreshRequest('r').body).get('resource')).toBe(
      'https://resource.example.com',
    );
  });

  it('uses the v2 endpoints with a `.default` scope on request', () => {
    const e = oauthEndpointsOf(avePoint, { values: {} }, { redirectUrl: REDIRECT, aadVersion: 'v2' });
    expect(e.tokenUrl).toBe('https://login.windows.net/common/oauth2/v2.0/token');
    expect(e.scopes).toBe('https://resource.example.com/.default offline_access');
    expect(e.resource).toBeUndefined();
    expect(new URLSearchParams(e.tokenRequest('c').body).get('resource')).toBeNull();
  });

  it('defaults the login URI and takes the tenant and resource from `token:` values', () => {
    const c = connectorWithParameters({
      ...token({ identityProvider: 'aad', customParameters: { resourceUri: value('https://r') } }),
      'token:tenantId': { type: 'string' },
      'token:resourceUri': { type: 'string' },
    });
    const e = oauthEndpointsOf(c, {
      values: { 'token:tenantId': 'contoso.onmicrosoft.com', 'token:resourceUri': 'https://mine' },
    });
    expect(e.authorizationUrl).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/authorize',
    );
    expect(e.resource).toBe('https://mine');
  });

  it('treats `aadcertificate` as `aad` with a warning (Planner)', () => {
    const planner = connectorWithParameters(
      token({
        identityProvider: 'aadcertificate',
        scopes: ['Group.ReadWrite.All offline_access'],
        properties: { IsFirstParty: 'True' },
        customParameters: {
          resourceUri: value('https://graph.microsoft.com/'),
          loginUri: value('https://login.windows.net/'),
        },
      }),
    );
    const e = oauthEndpointsOf(planner, { values: {} }, { redirectUrl: REDIRECT });
    expect(e.provider).toBe('aadcertificate');
    expect(e.tokenUrl).toBe('https://login.windows.net/common/oauth2/token');
    expect(e.scopes).toBe('Group.ReadWrite.All offline_access');
    expect(e.warnings.join(' ')).toContain('`aadcertificate` is for first-party apps');
  });

  it('warns that on-behalf-of sign-in is not supported', () => {
    const c = connectorWithParameters(
      token({
        identityProvider: 'aad',
        properties: { IsOnbehalfofLoginSupported: true },
        customParameters: { resourceUri: value('https://r') },
      }),
    );
    expect(oauthEndpointsOf(c, { values: {} }, { redirectUrl: REDIRECT }).warnings).toEqual([
      'On-behalf-of sign-in is not supported locally; the signed-in user consents directly.',
    ]);
  });

  it('refuses settings without a resource', async () => {
    const c = connectorWithParameters(token({ identityProvider: 'aad' }));
    expect((await flowportErrorOf(() => oauthEndpointsOf(c, { values: {} }))).code).toBe('AUTH_UNSUPPORTED');
  });
});

describe('oauthEndpointsOf refuses', () => {
  it.each([
    [
      'an identity provider flowport does not run',
      connectorWithParameters(token({ identityProvider: 'facebook' })),
      /`facebook`/,
    ],
    [
      'a connection without an `oauthSetting` parameter',
      connectorWithParameters({ api_key: { type: 'securestring' } }),
      /no `oauthSetting`/,
    ],
  ])('%s', async (_, connector, message) => {
    const error = await flowportErrorOf(() => oauthEndpointsOf(connector, { values: {} }));
    expect(error.code).toBe('AUTH_UNSUPPORTED');
    expect(error.message).toMatch(message);
  });
});
