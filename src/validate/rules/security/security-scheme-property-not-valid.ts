import { entries, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { lookup, OAUTH2_FLOW_URLS, SECURITY_SCHEME_PROPERTIES } from '../../helpers/security-schemes.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-scheme-property-not-valid',
  microsoftId: 'SecuritySchemePropertyNotValid',
  description:
    'A security definition may only have the properties of its `type` (and, for `oauth2`, of its `flow`).',
  category: 'security',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove the property: `basic` takes none, `apiKey` takes `name` and `in`, `oauth2` takes `flow`, `scopes` and the URLs of its flow.',
  visit: {
    securityDefinition(def, ctx) {
      const allowed = lookup(SECURITY_SCHEME_PROPERTIES, def.type);
      if (!allowed) return;
      const urls = def.type === 'oauth2' ? lookup(OAUTH2_FLOW_URLS, ownString(def.raw, 'flow')) : undefined;
      for (const [key] of entries(def.raw)) {
        if (key.startsWith('x-')) continue;
        const isUrl = key === 'authorizationUrl' || key === 'tokenUrl';
        if (allowed.includes(key) && !(isUrl && urls && !urls.includes(key))) continue;
        const kind =
          isUrl && urls ? `\`${def.type}\` with flow \`${ownString(def.raw, 'flow')}\`` : `\`${def.type}\``;
        ctx.report({
          message: `The security definition property \`${key}\` of \`${def.name}\` is not valid for definitions of type ${kind}.`,
          at: join(def.pointer, key),
        });
      }
    },
  },
});
