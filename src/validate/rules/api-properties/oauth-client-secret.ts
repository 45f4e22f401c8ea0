import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { isPlaceholder } from '../../helpers/secrets.ts';
import { defineRule, PRESETS } from '../../rule.ts';

const SECRET_KEY = /^clientsecret$/i;

export default defineRule({
  id: 'oauth-client-secret',
  description: '`oAuthSettings.clientSecret` must not hold a real secret in the repository.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presetSeverity: { recommended: 'warning' },
  presets: PRESETS,
  fix: 'Remove `clientSecret` (or set it to a placeholder such as `[[DUMMY]]`) and rotate the secret; enter it in the maker portal or with `paconn update --secret`.',
  visit: {
    connector(c, ctx) {
      for (const o of c.properties.oauthSettings) {
        for (const key of Object.keys(o.raw)) {
          if (!SECRET_KEY.test(key)) continue;
          const value = own(o.raw, key);
          if (value === null || value === undefined || (typeof value === 'string' && isPlaceholder(value)))
            continue;
          ctx.report({
            message: `\`${key}\` holds what looks like a real OAuth client secret; committed secrets are public once the pull request is opened.`,
            at: { file: 'apiProperties', pointer: join(o.pointer, key) },
          });
        }
      }
    },
  },
});
