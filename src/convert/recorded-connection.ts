/**
 * The connection of a connector made from recorded calls: the credential most calls sent, as the
 * connection's authentication (through `convertSecurity`, as an OpenAPI scheme would be); the other
 * credentials, browser cookies and session headers reported, never kept.
 */

import { ownObject } from '../connector/json.ts';
import type { Exchange } from './exchange.ts';
import type { Losses } from './loss.ts';
import {
  credentialKey,
  credentialsOf,
  describeCredential,
  type RecordedCredential,
  schemeOf,
} from './recorded-auth.ts';
import { type OAuthSeen, oauthScheme } from './recorded-oauth.ts';
import { headerRole } from './recorded-values.ts';
import { type Auth, convertSecurity } from './security.ts';

interface Credentials {
  readonly chosen: RecordedCredential | undefined;
  /** Calls that sent the chosen credential. */
  readonly sent: ReadonlySet<Exchange>;
}

/** The credential most calls sent; the others and browser cookies reported. */
function chooseCredential(
  calls: readonly Exchange[],
  losses: Losses,
  oauth: OAuthSeen | undefined,
): Credentials {
  const counts = new Map<string, { credential: RecordedCredential; calls: Exchange[] }>();
  for (const call of calls)
    for (const c of credentialsOf(call)) {
      const key = credentialKey(c);
      const entry = counts.get(key);
      if (entry) entry.calls.push(call);
      else counts.set(key, { credential: c, calls: [call] });
    }
  const ranked = [...counts.values()].sort((a, b) => b.calls.length - a.calls.length);
  const [top, ...others] = ranked;
  const signedIn = signInOf(top?.credential, oauth) !== undefined;
  for (const o of others)
    losses.add(
      o.calls[0]?.pointer ?? '',
      'credential',
      `${describeCredential(o.credential)}, sent by ${o.calls.length} call(s), is not kept: a connection authenticates one way (${top ? describeCredential(top.credential) : 'none'})`,
    );
  const cookies = calls.filter((c) => c.headers.some((h) => h.name.toLowerCase() === 'cookie'));
  if (cookies.length > 0)
    losses.add(
      cookies[0]?.pointer ?? '',
      'session cookie',
      `sent by ${cookies.length} call(s) and not kept: a connector cannot sign in with a browser session; ${
        top
          ? `the connection uses ${describeCredential(top.credential)} instead`
          : 'the connector has no authentication, so set one up in apiProperties.json (an API key, or OAuth 2 with the API’s app registration)'
      }`,
    );
  if (top)
    losses.add(
      top.calls[0]?.pointer ?? '',
      'credential',
      `${describeCredential(top.credential)}, sent by ${top.calls.length} of ${calls.length} call(s), ${
        signedIn ? 'is the token the OAuth 2 sign-in gets' : 'became the connection’s authentication'
      }; the recorded value is not kept`,
    );
  else if (cookies.length === 0 && !signedIn)
    losses.add(
      calls[0]?.pointer ?? '',
      'credential',
      'no call sent a credential, so the connector has no authentication: if the API needs one, the recording may have left it out (browsers export HAR files without `Authorization` headers and cookies unless asked to include sensitive data); record again with it, or set up the authentication in apiProperties.json',
    );
  return { chosen: top?.credential, sent: new Set(top?.calls ?? []) };
}

/** A sign-in seen in the recording says where a Bearer token (or none) comes from: the connection signs in. */
function signInOf(chosen: RecordedCredential | undefined, oauth: OAuthSeen | undefined) {
  if (!oauth || (chosen !== undefined && chosen.kind !== 'bearer')) return undefined;
  const scheme = oauthScheme(oauth);
  // The platform signs users in with the authorization code flow only.
  return ownObject(ownObject(scheme, 'flows'), 'authorizationCode') ? scheme : undefined;
}

/** The connection's authentication and the calls that sent its credential (the others get `security: []`). */
export function recordedConnection(
  calls: readonly Exchange[],
  losses: Losses,
  oauth?: OAuthSeen,
): { readonly auth: Auth; readonly sent: ReadonlySet<Exchange> } {
  const first = calls[0];
  const origin = `${first?.url.protocol}//${first?.url.host}`;
  const credential = chooseCredential(calls, losses, oauth);
  const { chosen } = credential;
  let sent = credential.sent;
  const signIn = signInOf(chosen, oauth);
  if (oauth && signIn) {
    if (!chosen) sent = new Set(calls);
    losses.add(
      oauth.pointer,
      'OAuth 2 sign-in',
      `seen (${[oauth.authorizationUrl && `sign-in at ${oauth.authorizationUrl}`, oauth.tokenUrl && `tokens from ${oauth.tokenUrl}`, oauth.scopes.length > 0 && `scopes ${oauth.scopes.join(' ')}`].filter(Boolean).join(', ')}): the connection signs users in with it (authorization code) instead of taking a typed token; register the redirect URL with the API’s app and set its client ID`,
    );
  } else if (oauth && !oauth.authorizationUrl && oauth.grants.has('client_credentials'))
    losses.add(
      oauth.pointer,
      'OAuth 2 sign-in',
      `client credentials seen (tokens from ${oauth.tokenUrl}): the platform signs in with the authorization code flow only, so the connection takes an access token typed in`,
    );
  else if (oauth)
    losses.add(
      oauth.pointer,
      'OAuth 2 sign-in',
      `token requests to ${oauth.tokenUrl ?? 'a token endpoint'} were recorded but no sign-in page (${oauth.authorizationUrl ? 'no token request' : 'an authorization URL'} is missing): record the sign-in too, or set up OAuth 2 in apiProperties.json by hand`,
    );
  const schemeName = signIn
    ? 'oauth2'
    : chosen
      ? chosen.kind === 'basic'
        ? 'basic_auth'
        : chosen.kind === 'bearer'
          ? 'bearer_token'
          : 'api_key'
      : undefined;
  const scheme = signIn ?? (chosen ? schemeOf(chosen) : undefined);
  // The scheme's findings point at the first call that sent the credential, not at a made-up name.
  const schemesAt = '/\u0000scheme';
  const sentAt = [...sent][0]?.pointer ?? first?.pointer ?? '';
  const authLosses: Losses = {
    items: losses.items,
    add: (pointer, construct, action) =>
      losses.add(pointer.startsWith(schemesAt) ? sentAt : pointer, construct, action),
  };
  const auth = convertSecurity(
    {},
    authLosses,
    origin,
    schemesAt,
    schemeName && scheme ? { [schemeName]: scheme } : {},
  );
  const dropped = new Set<string>();
  for (const c of calls)
    for (const h of c.headers)
      if (
        headerRole(h.name) === 'secret' &&
        h.name.toLowerCase() !== 'cookie' &&
        !credentialsOf(c).some((k) => k.name.toLowerCase() === h.name.toLowerCase())
      )
        dropped.add(h.name);
  for (const name of dropped)
    losses.add(
      first?.pointer ?? '',
      'header',
      `\`${name}\` not kept: it carries a session or a secret; the connection’s authentication is sent instead`,
    );

  return { auth, sent };
}
