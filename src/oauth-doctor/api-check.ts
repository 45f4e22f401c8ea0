import type { Connector } from '../connector/model.ts';
import { staticTokenProvider } from '../runtime/connection/token-provider.ts';
import { testConnection } from '../runtime/dynamic/test-connection.ts';
import { createRuntime } from '../runtime/runtime.ts';
import type { Connection } from '../runtime/types.ts';
import { withoutOAuthClient } from '../server/oauth/endpoints.ts';
import type { DoctorFinding } from './checks.ts';

/** Calls the connector's test connection with a token: a finding for `check`. */
export function apiCaller(
  connector: Connector,
  connection: Connection,
  options: { readonly baseUrl?: string },
) {
  return async (token: string, check: 'api-call' | 'refreshed-call'): Promise<DoctorFinding> => {
    const runtime = createRuntime(connector, { ...(options.baseUrl && { baseUrl: options.baseUrl }) });
    const withToken: Connection = {
      values: withoutOAuthClient(connector, connection.parameterSet, connection.values),
      ...(connection.parameterSet !== undefined && { parameterSet: connection.parameterSet }),
      tokenProvider: staticTokenProvider(token),
    };
    try {
      const result = await testConnection(
        connector,
        async (operationId, args) =>
          (await runtime.invoke(operationId, args, { connection: withToken })).response,
      );
      const which = check === 'api-call' ? 'The new access token' : 'The refreshed access token';
      if (result.method === 'none')
        return {
          check,
          verdict: 'info',
          message:
            'The connector declares no test connection and has no GET needing no arguments to call, so the token was not tried on the API.',
          fix: 'Add `x-ms-capabilities.testConnection` to the swagger (the platform calls it when a connection is created), or try an operation: `flowport run <connector> <operationId> --token <access token>`.',
        };
      if (result.ok)
        return {
          check,
          verdict: 'pass',
          message: `${which} works: \`${result.operationId}\` answered ${result.status} (${result.method === 'capability' ? "the connector's test connection" : 'a GET needing no arguments, as no test connection is declared'}).`,
        };
      return {
        check,
        verdict: 'fail',
        message: result.error
          ? `${which} could not be tried on \`${result.operationId}\`: ${result.error.message}`
          : `${which} was refused: \`${result.operationId}\` answered ${result.status}.`,
        fix:
          result.status === 403
            ? "The API refuses the token's permissions: check the scopes asked for and granted (above) and the user's rights."
            : result.status === 401
              ? 'The API does not take the token: check that it is meant for this API (audience, `resourceUri`) and how the API wants it sent (`Authorization: Bearer`).'
              : "Check the operation's parameters and the API's answer: `flowport run <connector> <operationId> --token <access token> --verbose`.",
      };
    } finally {
      await runtime.close();
    }
  };
}
