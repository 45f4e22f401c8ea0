import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { CONNECTION_PARAMETER_TYPES } from '../../helpers/api-properties-vocabulary.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { ALL, defineRule } from '../../rule.ts';

const BY_LOWER = new Map(CONNECTION_PARAMETER_TYPES.map((t) => [t.toLowerCase(), t]));

export default defineRule({
  id: 'connection-parameter-type',
  description:
    'Every connection parameter needs a `type` of `string`, `securestring`, `int`, `bool`, `oauthSetting` or `gatewaySetting`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Set `type` to one of `string`, `securestring`, `int`, `bool`, `oauthSetting`, `gatewaySetting` (case-sensitive).',
  visit: {
    connectionParameter(p, ctx) {
      const value = own(p.raw, 'type');
      const at = { file: 'apiProperties', pointer: join(p.pointer, 'type') } as const;
      if (value === undefined) {
        ctx.report({
          message: `Connection parameter \`${p.name}\` has no \`type\`.`,
          at: { file: 'apiProperties', pointer: p.pointer },
        });
      } else if (typeof value !== 'string') {
        ctx.report({
          message: `\`type\` of connection parameter \`${p.name}\` is ${describeType(value)}.`,
          at,
        });
      } else if (!CONNECTION_PARAMETER_TYPES.includes(value)) {
        const meant = BY_LOWER.get(value.toLowerCase());
        ctx.report({
          message: meant
            ? `Connection parameter \`${p.name}\` has type \`${value}\`; the type is case-sensitive and must be \`${meant}\`.`
            : `Connection parameter \`${p.name}\` has unknown type \`${value}\`.`,
          at,
        });
      }
    },
  },
});
