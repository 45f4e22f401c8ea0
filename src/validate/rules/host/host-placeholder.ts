import { hostOverridden } from '../../helpers/host-override.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/** Host names (and their subdomains) that never serve a real API. */
const PLACEHOLDER_DOMAINS = ['localhost', 'example.com', 'example.org', 'example.net', 'contoso.com'];
const LOOPBACK = /^(127(\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?)$/;

function placeholderReason(host: string): string | undefined {
  const name = host.trim().toLowerCase().replace(/:\d+$/, '');
  if (name.includes('@environmentvariables('))
    return 'uses a solution environment variable, which a certified connector cannot do';
  if (/\s/.test(name) || /e\.g\.|hostname|your[-_]?(api|host|domain)/.test(name))
    return 'is template text, not a host name';
  if (LOOPBACK.test(name)) return 'is a loopback address';
  const domain = PLACEHOLDER_DOMAINS.find((d) => name === d || name.endsWith(`.${d}`));
  if (domain) return `is a placeholder (\`${domain}\`)`;
  return undefined;
}

export default defineRule({
  id: 'host-placeholder',
  description:
    '`host` must be the service’s real host, not template text, `localhost`, a loopback address, `example.com`, `contoso.com` or an environment variable.',
  category: 'host',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Set `host` to the production host name of the service. When the host depends on the customer’s tenant, use a `dynamichosturl` policy with a connection parameter.',
  visit: {
    connector(c, ctx) {
      const host = c.definition.host;
      if (host === undefined || host.trim() === '' || hostOverridden(c)) return;
      const reason = placeholderReason(host);
      if (reason) ctx.report({ message: `The host \`${host}\` ${reason}.`, at: '/host' });
    },
  },
});
