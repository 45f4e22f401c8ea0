import {
  allConnectionParameters,
  hasApiProperties,
  isOAuthParameter,
} from '../../helpers/connection-parameters.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-oauth2-without-oauth-setting',
  description:
    'An `oauth2` security definition needs an `oauthSetting` connection parameter in `apiProperties.json`.',
  category: 'security',
  source: 'flowport',
  severity: 'error',
  presets: ALL,
  fix: 'Add a connection parameter `"token": {"type": "oauthSetting", "oAuthSettings": {…}}`; the platform signs users in with its settings, not with the swagger URLs.',
  visit: {
    securityDefinition(def, ctx) {
      if (def.type !== 'oauth2' || !hasApiProperties(ctx.connector)) return;
      if (allConnectionParameters(ctx.connector).some(isOAuthParameter)) return;
      ctx.report({
        message: `Security definition \`${def.name}\` is \`oauth2\` but \`apiProperties.json\` has no \`oauthSetting\` connection parameter; connections could not sign in.`,
        at: def.pointer,
      });
    },
  },
});
