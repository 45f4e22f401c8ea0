/**
 * What `flowport oauth-doctor` checks, as data: each check's id, what it looks at and why the platform
 * cares. A run reports findings against these ids (`finding.ts`); docs/oauth-doctor.md lists them.
 */
export const CHECKS = {
  settings: {
    title: 'OAuth settings',
    why: 'The platform builds the sign-in and every token request from the `oauthSetting` connection parameter.',
  },
  client: {
    title: 'Client id and secret',
    why: 'The app registered with the identity provider; the secret is kept out of source control and given at deployment.',
  },
  'sign-in': {
    title: 'Sign-in and code exchange',
    why: 'The platform exchanges the authorization code at the token URL with the client secret in the form body.',
  },
  'refresh-token': {
    title: 'Refresh token',
    why: 'The platform renews an expired access token only with a refresh token; without one the connection breaks when the first token expires.',
  },
  'token-lifetime': {
    title: 'Access token lifetime',
    why: '`expires_in` tells the platform when to refresh; without it, expiry shows up as 401s from the API.',
  },
  'token-type': {
    title: 'Token type',
    why: 'The platform sends every call with `Authorization: Bearer <access token>`.',
  },
  scopes: {
    title: 'Granted scopes',
    why: 'A provider may grant fewer scopes than asked; operations needing the others then fail with 403.',
  },
  audience: {
    title: 'Token audience',
    why: "For Microsoft Entra ID (`aad`) the token must be issued for the connector's `resourceUri`, or the API refuses it.",
  },
  'api-call': {
    title: 'The API accepts the token',
    why: "The connector's test connection (`x-ms-capabilities.testConnection`, else a safe GET) with the new token.",
  },
  refresh: {
    title: 'Refresh as the platform sends it',
    why: 'A refresh the provider refuses marks the connection unauthenticated an hour or so after sign-in, in production.',
  },
  'refresh-rotation': {
    title: 'Refresh token rotation',
    why: 'A provider that issues a new refresh token on each refresh expects the newest one next time.',
  },
  'refreshed-call': {
    title: 'The API accepts the refreshed token',
    why: 'A refreshed token issued for another audience or with fewer scopes fails where the first one worked.',
  },
  redirect: {
    title: 'Redirect URL',
    why: 'The provider accepts only the redirect URLs registered with the app, for this check and for the deployed connector.',
  },
} as const satisfies Record<string, { readonly title: string; readonly why: string }>;

export type CheckId = keyof typeof CHECKS;

/** `fail` breaks connections in production; `warn` may; `info` is worth knowing; `pass` is fine. */
export type Verdict = 'pass' | 'info' | 'warn' | 'fail';

/** One outcome of a check, as data: the message names what was seen, `fix` what to change. */
export interface DoctorFinding {
  readonly check: CheckId;
  readonly verdict: Verdict;
  readonly message: string;
  readonly fix?: string;
}

export const VERDICTS: readonly Verdict[] = ['fail', 'warn', 'info', 'pass'];
