import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFlowportError } from '../errors.ts';
import {
  deviceCodeLogin,
  freshToken,
  POWERAPPS_SCOPE,
  readStoredToken,
  removeStoredToken,
  TOKEN_FILE,
  writeStoredToken,
} from './login.ts';
import { fakeDeviceCodeProvider, fakeToken } from './testing.ts';

const token = fakeToken({ oid: 'o-1' });

describe('deviceCodeLogin', () => {
  it('shows the code, polls at the interval given (slower after slow_down) until signed in', async () => {
    const idp = await fakeDeviceCodeProvider({ pending: 3, slowDown: true, token });
    try {
      const prompts: string[] = [];
      const waits: number[] = [];
      const signedIn = await deviceCodeLogin(
        { authority: idp.url, tenant: 'contoso.onmicrosoft.com' },
        (p) => prompts.push(`${p.userCode} ${p.verificationUri}`),
        async (ms) => {
          waits.push(ms);
        },
      );
      expect(prompts).toEqual(['FLOW-PORT https://microsoft.com/devicelogin']);
      expect(waits).toEqual([5000, 10000, 10000, 10000]);
      expect(signedIn).toMatchObject({
        accessToken: token,
        refreshToken: 'refresh-1',
        tenant: 'contoso.onmicrosoft.com',
        scope: POWERAPPS_SCOPE,
      });
      expect(signedIn.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
      const [codeRequest, ...polls] = idp.requests;
      expect(codeRequest?.path).toBe('/contoso.onmicrosoft.com/oauth2/v2.0/devicecode');
      expect(codeRequest?.form.get('client_id')).toBe('04b07795-8ddb-461a-bbee-02f9e1bf7b46');
      expect(codeRequest?.form.get('scope')).toBe('https://service.powerapps.com//.default offline_access');
      expect(polls.map((p) => p.form.get('grant_type'))).toEqual(
        Array(4).fill('urn:ietf:params:oauth:grant-type:device_code'),
      );
    } finally {
      await idp.close();
    }
  });

  it("stops with the provider's reason when the user declines", async () => {
    const idp = await fakeDeviceCodeProvider({ deny: true, token });
    try {
      const caught = await deviceCodeLogin(
        { authority: idp.url },
        () => {},
        async () => {},
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isFlowportError(caught) && caught.code).toBe('AUTH_REFRESH_FAILED');
      expect((caught as Error).message).toBe(
        'Microsoft Entra ID refused signing in: access_denied: AADSTS70000: The user declined..',
      );
    } finally {
      await idp.close();
    }
  });
});

describe('deviceCodeLogin without a provider', () => {
  it('says the provider does not answer, not that it refused', async () => {
    const idp = await fakeDeviceCodeProvider({ token });
    const url = idp.url;
    await idp.close();
    const caught = await deviceCodeLogin({ authority: url }, () => {}).catch((e: unknown) => e);
    expect(isFlowportError(caught) && caught.code).toBe('UPSTREAM_UNREACHABLE');
    expect((caught as Error).message).toMatch(
      /^Microsoft Entra ID does not answer \(asking for a device code\): .*ECONNREFUSED/,
    );
  });
});

describe('stored sign-in', () => {
  it('is kept with mode 0600, used while it lasts, refreshed near its end, and removed on logout', async () => {
    const idp = await fakeDeviceCodeProvider({ token });
    const home = mkdtempSync(join(tmpdir(), 'flowport-login-'));
    try {
      const base = {
        accessToken: token,
        refreshToken: 'refresh-1',
        authority: idp.url,
        tenant: 'common',
        clientId: 'c',
        scope: POWERAPPS_SCOPE,
      };
      const path = writeStoredToken(home, { ...base, expiresAt: Date.now() + 3_600_000 });
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const stored = readStoredToken(home);
      expect(stored?.accessToken).toBe(token);
      expect(await freshToken(stored as never)).toMatchObject({ refreshed: false });
      const old = await freshToken({ ...base, expiresAt: Date.now() + 60_000 });
      expect(old).toMatchObject({
        refreshed: true,
        token: { accessToken: `${token}-refreshed`, refreshToken: 'refresh-2' },
      });
      expect(idp.requests.at(-1)?.form.get('refresh_token')).toBe('refresh-1');
      const caught = await freshToken({ ...base, refreshToken: undefined, expiresAt: 0 } as never).catch(
        (e: unknown) => e,
      );
      expect(isFlowportError(caught) && caught.code).toBe('AUTH_TOKEN_EXPIRED');
      expect(removeStoredToken(home)).toBe(true);
      expect(readStoredToken(home)).toBeUndefined();
      expect(removeStoredToken(home)).toBe(false);
      expect(TOKEN_FILE).toBe('powerapps-token.json');
    } finally {
      await idp.close();
    }
  });
});
