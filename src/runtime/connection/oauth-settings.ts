import { isObject, own, ownBoolean, ownCaseless, ownObject, ownString } from '../../connector/json.ts';
import type { ConnectionParameter, Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Connection } from '../types.ts';
import { definitionsOfType } from './auth/scheme.ts';
import { activeParameters, parameterType } from './parameters.ts';

export type OAuthProvider = 'oauth2' | 'oauth2generic' | 'aad' | 'aadcertificate';

/** The platform's consent redirect (`redirectMode: Global`); a local runtime cannot receive it. */
export const GLOBAL_REDIRECT_URL = 'https://global.consent.azure-apim.net/redirect';
export const DEFAULT_AAD_LOGIN_URI = 'https://login.microsoftonline.com';

/** A token-endpoint call: POST `body` (form-encoded) to `url`. */
export interface OAuthHttpRequest {
  readonly url: string;
  readonly body: string;
}

export interface OAuthEndpointOptions {
  /** Overrides the connector's `clientId` (and a `token:clientId` value): the app the user registered. */
  readonly clientId?: string;
  /** The client secret, which connectors keep out of source control. */
  readonly clientSecret?: string;
  /** The local runtime's own callback, registered with the identity provider. */
  readonly redirectUrl?: string;
  /** Entra endpoint version for `aad`; `v1` (`resource=`) by default. */
  readonly aadVersion?: 'v1' | 'v2';
}

/** Everything the interactive authorization-code flow needs, computed from the connector settings. */
export interface OAuthEndpoints {
  readonly provider: OAuthProvider;
  /** Name of the `oauthSetting` connection parameter (`token`). */
  readonly parameter: string;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly redirectUrl: string;
  /** Scopes joined by `scopeListDelimiter` (a space by default). */
  readonly scopes: string;
  /** Authorization endpoint without the request's query. */
  readonly authorizationUrl: string;
  readonly tokenUrl: string;
  /** `refreshUrl`, else the token URL. */
  readonly refreshUrl: string;
  /** Entra v1 `resource`; undefined for other providers. */
  readonly resource: string | undefined;
  /** Non-fatal problems: placeholders left unfilled, features a local runtime does not offer. */
  readonly warnings: readonly string[];
  /** The URL to send the user to. */
  authorizationRequestUrl(state: string): string;
  /** Exchanges an authorization code. */
  tokenRequest(code: string): OAuthHttpRequest;
  /** Exchanges a refresh token (for {@link refreshingTokenProvider}'s `refreshRequest`). */
  refreshRequest(refreshToken: string): OAuthHttpRequest;
}

type Vars = Map<string, string>;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Substitutes `{name}` case-insensitively; `encode` for query strings and form bodies. */
function render(template: string, vars: Vars, encode: boolean, unresolved?: Set<string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars.get(name.toLowerCase());
    if (value === undefined) {
      unresolved?.add(whole);
      return whole;
    }
    return encode ? encodeURIComponent(value) : value;
  });
}

/** `customParameters.<name>.value` as written (a plain string is accepted too). */
function customRaw(settings: unknown, name: string): string | undefined {
  const entry = ownCaseless(ownObject(settings, 'customParameters'), name);
  const value = isObject(entry) ? own(entry, 'value') : entry;
  return typeof value === 'string' ? value : undefined;
}

/** `customParameters.<name>.value` trimmed; undefined when blank. */
function custom(settings: unknown, name: string): string | undefined {
  return customRaw(settings, name)?.trim() || undefined;
}

function form(fields: Record<string, string | undefined>): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) body.set(k, v);
  return body.toString();
}

function withQuery(base: string, query: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

function unsupported(message: string): FlowportError {
  return new FlowportError('AUTH_UNSUPPORTED', message);
}

function absolute(url: string, what: string, parameter: string): string {
  try {
    new URL(url);
    return url;
  } catch {
    throw unsupported(
      `The ${what} of connection parameter \`${parameter}\` is not an absolute URL after substitution; check its template and the \`${parameter}:…\` values.`,
    );
  }
}

/** `token:<sub>` connection values keyed by lower-cased `<sub>`; empty values are left out. */
function subValues(parameter: string, connection: Connection): Vars {
  const vars: Vars = new Map();
  const prefix = `${parameter.toLowerCase()}:`;
  for (const [name, value] of Object.entries(connection.values))
    if (name.toLowerCase().startsWith(prefix) && value !== '')
      vars.set(name.slice(prefix.length).toLowerCase(), value);
  return vars;
}

interface Common {
  readonly parameter: string;
  readonly settings: unknown;
  readonly vars: Vars;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly redirectUrl: string;
  readonly warnings: string[];
}

function genericEndpoints(c: Common, scopes: string): OAuthEndpoints {
  const unresolved = new Set<string>();
  const template = (name: string, required: boolean) => {
    const value = custom(c.settings, name);
    if (value === undefined && required)
      throw unsupported(
        `Connection parameter \`${c.parameter}\` uses \`oauth2generic\` without \`customParameters.${name}\`; add it.`,
      );
    return value;
  };
  const authorizationUrl = render(template('authorizationUrlTemplate', true)!, c.vars, false, unresolved);
  const authorizationQuery = template('authorizationUrlQueryStringTemplate', false);
  const tokenUrl = render(template('tokenUrlTemplate', true)!, c.vars, false, unresolved);
  const tokenQuery = template('tokenUrlQueryStringTemplate', false);
  const tokenBody = template('tokenBodyTemplate', false);
  const refreshUrl = render(template('refreshUrlTemplate', false) ?? tokenUrl, c.vars, false, unresolved);
  const refreshQuery = template('refreshUrlQueryStringTemplate', false);
  const refreshBody = template('refreshBodyTemplate', false);
  const call = (extra: Record<string, string>, track?: Set<string>) => {
    const vars = new Map([...c.vars, ...Object.entries(extra)]);
    const append = (url: string, query: string | undefined) => {
      if (!query) return url;
      const q = render(query, vars, true, track);
      return url.includes('?') && q.startsWith('?') ? `${url}&${q.slice(1)}` : `${url}${q}`;
    };
    return {
      authorize: () => append(authorizationUrl, authorizationQuery),
      token: (): OAuthHttpRequest => ({
        url: append(tokenUrl, tokenQuery),
        body: tokenBody
          ? render(tokenBody, vars, true, track)
          : form({
              grant_type: 'authorization_code',
              code: extra.code,
              redirect_uri: c.redirectUrl,
              client_id: c.clientId,
              client_secret: c.clientSecret,
            }),
      }),
      refresh: (): OAuthHttpRequest => ({
        url: append(refreshUrl, refreshQuery),
        body: refreshBody
          ? render(refreshBody, vars, true, track)
          : form({
              grant_type: 'refresh_token',
              refresh_token: extra.refreshtoken,
              client_id: c.clientId,
              client_secret: c.clientSecret,
            }),
      }),
    };
  };
  // A dry run with every per-request placeholder filled finds those no value will ever fill.
  const dry = call({ state: 's', code: 'c', refreshtoken: 'r' }, unresolved);
  dry.authorize();
  dry.token();
  dry.refresh();
  if (unresolved.size === 0)
    for (const url of [authorizationUrl, tokenUrl, refreshUrl]) absolute(url, 'OAuth URL', c.parameter);
  else
    c.warnings.push(
      `The \`oauth2generic\` templates of \`${c.parameter}\` use ${[...unresolved].map((p) => `\`${p}\``).join(', ')}, which no setting or \`${c.parameter}:…\` value fills; set those connection values.`,
    );
  return {
    provider: 'oauth2generic',
    parameter: c.parameter,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    redirectUrl: c.redirectUrl,
    scopes,
    authorizationUrl,
    tokenUrl,
    refreshUrl,
    resource: undefined,
    warnings: c.warnings,
    // At refresh time no authorization code exists; templates that still name `{code}` get it empty.
    authorizationRequestUrl: (state) => call({ state }).authorize(),
    tokenRequest: (code) => call({ code }).token(),
    refreshRequest: (refreshToken) => call({ refreshtoken: refreshToken, code: '' }).refresh(),
  };
}

function standardEndpoints(
  c: Common,
  provider: OAuthProvider,
  scopes: string,
  urls: { authorizationUrl: string; tokenUrl: string; refreshUrl: string },
  extra: Record<string, string | undefined>,
): OAuthEndpoints {
  const scope = scopes === '' ? undefined : scopes;
  return {
    provider,
    parameter: c.parameter,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    redirectUrl: c.redirectUrl,
    scopes,
    ...urls,
    resource: extra.resource,
    warnings: c.warnings,
    authorizationRequestUrl: (state) =>
      withQuery(urls.authorizationUrl, {
        client_id: c.clientId,
        response_type: 'code',
        redirect_uri: c.redirectUrl,
        scope,
        ...extra,
        state,
      }),
    tokenRequest: (code) => ({
      url: urls.tokenUrl,
      body: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: c.redirectUrl,
        client_id: c.clientId,
        client_secret: c.clientSecret,
        ...extra,
      }),
    }),
    refreshRequest: (refreshToken) => ({
      url: urls.refreshUrl,
      body: form({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: c.clientId,
        client_secret: c.clientSecret,
        ...extra,
      }),
    }),
  };
}

function oauth2Endpoints(connector: Connector, c: Common, scopes: string): OAuthEndpoints {
  // The swagger's URLs are informational; apiProperties wins, the swagger fills gaps (spec §6.5).
  const swagger = definitionsOfType(connector, 'oauth2')[0]?.raw;
  const pick = (name: string) => {
    // CobbleStone ships relative placeholders and asks for the real URLs as `token:` values.
    const value = c.vars.get(name.toLowerCase()) ?? custom(c.settings, name) ?? ownString(swagger, name);
    return value === undefined
      ? undefined
      : absolute(render(value, c.vars, false), `\`${name}\``, c.parameter);
  };
  const authorizationUrl = pick('authorizationUrl');
  const tokenUrl = pick('tokenUrl');
  if (!authorizationUrl || !tokenUrl)
    throw unsupported(
      `Connection parameter \`${c.parameter}\` uses \`oauth2\` without \`customParameters.${authorizationUrl ? 'tokenUrl' : 'authorizationUrl'}\`; add it.`,
    );
  return standardEndpoints(
    c,
    'oauth2',
    scopes,
    { authorizationUrl, tokenUrl, refreshUrl: pick('refreshUrl') ?? tokenUrl },
    {},
  );
}

function aadEndpoints(
  c: Common,
  provider: 'aad' | 'aadcertificate',
  scopes: string,
  version: 'v1' | 'v2',
): OAuthEndpoints {
  const login = (custom(c.settings, 'loginUri') ?? DEFAULT_AAD_LOGIN_URI).replace(/\/+$/, '');
  const tenant = c.vars.get('tenantid') ?? custom(c.settings, 'tenantId') ?? 'common';
  const resource =
    c.vars.get('resourceuri') ??
    custom(c.settings, 'resourceUri') ??
    ownString(ownObject(c.settings, 'properties'), 'AzureActiveDirectoryResourceId');
  if (!resource)
    throw unsupported(
      `Connection parameter \`${c.parameter}\` uses \`${provider}\` without \`customParameters.resourceUri\`; add the resource the token is for.`,
    );
  if (provider === 'aadcertificate')
    c.warnings.push(
      `\`aadcertificate\` is for first-party apps; flowport signs in with your own app registration and a client secret instead.`,
    );
  const base = `${login}/${encodeURIComponent(tenant)}/oauth2${version === 'v2' ? '/v2.0' : ''}`;
  const urls = {
    authorizationUrl: `${base}/authorize`,
    tokenUrl: `${base}/token`,
    refreshUrl: `${base}/token`,
  };
  absolute(urls.tokenUrl, 'Entra login URI', c.parameter);
  if (version === 'v1') return standardEndpoints(c, provider, scopes, urls, { resource });
  const v2Scopes = `${resource.replace(/\/+$/, '')}/.default offline_access`;
  return { ...standardEndpoints(c, provider, v2Scopes, urls, {}), resource: undefined };
}

/** The active `oauthSetting` parameter and its `oAuthSettings` object. */
export function oauthParameter(
  connector: Connector,
  connection: Connection,
): { p: ConnectionParameter; settings: unknown } {
  const { parameters } = activeParameters(connector, connection.parameterSet);
  const p = parameters.find((x) => parameterType(x) === 'oauthsetting');
  if (!p)
    throw unsupported(
      'The connection has no `oauthSetting` parameter, so there is no OAuth sign-in to run; pass a token or choose an OAuth parameter set.',
    );
  return { p, settings: ownCaseless(p.raw, 'oAuthSettings') };
}

/**
 * Reads the active `oauthSetting` parameter into the endpoints and requests of the authorization-code
 * flow: `oauth2` (`customParameters` URLs), `aad`/`aadcertificate` (Entra; v1 by default) and
 * `oauth2generic` (templates with `{placeholders}` filled case-insensitively from the settings and
 * `token:<sub>` connection values). Other identity providers throw `AUTH_UNSUPPORTED`.
 *
 * @example
 * const endpoints = oauthEndpointsOf(connector, connection, { redirectUrl: 'http://localhost:7071/oauth/callback', clientSecret });
 * response.redirect(endpoints.authorizationRequestUrl(state));
 */
export function oauthEndpointsOf(
  connector: Connector,
  connection: Connection,
  options: OAuthEndpointOptions = {},
): OAuthEndpoints {
  const { p, settings } = oauthParameter(connector, connection);
  const identityProvider = ownString(settings, 'identityProvider') ?? '';
  const provider = identityProvider.toLowerCase();
  if (
    provider !== 'oauth2' &&
    provider !== 'oauth2generic' &&
    provider !== 'aad' &&
    provider !== 'aadcertificate'
  )
    throw unsupported(
      `Identity provider \`${identityProvider || '(missing)'}\` of connection parameter \`${p.name}\` is not supported by flowport; sign in elsewhere and pass the access token instead.`,
    );
  const warnings: string[] = [];
  const subs = subValues(p.name, connection);
  const secret = ownString(settings, 'clientSecret');
  const clientId = options.clientId ?? subs.get('clientid') ?? ownString(settings, 'clientId');
  const clientSecret = options.clientSecret ?? subs.get('clientsecret') ?? (secret || undefined);
  if (options.redirectUrl === undefined)
    warnings.push(
      'The redirect URL is the platform consent page, which a local runtime cannot receive; pass your own `redirectUrl` and register it with the identity provider.',
    );
  const redirectUrl = options.redirectUrl ?? ownString(settings, 'redirectUrl') ?? GLOBAL_REDIRECT_URL;
  if (
    ownBoolean(ownObject(settings, 'properties'), 'IsOnbehalfofLoginSupported') === true ||
    custom(settings, 'enableOnbehalfOfLogin')?.toLowerCase() === 'true'
  )
    warnings.push('On-behalf-of sign-in is not supported locally; the signed-in user consents directly.');
  const vars: Vars = new Map(subs);
  const base = { parameter: p.name, settings, clientId, clientSecret, redirectUrl, warnings };
  const delimiter = provider === 'oauth2generic' ? customRaw(settings, 'scopeListDelimiter') || ' ' : ' ';
  const rawScopes = own(settings, 'scopes');
  const scopes =
    subs.get('scopes') ??
    (Array.isArray(rawScopes) ? rawScopes : [])
      .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
      .map((s) => render(s.trim(), vars, false))
      .join(delimiter);
  // Built-ins nobody set (a client secret kept out of source control) become empty, not `{ClientSecret}`.
  for (const [k, v] of [
    ['clientid', clientId],
    ['clientsecret', clientSecret],
    ['redirecturl', redirectUrl],
    ['scopes', scopes],
  ] as const)
    vars.set(k, v ?? '');
  const common: Common = { ...base, vars };
  if (provider === 'oauth2generic') return genericEndpoints(common, scopes);
  if (provider === 'oauth2') return oauth2Endpoints(connector, common, scopes);
  return aadEndpoints(common, provider, scopes, options.aadVersion ?? 'v1');
}
