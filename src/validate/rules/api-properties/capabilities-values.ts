import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { CAPABILITIES } from '../../helpers/api-properties-vocabulary.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'capabilities-values',
  description: '`properties.capabilities` should be an array of known capability names.',
  category: 'api-properties',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fix: 'Use `[]`, `["actions"]` or `["actions", "triggers"]` (lower case).',
  visit: {
    connector(c, ctx) {
      const value = own(c.properties.properties, 'capabilities');
      if (value === undefined) return;
      const base = '/properties/capabilities';
      if (!Array.isArray(value)) {
        ctx.report({
          message: `\`capabilities\` is ${describeType(value)}; it must be an array of strings.`,
          at: { file: 'apiProperties', pointer: base },
        });
        return;
      }
      value.forEach((item, i) => {
        const at = { file: 'apiProperties', pointer: join(base, i) } as const;
        if (typeof item !== 'string') {
          ctx.report({
            message: `\`capabilities[${i}]\` is ${describeType(item)}; it must be a string.`,
            at,
          });
        } else if (!CAPABILITIES.includes(item)) {
          const lower = item.trim().toLowerCase();
          ctx.report({
            message: CAPABILITIES.includes(lower)
              ? `Capability \`${item}\` should be written \`${lower}\`.`
              : `Capability \`${item}\` is not one the platform knows (${CAPABILITIES.map((k) => `\`${k}\``).join(', ')}).`,
            at,
          });
        }
      });
    },
  },
});
