import type { OAuthProvider } from '../runtime/connection/oauth-settings.ts';
import type { DoctorFinding } from './checks.ts';

/** What a token answer is checked against: what the connector asked for. */
export interface TokenAnswerContext {
  readonly provider: OAuthProvider;
  /** The scopes asked for, as sent (joined by the connector's delimiter). */
  readonly scopes: string;
  /** Entra v1 `resource` (`resourceUri`). */
  readonly resource: string | undefined;
}

/** Below this many seconds an access token is short-lived enough to mention. */
const SHORT_LIFETIME_S = 300;

function minutes(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

/** Scope names of a space, comma or plus separated list. */
export function scopeList(scopes: string): string[] {
  return scopes
    .split(/[\s,+]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The claims of a JWT access token, read without checking its signature; undefined for opaque tokens. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as unknown;
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const ASK_OFFLINE =
  'Ask for offline access: OpenID Connect providers (Entra ID v2, Okta, Auth0, Keycloak) return a refresh token for the `offline_access` scope; Google for `access_type=offline&prompt=consent` in the authorization URL (an `oauth2generic` `authorizationUrlQueryStringTemplate`); others have an app setting for it (GitHub Apps: "expire user authorization tokens").';

/**
 * Findings about the answer of the code exchange (the raw JSON, so that a missing field is seen as
 * missing). Tokens themselves never appear in a message.
 */
export function tokenAnswerFindings(
  answer: Record<string, unknown>,
  context: TokenAnswerContext,
): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in);
  const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined;
  const refresh = typeof answer.refresh_token === 'string' && answer.refresh_token !== '';
  const asked = scopeList(context.scopes);

  if (refresh)
    findings.push({
      check: 'refresh-token',
      verdict: 'pass',
      message: 'The token answer holds a refresh token.',
    });
  else
    findings.push({
      check: 'refresh-token',
      verdict: lifetime === undefined ? 'warn' : 'fail',
      message:
        lifetime === undefined
          ? 'The token answer holds no refresh token. It gives no lifetime either: if the access token ever expires, the connection breaks and its user must sign in again.'
          : `The token answer holds no refresh token: the connection breaks when the access token expires (in ${minutes(lifetime)}) and its user must sign in again.`,
      fix: asked.some((s) => s.toLowerCase() === 'offline_access')
        ? 'The `offline_access` scope was asked for and still no refresh token came: check that the app registration allows refresh tokens (and, for Google, `access_type=offline&prompt=consent`).'
        : ASK_OFFLINE,
    });

  if (lifetime === undefined)
    findings.push({
      check: 'token-lifetime',
      verdict: 'info',
      message:
        "The token answer has no `expires_in`: the platform learns that the access token expired only from the API's 401 answers.",
    });
  else
    findings.push({
      check: 'token-lifetime',
      verdict: lifetime < SHORT_LIFETIME_S ? 'warn' : 'pass',
      message: `The access token lasts ${minutes(lifetime)} (\`expires_in\` ${lifetime}).`,
      ...(lifetime < SHORT_LIFETIME_S && {
        fix: 'Runs longer than that refresh mid-run; make sure the refresh below passes, or lengthen the token lifetime in the app settings.',
      }),
    });

  const type = typeof answer.token_type === 'string' ? answer.token_type : '';
  if (type.toLowerCase() === 'bearer')
    findings.push({ check: 'token-type', verdict: 'pass', message: '`token_type` is `Bearer`.' });
  else
    findings.push({
      check: 'token-type',
      verdict: 'warn',
      message: type
        ? `\`token_type\` is \`${type}\`, but the platform sends the token as \`Authorization: Bearer\`.`
        : 'The token answer has no `token_type` (RFC 6749 requires one); the platform sends the token as `Authorization: Bearer`.',
      fix: 'Check that the API takes `Authorization: Bearer <token>`; if it wants another header, add a policy (`setheader`) or custom code that moves the token.',
    });

  if (typeof answer.scope === 'string' && asked.length > 0) {
    const granted = new Set(scopeList(answer.scope).map((s) => s.toLowerCase()));
    // OpenID and offline scopes are often absent from the granted list although honoured.
    const missing = asked.filter(
      (s) =>
        !granted.has(s.toLowerCase()) &&
        !['openid', 'offline_access', 'profile', 'email'].includes(s.toLowerCase()),
    );
    findings.push(
      missing.length === 0
        ? { check: 'scopes', verdict: 'pass', message: 'Every scope asked for was granted.' }
        : {
            check: 'scopes',
            verdict: 'warn',
            message: `The provider granted fewer scopes than asked: ${missing.map((s) => `\`${s}\``).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from \`${answer.scope}\`.`,
            fix: 'Operations that need those scopes will answer 403. Add them to the app registration (or have an administrator consent), or drop them from `scopes`.',
          },
    );
  } else if (asked.length > 0)
    findings.push({
      check: 'scopes',
      verdict: 'info',
      message:
        'The token answer does not list the granted scopes (RFC 6749 lets a provider leave them out when it granted what was asked).',
    });

  if (context.provider === 'aad' || context.provider === 'aadcertificate') {
    const claims = typeof answer.access_token === 'string' ? jwtClaims(answer.access_token) : undefined;
    const aud = claims?.aud;
    const resource = context.resource?.replace(/\/+$/, '');
    if (typeof aud === 'string' && resource) {
      const same = aud.replace(/\/+$/, '').toLowerCase() === resource.toLowerCase();
      findings.push(
        same
          ? {
              check: 'audience',
              verdict: 'pass',
              message: `The access token is issued for \`${aud}\`, the connector's \`resourceUri\`.`,
            }
          : {
              check: 'audience',
              verdict: 'warn',
              message: `The access token is issued for \`${aud}\`, not for the connector's \`resourceUri\` \`${context.resource}\`.`,
              fix: "Set `customParameters.resourceUri` to the application ID URI (or app id) of the API the connector calls, as it appears in its tokens' `aud`.",
            },
      );
    }
  }
  return findings;
}
