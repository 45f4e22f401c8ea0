import { hostOverridden } from '../../helpers/host-override.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/** Labels naming a non-production environment, optionally numbered (`test01`). */
const NON_PRODUCTION = /^(staging|stage|stg|dev|develop|development|test|testing|qa|sandbox|uat|preview)\d*$/;

/** The environment label of a host (`api.staging.contoso.com` → `staging`); the top-level domain is ignored (`.dev`). */
export function environmentLabel(host: string): string | undefined {
  const labels = host.trim().toLowerCase().replace(/:\d+$/, '').split('.');
  if (labels.length < 2) return undefined;
  for (const label of labels.slice(0, -1)) {
    for (const part of label.split(/[-_]/)) if (NON_PRODUCTION.test(part)) return part;
  }
  return undefined;
}

export default defineRule({
  id: 'host-not-production',
  description:
    '`host` should be the production host, not a staging, dev, test, QA, sandbox, UAT or preview host.',
  category: 'host',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Point `host` at the production service; certified connectors must not call staging, dev or test hosts.',
  visit: {
    connector(c, ctx) {
      const host = c.definition.host;
      if (host === undefined || hostOverridden(c)) return;
      const label = environmentLabel(host);
      if (label)
        ctx.report({
          message: `The host \`${host}\` looks like a non-production host (\`${label}\`); staging, dev and test hosts are not allowed.`,
          at: '/host',
        });
    },
  },
});
