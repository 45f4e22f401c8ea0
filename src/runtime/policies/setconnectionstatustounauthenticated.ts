import { defineTemplate } from './define.ts';

interface Config {
  readonly statusCode: number;
}

/**
 * `setconnectionstatustounauthenticated` — when a matching operation answers `statusCode`, marks the
 * connection unauthenticated so the user signs in again; the response is still returned (DECIDE).
 *
 * @example
 * // statusCode 401 on the test-connection operation → connection status `unauthenticated`
 */
export default defineTemplate<Config>({
  id: 'setconnectionstatustounauthenticated',
  title: 'Set connection status to unauthenticated',
  documented: true,
  sections: ['response'],
  read(p) {
    const statusCode = p.integer(
      'statusCode',
      'add the status code that means the credentials are no longer valid, usually `401`',
    );
    if (statusCode !== undefined && (statusCode < 100 || statusCode > 599))
      return p.report(
        'POLICY_INVALID',
        `${p.label} has \`x-ms-apimTemplateParameter.statusCode\` ${statusCode}, which is not an HTTP status; use a code such as \`401\`.`,
        p.pointer('x-ms-apimTemplateParameter.statusCode'),
      );
    return statusCode === undefined ? undefined : { statusCode };
  },
  response(config, response, ctx) {
    if (response.status === config.statusCode) ctx.setConnectionStatus('unauthenticated');
  },
});
