import { own } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Microsoft's connector schema: a host name or IP, optionally a port; no scheme, path, spaces or braces. */
const HOST = /^[^{}/ :\\]+(?::\d+)?$/;
/** A whole-value solution environment variable, resolved when the connector is saved. */
export const ENVIRONMENT_VARIABLE = /^@environmentVariables\(\s*(['"])[^'"]+\1\s*\)$/;

export default defineRule({
  id: 'host-name-not-valid',
  microsoftId: 'HostNameNotValid',
  description: '`host` must be a host name (optionally with a port), without scheme, path, spaces or braces.',
  category: 'host',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Put only the host name in `host` (`api.contoso.com`), the path prefix in `basePath` and the protocol in `schemes`.',
  visit: {
    connector(c, ctx) {
      const host = own(c.definition.raw, 'host');
      if (typeof host !== 'string' || HOST.test(host) || ENVIRONMENT_VARIABLE.test(host.trim())) return;
      const split = /^([a-z][a-z0-9+.-]*):\/\/([^/\s]+)(\/\S*)?$/i.exec(host.trim());
      ctx.report({
        message: `The host \`${host}\` must be a valid URI host without a scheme or path.`,
        at: '/host',
        ...(split && {
          fix: `Set \`host\` to \`${split[2]}\`${split[3] && split[3] !== '/' ? `, \`basePath\` to \`${split[3]}\`` : ''} and \`schemes\` to \`["${split[1]!.toLowerCase()}"]\`.`,
        }),
      });
    },
  },
});
