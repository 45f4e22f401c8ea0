import { isFlowportError } from '../errors.ts';
import type { OAuthEndpoints } from '../runtime/connection/oauth-settings.ts';
import { RefreshRefusedError, tokenEndpointUrl } from '../runtime/connection/token-provider.ts';
import { refreshGrantOf } from '../server/oauth/endpoints.ts';
import type { DoctorFinding } from './checks.ts';
import { type Recorded, recordingFetch } from './recording-fetch.ts';

/**
 * Another way of sending the refresh grant, tried only when the provider refused the platform's:
 * the one it takes names what to change in the connector (or why no setting can mend it).
 */
interface RefreshVariant {
  readonly id: string;
  /** What differs from the platform's request, for the message. */
  readonly differs: string;
  readonly applies: (endpoints: OAuthEndpoints) => boolean;
  readonly request: (
    endpoints: OAuthEndpoints,
    refreshToken: string,
  ) => { readonly headers: Record<string, string>; readonly body: URLSearchParams };
  readonly fix: (endpoints: OAuthEndpoints) => string;
}

const generic = (e: OAuthEndpoints) => e.provider === 'oauth2generic';

/** Said with every fix that changes the identity provider: connections made before must sign in again. */
const RECONNECT =
  ' Existing connections sign in again after such a change (release it as a new connection parameter set or version).';

/** The standard refresh body with the client credentials in it (`client_secret_post`). */
function postBody(e: OAuthEndpoints, refreshToken: string): URLSearchParams {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
  if (e.clientId) body.set('client_id', e.clientId);
  if (e.clientSecret !== undefined) body.set('client_secret', e.clientSecret);
  if (e.resource !== undefined) body.set('resource', e.resource);
  return body;
}

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

/**
 * The standard body with one more field (`scope`, `redirect_uri`), and the template that sends it:
 * `{placeholder}` is the field's value in `oauth2generic` templates. Tried when the value is not empty.
 */
function withField(
  field: string,
  differs: string,
  placeholder: string,
  fieldValue: (e: OAuthEndpoints) => string,
): RefreshVariant {
  const template = `grant_type=refresh_token&refresh_token={RefreshToken}&client_id={ClientId}&client_secret={ClientSecret}&${field}={${placeholder}}`;
  return {
    id: `with-${field.replace('_', '-')}`,
    differs: `${differs} (\`${field}\`)`,
    applies: (e) => fieldValue(e) !== '',
    request: (e, token) => {
      const body = postBody(e, token);
      body.set(field, fieldValue(e));
      return { headers: form, body };
    },
    fix: (e) =>
      generic(e)
        ? `Add \`&${field}={${placeholder}}\` to \`refreshBodyTemplate\`.`
        : `The platform sends no \`${field}\` on refresh for this identity provider: switch the parameter to \`oauth2generic\` with a \`refreshBodyTemplate\` of \`${template}\`.${RECONNECT}`,
  };
}

/** In the order tried; the first the provider takes is reported. */
export const REFRESH_VARIANTS: readonly RefreshVariant[] = [
  {
    id: 'standard-body',
    differs: 'the standard refresh body (`grant_type`, `refresh_token`, `client_id`, `client_secret`)',
    applies: generic,
    request: (e, token) => ({ headers: form, body: postBody(e, token) }),
    fix: () =>
      'Make `refreshBodyTemplate` send the standard body: `grant_type=refresh_token&refresh_token={RefreshToken}&client_id={ClientId}&client_secret={ClientSecret}` (or remove the template to get it).',
  },
  withField('scope', 'the scopes added', 'Scopes', (e) => e.scopes),
  withField('redirect_uri', 'the redirect URL added', 'RedirectUrl', (e) => e.redirectUrl),
  {
    id: 'basic-auth',
    differs:
      'the client id and secret in an `Authorization: Basic` header (`client_secret_basic`) instead of the body',
    applies: (e) => e.clientId !== undefined && e.clientSecret !== undefined,
    request: (e, token) => ({
      headers: {
        ...form,
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(e.clientId ?? '')}:${encodeURIComponent(e.clientSecret ?? '')}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }),
    }),
    fix: () =>
      'The platform sends the client secret in the body, and no connector setting puts it in a header: allow `client_secret_post` in the app registration, if the provider offers it, or ask the provider to.',
  },
];

/** The provider's own words for a refusal, without anything secret (they are its error fields). */
function refusalOf(recorded: Recorded | undefined): string {
  if (!recorded) return 'no answer';
  const json = recorded.json as { error?: unknown; error_description?: unknown } | undefined;
  const error = typeof json?.error === 'string' ? `\`${json.error}\`` : '';
  const description =
    typeof json?.error_description === 'string' ? ` "${json.error_description.slice(0, 200)}"` : '';
  return `HTTP ${recorded.status}${error ? `, ${error}` : ''}${description}`;
}

export interface RefreshOutcome {
  readonly findings: DoctorFinding[];
  /** The new access token, when some refresh worked (for the API check that follows). */
  readonly accessToken?: string;
}

/**
 * Refreshes as the platform would, then, when the provider refuses, tries {@link REFRESH_VARIANTS}
 * to say which change the provider wants. Findings name no token.
 */
export async function probeRefresh(
  endpoints: OAuthEndpoints,
  refreshToken: string,
  options: { readonly fetch?: typeof fetch; readonly now?: () => number },
): Promise<RefreshOutcome> {
  const base = options.fetch ?? fetch;
  const recorder = recordingFetch(base);
  try {
    const tokens = await refreshGrantOf(endpoints, {
      fetch: recorder.fetch,
      ...(options.now && { now: options.now }),
    })(refreshToken);
    const answer = recorder.last()?.json as { refresh_token?: unknown } | undefined;
    const rotated = typeof answer?.refresh_token === 'string' && answer.refresh_token !== refreshToken;
    return {
      accessToken: tokens.accessToken,
      findings: [
        {
          check: 'refresh',
          verdict: 'pass',
          message: `The provider refreshed the token as the platform asks it to (${endpoints.provider === 'oauth2generic' ? 'the `refreshBodyTemplate` request' : 'client secret in the body'}, at \`${where(endpoints.refreshUrl)}\`).`,
        },
        rotated
          ? {
              check: 'refresh-rotation',
              verdict: 'info',
              message:
                "The provider issues a new refresh token with each refresh (rotation); the platform and `flowport serve` keep the newest. Two systems sharing one connection's grant would lock each other out.",
            }
          : {
              check: 'refresh-rotation',
              verdict: 'pass',
              message: 'The refresh token stays the same across refreshes.',
            },
      ],
    };
  } catch (error) {
    if (!(error instanceof RefreshRefusedError)) {
      if (!isFlowportError(error)) throw error;
      // The settings stop the refresh before anything is sent (a refresh URL that is not HTTPS).
      return { findings: [{ check: 'refresh', verdict: 'fail', message: error.message }] };
    }
    const refused = recorder.last();
    if (!error.refused)
      return {
        findings: [
          {
            check: 'refresh',
            verdict: 'fail',
            message: `The refresh could not be sent to \`${where(endpoints.refreshUrl)}\` (${refused ? refusalOf(refused) : 'unreachable'}).`,
            fix: 'Check `refreshUrl` (the token URL when it is not set) and that the provider is up, then run the doctor again.',
          },
        ],
      };
    for (const variant of REFRESH_VARIANTS) {
      if (!variant.applies(endpoints)) continue;
      const { headers, body } = variant.request(endpoints, refreshToken);
      let response: Response;
      try {
        response = await base(tokenEndpointUrl(endpoints.refreshUrl).href, {
          method: 'POST',
          headers,
          body: body.toString(),
          redirect: 'manual',
        });
      } catch {
        continue;
      }
      const json = (await response.json().catch(() => undefined)) as { access_token?: unknown } | undefined;
      if (response.ok && typeof json?.access_token === 'string')
        return {
          accessToken: json.access_token,
          findings: [
            {
              check: 'refresh',
              verdict: 'fail',
              message: `The provider refused the refresh the platform sends (${refusalOf(refused)}) but took one with ${variant.differs}: in production the connection becomes unauthenticated when the first access token expires.`,
              fix: variant.fix(endpoints),
            },
          ],
        };
    }
    return {
      findings: [
        {
          check: 'refresh',
          verdict: 'fail',
          message: `The provider refused the refresh the platform sends (${refusalOf(refused)}), and every other usual form of it too: in production the connection becomes unauthenticated when the first access token expires.`,
          fix: "Check `refreshUrl` (the token URL when it is not set), that the app registration allows the refresh-token grant, and the provider's documentation of its refresh request.",
        },
      ],
    };
  }
}

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}
