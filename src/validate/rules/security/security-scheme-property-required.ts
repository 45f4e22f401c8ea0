import { own, ownString } from '../../../connector/json.ts';
import { lookup, OAUTH2_FLOW_URLS } from '../../helpers/security-schemes.ts';
import { ALL, defineRule } from '../../rule.ts';

function required(type: string | undefined, flow: string | undefined): string[] {
  if (type === 'apiKey') return ['name', 'in'];
  if (type === 'oauth2') return ['flow', ...(lookup(OAUTH2_FLOW_URLS, flow) ?? []), 'scopes'];
  return [];
}

export default defineRule({
  id: 'security-scheme-property-required',
  microsoftId: 'SecuritySchemePropertyRequired',
  description:
    'A security definition needs a `type` and the properties that type requires (`apiKey`: `name`, `in`; `oauth2`: `flow` and its URLs).',
  category: 'security',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the missing property; `accessCode` flows need both `authorizationUrl` and `tokenUrl`.',
  visit: {
    securityDefinition(def, ctx) {
      if (own(def.raw, 'type') === undefined) {
        ctx.report({
          message: `The security definition \`${def.name}\` has no \`type\`; the \`type\` property is required.`,
          at: def.pointer,
        });
        return;
      }
      const flow = ownString(def.raw, 'flow');
      for (const key of required(def.type, flow)) {
        if (own(def.raw, key) !== undefined) continue;
        const kind = key.endsWith('Url') ? `\`${def.type}\` with flow \`${flow}\`` : `\`${def.type}\``;
        ctx.report({
          message: `The security definition property \`${key}\` of \`${def.name}\` is required for definitions of type ${kind}.`,
          at: def.pointer,
        });
      }
    },
  },
});
