import { ownCaseless, ownString } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { isFlowportError } from '../errors.ts';
import {
  GLOBAL_REDIRECT_URL,
  type OAuthEndpoints,
  oauthEndpointsOf,
  oauthParameter,
} from '../runtime/connection/oauth-settings.ts';
import { activeParameters, parameterType } from '../runtime/connection/parameters.ts';
import { RefreshRefusedError } from '../runtime/connection/token-provider.ts';
import type { Connection } from '../runtime/types.ts';
import { authorizationRequest, exchangeCode } from '../server/oauth/exchange.ts';
import { apiCaller } from './api-check.ts';
import { type DoctorFinding, VERDICTS, type Verdict } from './checks.ts';
import { recordingFetch } from './recording-fetch.ts';
import { probeRefresh } from './refresh-probe.ts';
import { tokenAnswerFindings } from './token-answer.ts';

export interface DoctorOptions {
  /** Connection values (`token:<sub>` template values, other parameters) and parameter set. */
  readonly connection?: Connection;
  /** The app to sign in with; default: the connection's `token:clientId`, else the connector's. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** The loopback callback the sign-in returns to (registered with the provider). */
  readonly redirectUrl: string;
  /**
   * Sends the user to `url` and resolves with the query the provider redirected back with
   * (`code` and `state`, or `error`). The CLI prints and opens the URL and waits on the callback.
   */
  readonly authorize: (url: string) => Promise<URLSearchParams>;
  /** Call the API with the tokens (test connection); default true. */
  readonly callApi?: boolean;
  /** Replaces the swagger's scheme, host and basePath for the API calls. */
  readonly baseUrl?: string;
  readonly aadVersion?: 'v1' | 'v2';
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export interface DoctorReport {
  readonly source: string;
  readonly title: string | undefined;
  /** Undefined when the settings could not be read. */
  readonly endpoints?: {
    readonly provider: string;
    readonly parameter: string;
    readonly authorizationUrl: string;
    readonly tokenUrl: string;
    readonly refreshUrl: string;
    readonly scopes: string;
    readonly redirectUrl: string;
  };
  readonly findings: readonly DoctorFinding[];
  readonly summary: Readonly<Record<Verdict, number>>;
}

/** Where the deployed connector's sign-in comes back to, as far as its settings say. */
function platformRedirect(connector: Connector, connection: Connection): string {
  const { settings } = oauthParameter(connector, connection);
  const mode = (ownString(settings, 'redirectMode') ?? 'Global').toLowerCase();
  if (mode === 'globalperconnector')
    return 'the per-connector redirect URL the custom connector wizard shows on its Security tab after saving';
  return `\`${ownString(settings, 'redirectUrl') ?? GLOBAL_REDIRECT_URL}\``;
}

function report(
  connector: Connector,
  endpoints: OAuthEndpoints | undefined,
  findings: DoctorFinding[],
): DoctorReport {
  const summary = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const f of findings) summary[f.verdict]++;
  // A template may put the client secret in a URL; the provider's words might echo it.
  const secret = endpoints?.clientSecret;
  // The secret as it is and URL-encoded; not `maskSecrets`, whose header patterns would mask the
  // prose of a message that names `Authorization: Basic`.
  // (A secret of a few characters would mask ordinary words; real ones are longer.)
  const forms = secret && secret.length >= 6 ? [...new Set([secret, encodeURIComponent(secret)])] : [];
  const mask = (text: string) => forms.reduce((out, form) => out.split(form).join('***'), text);
  return {
    source: connector.source,
    title: ownString(ownCaseless(connector.definition.raw, 'info'), 'title'),
    ...(endpoints && {
      endpoints: {
        provider: endpoints.provider,
        parameter: endpoints.parameter,
        authorizationUrl: mask(endpoints.authorizationUrl),
        tokenUrl: mask(endpoints.tokenUrl),
        refreshUrl: mask(endpoints.refreshUrl),
        scopes: endpoints.scopes,
        redirectUrl: endpoints.redirectUrl,
      },
    }),
    findings: findings.map((f) => ({ ...f, message: mask(f.message), ...(f.fix && { fix: mask(f.fix) }) })),
    summary,
  };
}

/** A hint for the provider's error code at the authorization or token endpoint. */
function errorHint(error: string | undefined): string {
  switch (error) {
    case 'invalid_client':
    case 'unauthorized_client':
      return 'Check the client id and secret (the secret is sent in the body, `client_secret_post`, as the platform does; a provider that takes only `client_secret_basic` refuses it).';
    case 'invalid_grant':
      return 'Check that the redirect URL used here is registered with the app exactly, and sign in again (a code works once).';
    case 'redirect_uri_mismatch':
      return 'Register the redirect URL shown above with the app, exactly as shown.';
    case 'invalid_scope':
      return 'Fix `scopes` in `apiProperties.json`: the provider does not know one of them.';
    case 'access_denied':
      return 'The sign-in was declined (by the user or an administrator policy); consent, then run the doctor again.';
    default:
      return 'Check the client id and secret, the scopes and the registered redirect URL.';
  }
}

/**
 * Signs in to the connector's identity provider as the platform would (authorization code with the
 * client secret in the body) and checks what production meets later: the refresh token, the token's
 * lifetime, type, scopes and audience, whether the API takes it, and the refresh as the platform
 * sends it (with the variant the provider would take when it refuses). Never throws for what the
 * provider answers; findings name no token or secret.
 */
export async function oauthDoctor(connector: Connector, options: DoctorOptions): Promise<DoctorReport> {
  const connection: Connection = options.connection ?? { values: {} };
  const findings: DoctorFinding[] = [];
  let endpoints: OAuthEndpoints;
  try {
    endpoints = oauthEndpointsOf(connector, connection, {
      redirectUrl: options.redirectUrl,
      ...(options.clientId !== undefined && { clientId: options.clientId }),
      ...(options.clientSecret !== undefined && { clientSecret: options.clientSecret }),
      ...(options.aadVersion && { aadVersion: options.aadVersion }),
    });
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    const oauth = activeParameters(connector, connection.parameterSet).parameters.some(
      (p) => parameterType(p) === 'oauthsetting',
    );
    findings.push(
      oauth
        ? { check: 'settings', verdict: 'fail', message: error.message }
        : {
            check: 'settings',
            verdict: 'fail',
            message: `The connector has no OAuth connection parameter${connection.parameterSet ? ` in parameter set \`${connection.parameterSet}\`` : ''}: there is no sign-in to check.`,
            fix: 'For a multi-auth connector, choose its OAuth set with `--conn-set`; to try API key or basic connections, use `flowport smoke` or `flowport run`.',
          },
    );
    return report(connector, undefined, findings);
  }
  findings.push({
    check: 'settings',
    verdict: 'pass',
    message: `Identity provider \`${endpoints.provider}\` of connection parameter \`${endpoints.parameter}\`.`,
  });
  for (const warning of endpoints.warnings)
    findings.push({ check: 'settings', verdict: 'info', message: warning });

  const { settings } = oauthParameter(connector, connection);
  if (ownString(settings, 'clientSecret'))
    findings.push({
      check: 'client',
      verdict: 'warn',
      message: '`apiProperties.json` holds the client secret: whoever reads the connector reads it.',
      fix: "Remove `clientSecret` from `oAuthSettings` and give it at deployment (`flowport deploy --secret`, the portal's Security tab).",
    });
  if (!endpoints.clientId) {
    findings.push({
      check: 'client',
      verdict: 'fail',
      message: 'No client id to sign in with: the connector names none and none was given.',
      fix: 'Pass the id of the app you registered with the provider: `--client-id <id>`.',
    });
    return report(connector, endpoints, findings);
  }
  if (endpoints.clientSecret === undefined)
    findings.push({
      check: 'client',
      verdict: 'info',
      message:
        'No client secret given: signing in as a public client. The platform sends the secret the connector is deployed with; most providers require one.',
      fix: 'Give the secret in `$FLOWPORT_CLIENT_SECRET` (or `--client-secret-env <variable>`).',
    });
  findings.push({
    check: 'redirect',
    verdict: 'info',
    message: `This check signs in through \`${endpoints.redirectUrl}\`; the deployed connector signs in through ${platformRedirect(connector, connection)}. Register both with the app.`,
  });

  // Sign-in: the authorization request with state and PKCE, then the code exchange.
  const request = await authorizationRequest(endpoints);
  const query = await options.authorize(request.url);
  const error = query.get('error') ?? undefined;
  if (error) {
    const description = query.get('error_description');
    findings.push({
      check: 'sign-in',
      verdict: 'fail',
      message: `The provider refused the sign-in: \`${error}\`${description ? ` "${description.slice(0, 200)}"` : ''}.`,
      fix: errorHint(error),
    });
    return report(connector, endpoints, findings);
  }
  const code = query.get('code');
  if (query.get('state') !== request.state || !code) {
    findings.push({
      check: 'sign-in',
      verdict: 'fail',
      message: !code
        ? 'The provider came back without an authorization code.'
        : 'The provider came back with another `state` than the one sent: the answer is not for this sign-in.',
      fix: 'Sign in again from the URL the doctor prints, in one browser tab.',
    });
    return report(connector, endpoints, findings);
  }
  const recorder = recordingFetch(options.fetch ?? fetch);
  const now = options.now ?? Date.now;
  try {
    await exchangeCode(endpoints, code, request.codeVerifier, { fetch: recorder.fetch, now });
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    if (!(error instanceof RefreshRefusedError)) {
      // The settings stop the exchange before anything is sent (a token URL that is not HTTPS).
      findings.push({ check: 'sign-in', verdict: 'fail', message: error.message });
      return report(connector, endpoints, findings);
    }
    const recorded = recorder.last();
    const answer = recorded?.json as { error?: unknown; access_token?: unknown } | undefined;
    if (recorded && recorded.status < 300 && typeof answer?.access_token === 'string') {
      // Tokens came, in an answer OAuth 2 clients refuse: say what is odd about it.
      findings.push({
        check: 'sign-in',
        verdict: 'fail',
        message: `The token URL answered the code exchange with tokens, but in a form an OAuth 2 client refuses (${/failed \((.*?)\);/.exec(error.message)?.[1] ?? 'see below'}).`,
        fix: 'See the findings about the token answer below; the provider must answer as RFC 6749 §5.1 says.',
      });
      findings.push(
        ...tokenAnswerFindings(answer as Record<string, unknown>, {
          provider: endpoints.provider,
          scopes: endpoints.scopes,
          resource: endpoints.resource,
        }),
      );
      return report(connector, endpoints, findings);
    }
    findings.push({
      check: 'sign-in',
      verdict: 'fail',
      message: error.message,
      fix: errorHint(typeof answer?.error === 'string' ? answer.error : undefined),
    });
    return report(connector, endpoints, findings);
  }
  const answer = (recorder.last()?.json ?? {}) as Record<string, unknown>;
  findings.push({
    check: 'sign-in',
    verdict: 'pass',
    message: `Signed in; the token URL took the code as the platform sends it (${endpoints.provider === 'oauth2generic' ? 'the `tokenBodyTemplate` request' : 'client secret in the body'}).`,
  });
  findings.push(
    ...tokenAnswerFindings(answer, {
      provider: endpoints.provider,
      scopes: endpoints.scopes,
      resource: endpoints.resource,
    }),
  );

  const accessToken = typeof answer.access_token === 'string' ? answer.access_token : '';
  const refreshToken = typeof answer.refresh_token === 'string' ? answer.refresh_token : '';
  const call = options.callApi === false ? undefined : apiCaller(connector, connection, options);
  let firstCallOk = false;
  if (call) {
    const result = await call(accessToken, 'api-call');
    firstCallOk = result.verdict === 'pass';
    findings.push(result);
  }
  if (refreshToken) {
    const outcome = await probeRefresh(endpoints, refreshToken, {
      ...(options.fetch && { fetch: options.fetch }),
      now,
    });
    findings.push(...outcome.findings);
    if (call && firstCallOk && outcome.accessToken)
      findings.push(await call(outcome.accessToken, 'refreshed-call'));
  }
  return report(connector, endpoints, findings);
}
