import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { FlowportError } from '../errors.ts';
import type { Fetch } from './client.ts';

/** Microsoft Entra ID, as paconn signs in (certification spec §5.1). */
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
/** The Azure CLI's public client, paconn's default. */
export const DEFAULT_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
/** The resource `https://service.powerapps.com/` as a v2 scope (its trailing slash doubles). */
export const POWERAPPS_SCOPE = 'https://service.powerapps.com//.default';
/** A token this close to its expiry is refreshed first (paconn: 600 s). */
const EXPIRY_MARGIN_MS = 600_000;
export const TOKEN_FILE = 'powerapps-token.json';

export interface LoginSettings {
  readonly authority?: string;
  /** `common`, `organizations`, a tenant id or domain; default `common`. */
  readonly tenant?: string;
  readonly clientId?: string;
  readonly scope?: string;
  readonly fetch?: Fetch;
}

/** What `flowport login` keeps (mode 0600): enough to use and refresh the token. */
export interface StoredToken {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly authority: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly scope: string;
}

function endpoints(settings: LoginSettings) {
  const authority = (settings.authority ?? DEFAULT_AUTHORITY).replace(/\/+$/, '');
  const tenant = settings.tenant ?? 'common';
  const base = `${authority}/${encodeURIComponent(tenant)}/oauth2/v2.0`;
  const as: oauth.AuthorizationServer = {
    issuer: `${authority}/${tenant}/v2.0`,
    device_authorization_endpoint: `${base}/devicecode`,
    token_endpoint: `${base}/token`,
  };
  const client: oauth.Client = { client_id: settings.clientId ?? DEFAULT_CLIENT_ID };
  const options = {
    ...(settings.fetch && { [oauth.customFetch]: settings.fetch }),
    ...(base.startsWith('http:') && { [oauth.allowInsecureRequests]: true }),
  };
  return { authority, tenant, as, client, options, scope: settings.scope ?? POWERAPPS_SCOPE };
}

function stored(
  e: ReturnType<typeof endpoints>,
  token: oauth.TokenEndpointResponse,
  previousRefresh?: string,
): StoredToken {
  const refresh = token.refresh_token ?? previousRefresh;
  return {
    accessToken: token.access_token,
    ...(refresh && { refreshToken: refresh }),
    expiresAt: Date.now() + (token.expires_in ?? 3600) * 1000,
    authority: e.authority,
    tenant: e.tenant,
    clientId: e.client.client_id,
    scope: e.scope,
  };
}

/** What the user is asked to do: open the URL, enter the code. */
export interface DeviceCodePrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  /** The identity provider's own sentence, when it gives one. */
  readonly message: string | undefined;
}

/**
 * Signs in with the device code flow (RFC 8628), as `paconn login` does: asks for a code, shows it
 * through `prompt`, then polls the token endpoint at the interval given (slower after `slow_down`)
 * until the user has signed in, refused, or the code expired. Throws `AUTH_REFRESH_FAILED` with the
 * provider's reason.
 */
export async function deviceCodeLogin(
  settings: LoginSettings,
  prompt: (p: DeviceCodePrompt) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<StoredToken> {
  const e = endpoints(settings);
  let code: oauth.DeviceAuthorizationResponse;
  try {
    const response = await oauth.deviceAuthorizationRequest(
      e.as,
      e.client,
      oauth.None(),
      { scope: `${e.scope} offline_access` },
      e.options,
    );
    code = await oauth.processDeviceAuthorizationResponse(e.as, e.client, response);
  } catch (error) {
    throw signInError('asking for a device code', error);
  }
  prompt({
    userCode: code.user_code,
    verificationUri: code.verification_uri,
    message: typeof code.message === 'string' ? code.message : undefined,
  });
  let interval = (code.interval ?? 5) * 1000;
  const deadline = Date.now() + code.expires_in * 1000;
  while (Date.now() < deadline) {
    await sleep(interval);
    try {
      const response = await oauth.deviceCodeGrantRequest(
        e.as,
        e.client,
        oauth.None(),
        code.device_code,
        e.options,
      );
      return stored(e, await oauth.processDeviceCodeResponse(e.as, e.client, response));
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError && error.error === 'authorization_pending') continue;
      if (error instanceof oauth.ResponseBodyError && error.error === 'slow_down') {
        interval += 5000;
        continue;
      }
      throw signInError('signing in', error);
    }
  }
  throw new FlowportError(
    'AUTH_REFRESH_FAILED',
    'The device code expired before the sign-in was completed; run `flowport login` again.',
  );
}

/** A fresh access token from a stored one: itself while it lasts, else refreshed (and stored again by the caller). */
export async function freshToken(
  token: StoredToken,
  fetchFn?: Fetch,
): Promise<{ token: StoredToken; refreshed: boolean }> {
  if (token.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return { token, refreshed: false };
  if (!token.refreshToken)
    throw new FlowportError(
      'AUTH_TOKEN_EXPIRED',
      'The stored Power Platform sign-in has expired; run `flowport login` again.',
    );
  const e = endpoints({
    authority: token.authority,
    tenant: token.tenant,
    clientId: token.clientId,
    scope: token.scope,
    ...(fetchFn && { fetch: fetchFn }),
  });
  try {
    const response = await oauth.refreshTokenGrantRequest(
      e.as,
      e.client,
      oauth.None(),
      token.refreshToken,
      e.options,
    );
    return {
      token: stored(e, await oauth.processRefreshTokenResponse(e.as, e.client, response), token.refreshToken),
      refreshed: true,
    };
  } catch (error) {
    throw signInError('refreshing the stored sign-in (run `flowport login` again)', error);
  }
}

function signInError(what: string, error: unknown): FlowportError {
  if (error instanceof oauth.ResponseBodyError) {
    const description = error.cause.error_description;
    const reason = `${error.error}${typeof description === 'string' ? `: ${description.split(/\r?\n/)[0]}` : ''}`;
    return new FlowportError('AUTH_REFRESH_FAILED', `Microsoft Entra ID refused ${what}: ${reason}.`, {
      cause: error,
    });
  }
  // fetch rejects with a TypeError when the host cannot be reached at all.
  if (error instanceof TypeError)
    return new FlowportError(
      'UPSTREAM_UNREACHABLE',
      `Microsoft Entra ID does not answer (${what}): ${(error.cause as Error | undefined)?.message ?? error.message}; check the network, or --authority.`,
      { cause: error },
    );
  return new FlowportError(
    'AUTH_REFRESH_FAILED',
    `Microsoft Entra ID answered ${what} in a way flowport cannot read: ${(error as Error).message}.`,
    { cause: error },
  );
}

export function readStoredToken(home: string): StoredToken | undefined {
  try {
    const value = JSON.parse(readFileSync(join(home, TOKEN_FILE), 'utf8')) as StoredToken;
    return typeof value.accessToken === 'string' && typeof value.expiresAt === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeStoredToken(home: string, token: StoredToken): string {
  const path = join(home, TOKEN_FILE);
  writeFileSync(path, `${JSON.stringify(token)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/** Forgets the stored sign-in; true when there was one. */
export function removeStoredToken(home: string): boolean {
  const path = join(home, TOKEN_FILE);
  const had = readStoredToken(home) !== undefined;
  rmSync(path, { force: true });
  return had;
}
