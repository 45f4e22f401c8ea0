import { allConnectionParameters, isOAuthParameter } from '../../helpers/connection-parameters.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-oauth-setting-without-oauth2',
  description:
    'An `oauthSetting` connection parameter should be matched by an `oauth2` security definition in the swagger.',
  category: 'security',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Add `"securityDefinitions": {"oauth2_auth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "…", "tokenUrl": "…", "scopes": {}}}` so tools reading the swagger know the API uses OAuth.',
  visit: {
    connector(connector, ctx) {
      // One finding per connector, even when several parameter sets each hold a token.
      const oauth = allConnectionParameters(connector).find(isOAuthParameter);
      if (!oauth || connector.definition.securityDefinitions.some((d) => d.type === 'oauth2')) return;
      ctx.report({
        message: `Connection parameter \`${oauth.name}\` is an \`oauthSetting\` but the swagger has no \`oauth2\` security definition.`,
        at: { file: 'apiProperties', pointer: oauth.pointer },
      });
    },
  },
});
