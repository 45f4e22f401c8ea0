import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeValue } from '../../helpers/describe-value.ts';
import { API_KEY_LOCATIONS, OAUTH2_FLOWS, SECURITY_TYPES } from '../../helpers/security-schemes.ts';
import { ALL, defineRule } from '../../rule.ts';

const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

export default defineRule({
  id: 'security-scheme-value-not-valid',
  microsoftId: 'JsonValueNotInEnum',
  description:
    "A security definition's `type`, an `apiKey`'s `in` and an `oauth2` `flow` must be Swagger 2.0 values.",
  category: 'security',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: '`type` is `basic`, `apiKey` or `oauth2`; `in` is `header` or `query`; `flow` is `accessCode` (the only flow the Power Platform signs in with), `implicit`, `password` or `application`.',
  visit: {
    securityDefinition(def, ctx) {
      const check = (key: string, allowed: readonly string[]) => {
        const value = own(def.raw, key);
        if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return;
        ctx.report({
          message: `The \`${key}\` of security definition \`${def.name}\` is ${describeValue(value)}; the property value must be one of the following: ${list(allowed)}.`,
          at: join(def.pointer, key),
        });
      };
      check('type', SECURITY_TYPES);
      if (def.type === 'apiKey') check('in', API_KEY_LOCATIONS);
      if (def.type === 'oauth2') check('flow', OAUTH2_FLOWS);
    },
  },
});
