import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectorFromFiles, loadConnectorSync } from '../connector/load.ts';
import {
  CLIENT_SECRET,
  consent,
  doctorConnectorFiles,
  type Quirks,
  type QuirkyProvider,
  quirkyProvider,
} from './_quirky-provider.ts';
import { CHECKS, type CheckId, type DoctorFinding, type Verdict } from './checks.ts';
import { type DoctorOptions, type DoctorReport, oauthDoctor } from './doctor.ts';

let provider: QuirkyProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

type ConnectorOptions = Parameters<typeof doctorConnectorFiles>[1];

/** The doctor on a new quirky provider; the connector's options may name the provider's origin. */
async function doctor(
  quirks: Quirks,
  connector: ConnectorOptions | ((origin: string) => ConnectorOptions) = {},
  options: Partial<DoctorOptions> = {},
): Promise<DoctorReport> {
  provider = await quirkyProvider(quirks);
  const settings = typeof connector === 'function' ? connector(provider.origin) : connector;
  const loaded = connectorFromFiles(doctorConnectorFiles(provider.origin, settings), {
    source: 'doctor-demo',
  });
  return oauthDoctor(loaded, {
    clientSecret: CLIENT_SECRET,
    redirectUrl: 'http://127.0.0.1:8400/oauth/callback',
    authorize: consent,
    ...options,
  });
}

/** `oauth2generic` settings signing in at `origin`, with `custom` templates added or replaced. */
const generic = (origin: string, custom: Record<string, string>): ConnectorOptions => ({
  settings: {
    identityProvider: 'oauth2generic',
    customParameters: Object.fromEntries(
      Object.entries({
        authorizationUrlTemplate: `${origin}/authorize`,
        authorizationUrlQueryStringTemplate:
          '?client_id={ClientId}&response_type=code&redirect_uri={RedirectUrl}&scope={Scopes}&state={State}',
        tokenUrlTemplate: `${origin}/token`,
        ...custom,
      }).map(([k, value]) => [k, { value }]),
    ),
  },
});

const verdicts = (report: DoctorReport): Partial<Record<CheckId, Verdict>> =>
  Object.fromEntries(report.findings.filter((f) => f.check !== 'settings').map((f) => [f.check, f.verdict]));
const finding = (report: DoctorReport, check: CheckId): DoctorFinding | undefined =>
  report.findings.find((f) => f.check === check);

describe('oauthDoctor', () => {
  it('passes a provider that does what the platform expects, refreshing as the platform does', async () => {
    const report = await doctor({});
    expect(verdicts(report)).toEqual({
      client: undefined,
      redirect: 'info',
      'sign-in': 'pass',
      'refresh-token': 'pass',
      'token-lifetime': 'pass',
      'token-type': 'pass',
      scopes: 'pass',
      'api-call': 'pass',
      refresh: 'pass',
      'refresh-rotation': 'pass',
      'refreshed-call': 'pass',
    });
    expect(report.summary.fail).toBe(0);
    expect(report.endpoints?.provider).toBe('oauth2');
    // The code and the refresh both went with the secret in the body, as the platform sends them.
    expect(provider?.tokenCalls.map((c) => `${c.grant}:${c.auth}`)).toEqual([
      'authorization_code:post',
      'refresh_token:post',
    ]);
  });

  it('fails a sign-in without a refresh token and names offline_access', async () => {
    const report = await doctor({ refreshToken: 'offline_access' });
    const missing = finding(report, 'refresh-token');
    expect(missing?.verdict).toBe('fail');
    expect(missing?.message).toContain('in 60 minutes');
    expect(missing?.fix).toContain('offline_access');
    expect(finding(report, 'refresh')).toBeUndefined();
  });

  it('passes once offline_access is asked for', async () => {
    const report = await doctor(
      { refreshToken: 'offline_access' },
      { scopes: ['tasks.read offline_access'] },
    );
    expect(finding(report, 'refresh-token')?.verdict).toBe('pass');
    expect(finding(report, 'refresh')?.verdict).toBe('pass');
  });

  it('finds a provider that wants scope on refresh and says how to send it', async () => {
    const report = await doctor({ refreshNeedsScope: true });
    const refresh = finding(report, 'refresh');
    expect(refresh?.verdict).toBe('fail');
    expect(refresh?.message).toContain('`invalid_request` "scope is required"');
    expect(refresh?.message).toContain('the scopes added');
    expect(refresh?.fix).toContain('oauth2generic');
    expect(refresh?.fix).toContain('scope={Scopes}');
    // The variant's token still reaches the API.
    expect(finding(report, 'refreshed-call')?.verdict).toBe('pass');
  });

  it('finds a provider that takes the secret only in a Basic header', async () => {
    const report = await doctor({ refreshClientAuth: 'basic' });
    const refresh = finding(report, 'refresh');
    expect(refresh?.verdict).toBe('fail');
    expect(refresh?.message).toContain('Authorization: Basic');
    expect(refresh?.fix).toContain('client_secret_post');
  });

  it('finds a refresh template without the client secret (the Salesforce case) and gives the template', async () => {
    const report = await doctor({}, (origin) =>
      generic(origin, {
        tokenBodyTemplate:
          'grant_type=authorization_code&code={Code}&redirect_uri={RedirectUrl}&client_id={ClientId}&client_secret={ClientSecret}',
        refreshUrlTemplate: `${origin}/token`,
        refreshBodyTemplate: 'grant_type=refresh_token&refresh_token={RefreshToken}&client_id={ClientId}',
      }),
    );
    expect(finding(report, 'sign-in')?.verdict).toBe('pass');
    const refresh = finding(report, 'refresh');
    expect(refresh?.verdict).toBe('fail');
    expect(refresh?.message).toContain('`invalid_client`');
    expect(refresh?.fix).toContain('client_secret={ClientSecret}');
  });

  it('reports a token answer that is not a Bearer token', async () => {
    const report = await doctor({ tokenType: 'mac' });
    expect(verdicts(report)).toMatchObject({
      'sign-in': 'fail',
      'token-type': 'warn',
      'refresh-token': 'pass',
    });
    expect(finding(report, 'sign-in')?.message).toContain('in a form an OAuth 2 client refuses');
    expect(finding(report, 'token-type')?.message).toContain('`mac`');
  });

  it('tells about rotation, short lifetimes and narrower grants', async () => {
    const report = await doctor(
      { rotate: true, expiresIn: 120, grant: () => 'tasks.read' },
      { scopes: ['tasks.read tasks.write'] },
    );
    expect(verdicts(report)).toMatchObject({
      'refresh-rotation': 'info',
      'token-lifetime': 'warn',
      scopes: 'warn',
      refresh: 'pass',
    });
    expect(finding(report, 'token-lifetime')?.message).toContain('2 minutes');
    expect(finding(report, 'scopes')?.message).toContain('`tasks.write`');
  });

  it('says when the answer has no lifetime and no refresh token', async () => {
    const report = await doctor({ expiresIn: null, refreshToken: 'never' });
    expect(verdicts(report)).toMatchObject({ 'token-lifetime': 'info', 'refresh-token': 'warn' });
  });

  it('checks the audience of Entra tokens against resourceUri', async () => {
    const report = await doctor({ aud: 'https://other.contoso.com' }, (origin) => ({
      settings: {
        identityProvider: 'aad',
        customParameters: {
          loginUri: { value: origin },
          tenantId: { value: 'common' },
          resourceUri: { value: 'https://api.contoso.com' },
        },
      },
    }));
    expect(report.endpoints?.provider).toBe('aad');
    const audience = finding(report, 'audience');
    expect(audience?.verdict).toBe('warn');
    expect(audience?.message).toContain('`https://other.contoso.com`');
    expect(provider?.tokenCalls[0]?.body.get('resource')).toBe('https://api.contoso.com');
  });

  it('reports a refused sign-in with the provider error and a hint', async () => {
    const report = await doctor({}, {}, { clientId: 'someone-else' });
    const signIn = finding(report, 'sign-in');
    expect(signIn?.verdict).toBe('fail');
    expect(signIn?.message).toContain('`unauthorized_client`');
    expect(signIn?.fix).toContain('client id');
  });

  it('reports a wrong client secret at the code exchange', async () => {
    const report = await doctor({}, {}, { clientSecret: 'wrong' });
    const signIn = finding(report, 'sign-in');
    expect(signIn?.verdict).toBe('fail');
    expect(signIn?.message).toContain('invalid_client');
    expect(signIn?.fix).toContain('client_secret_post');
  });

  it('refuses a callback whose state is not the one sent', async () => {
    const report = await doctor(
      {},
      {},
      {
        authorize: async (url) => {
          const query = await consent(url);
          query.set('state', 'forged');
          return query;
        },
      },
    );
    expect(finding(report, 'sign-in')?.message).toContain('another `state`');
  });

  it('reports an API that refuses the token', async () => {
    const report = await doctor({ apiStatus: 403 });
    const call = finding(report, 'api-call');
    expect(call?.verdict).toBe('fail');
    expect(call?.message).toContain('answered 403');
    expect(call?.fix).toContain('scopes');
    expect(finding(report, 'refreshed-call')).toBeUndefined();
  });

  it('says so when the connector has nothing safe to call', async () => {
    provider = await quirkyProvider({});
    const files = doctorConnectorFiles(provider.origin, { testConnection: false });
    const swagger = JSON.parse(new TextDecoder().decode(files[0]?.bytes));
    swagger.paths['/me'].get.parameters = [{ name: 'id', in: 'query', required: true, type: 'string' }];
    files[0] = {
      name: 'apiDefinition.swagger.json',
      bytes: new TextEncoder().encode(JSON.stringify(swagger)),
    };
    const report = await oauthDoctor(connectorFromFiles(files, { source: 'no-test' }), {
      clientSecret: CLIENT_SECRET,
      redirectUrl: 'http://127.0.0.1:8400/oauth/callback',
      authorize: consent,
    });
    expect(finding(report, 'api-call')?.verdict).toBe('info');
  });

  it('needs a client id, and warns about a secret written in apiProperties', async () => {
    const report = await doctor({}, { settings: { clientId: '', clientSecret: 'committed' } });
    expect(report.findings.filter((f) => f.check === 'client').map((f) => f.verdict)).toEqual([
      'warn',
      'fail',
    ]);
    expect(finding(report, 'sign-in')).toBeUndefined();
  });

  it('reports a token URL that is not HTTPS as a finding, sending nothing to it', async () => {
    const report = await doctor({}, (origin) => ({
      settings: {
        customParameters: {
          authorizationUrl: { value: `${origin}/authorize` },
          tokenUrl: { value: 'http://login.contoso.example/token' },
        },
      },
    }));
    expect(finding(report, 'sign-in')).toMatchObject({ verdict: 'fail' });
    expect(finding(report, 'sign-in')?.message).toContain('must use HTTPS');
    expect(provider?.tokenCalls).toEqual([]);
  });

  it('says there is nothing to check for a connector without OAuth', async () => {
    const tasklane = loadConnectorSync(new URL('../../examples/tasklane', import.meta.url).pathname);
    const report = await oauthDoctor(tasklane, {
      redirectUrl: 'http://127.0.0.1:8400/cb',
      authorize: consent,
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        check: 'settings',
        verdict: 'fail',
        message: 'The connector has no OAuth connection parameter: there is no sign-in to check.',
      }),
    ]);
  });

  it('reports settings it cannot use instead of throwing', async () => {
    const report = await doctor({}, { settings: { identityProvider: 'facebook' } });
    expect(report.findings).toEqual([expect.objectContaining({ check: 'settings', verdict: 'fail' })]);
    expect(report.endpoints).toBeUndefined();
  });

  it('masks the client secret where a template puts it in a URL', async () => {
    const report = await doctor({}, (origin) =>
      generic(origin, { tokenUrlTemplate: `${origin}/token?client_secret={ClientSecret}` }),
    );
    const origin = provider?.origin;
    expect(report.endpoints?.tokenUrl).toBe(`${origin}/token?client_secret=***`);
    expect(JSON.stringify(report)).not.toContain(CLIENT_SECRET);
  });

  it('never puts the client secret or a token in the report', async () => {
    const report = await doctor({ refreshNeedsScope: true, rotate: true });
    const text = JSON.stringify(report);
    expect(text).not.toContain(CLIENT_SECRET);
    for (const call of provider?.tokenCalls ?? []) {
      const refresh = call.body.get('refresh_token');
      if (refresh) expect(text).not.toContain(refresh);
    }
    expect(text).not.toMatch(/at-[A-Za-z0-9_-]{8}|rt-[A-Za-z0-9_-]{8}/);
  });
});

describe('docs/oauth-doctor.md', () => {
  it('has a row for every check', () => {
    const doc = readFileSync(new URL('../../docs/oauth-doctor.md', import.meta.url), 'utf8');
    for (const id of Object.keys(CHECKS)) expect(doc).toContain(`| \`${id}\` |`);
  });
});
