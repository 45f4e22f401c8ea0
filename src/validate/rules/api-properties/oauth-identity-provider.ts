import { caselessKey, isObject, own, ownCaseless } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'oauth-identity-provider',
  description: 'An `oauthSetting` connection parameter needs `oAuthSettings` with an `identityProvider`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Add `"oAuthSettings": { "identityProvider": "oauth2", "clientId": "…", "scopes": […], "customParameters": {…} }`.',
  visit: {
    connectionParameter(p, ctx) {
      const settings = ownCaseless(p.raw, 'oAuthSettings');
      if (settings === undefined) {
        if ((p.type ?? '').toLowerCase() === 'oauthsetting') {
          ctx.report({
            message: `OAuth connection parameter \`${p.name}\` has no \`oAuthSettings\`.`,
            at: { file: 'apiProperties', pointer: p.pointer },
          });
        }
        return;
      }
      const key = caselessKey(p.raw, 'oAuthSettings') ?? 'oAuthSettings';
      const pointer = join(p.pointer, key);
      if (!isObject(settings)) {
        ctx.report({
          message: `\`${key}\` of connection parameter \`${p.name}\` is ${describeType(settings)}; it must be an object.`,
          at: { file: 'apiProperties', pointer },
        });
        return;
      }
      const idp = own(settings, 'identityProvider');
      if (typeof idp !== 'string' || idp.trim() === '') {
        ctx.report({
          message: `\`${key}\` of connection parameter \`${p.name}\` has no \`identityProvider\`.`,
          at: {
            file: 'apiProperties',
            pointer: idp === undefined ? pointer : join(pointer, 'identityProvider'),
          },
        });
      }
    },
  },
});
