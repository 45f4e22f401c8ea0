import { ownCaseless, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'oauth-aad-settings',
  description:
    '`aad` and `aadcertificate` OAuth settings need `customParameters.resourceUri`; `aadcertificate` also `properties.IsFirstParty: "True"`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Add `"resourceUri": { "value": "https://graph.microsoft.com" }` (the API the token is for) to `customParameters`.',
  visit: {
    connector(c, ctx) {
      for (const o of c.properties.oauthSettings) {
        const idp = o.identityProvider?.toLowerCase();
        if (idp !== 'aad' && idp !== 'aadcertificate') continue;
        // Real connectors write `resourceUri` and `ResourceUri`; certified ones also leave the value
        // `null` (the maker portal's "Resource URL" field), so only a missing key is reported.
        if (ownCaseless(o.customParameters, 'resourceUri') === undefined) {
          ctx.report({
            message: `\`${o.identityProvider}\` OAuth settings have no \`customParameters.resourceUri\`.`,
            at: {
              file: 'apiProperties',
              pointer: o.customParameters ? join(o.pointer, 'customParameters') : o.pointer,
            },
          });
        }
        if (idp === 'aadcertificate' && ownString(o.properties, 'IsFirstParty') !== 'True') {
          ctx.report({
            message:
              '`aadcertificate` OAuth settings need `properties.IsFirstParty` set to `"True"`; the provider only works for first-party Entra apps.',
            at: { file: 'apiProperties', pointer: o.properties ? join(o.pointer, 'properties') : o.pointer },
            fix: 'Set `"properties": { "IsFirstParty": "True" }`, or use `aad` for a third-party app.',
          });
        }
      }
    },
  },
});
