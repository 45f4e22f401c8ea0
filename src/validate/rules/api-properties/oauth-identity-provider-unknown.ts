import { join } from '../../../connector/pointer.ts';
import { IDENTITY_PROVIDERS } from '../../helpers/api-properties-vocabulary.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'oauth-identity-provider-unknown',
  description:
    '`oAuthSettings.identityProvider` should be `oauth2`, `oauth2generic`, `aad`, `aadcertificate` or `facebook`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Use `oauth2generic` for a provider-specific flow, or `oauth2` for a standard authorization-code flow.',
  visit: {
    connector(c, ctx) {
      for (const o of c.properties.oauthSettings) {
        const idp = o.identityProvider;
        if (idp === undefined || idp.trim() === '' || IDENTITY_PROVIDERS.includes(idp)) continue;
        const lower = idp.toLowerCase();
        ctx.report({
          message: IDENTITY_PROVIDERS.includes(lower)
            ? `Identity provider \`${idp}\` should be written \`${lower}\`.`
            : `Identity provider \`${idp}\` is not in the documented set (${IDENTITY_PROVIDERS.map((k) => `\`${k}\``).join(', ')}); it only works where the platform has a built-in provider of that name.`,
          at: { file: 'apiProperties', pointer: join(o.pointer, 'identityProvider') },
        });
      }
    },
  },
});
