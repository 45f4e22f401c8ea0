import { own } from '../../../connector/json.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { TEMPLATE_OWNER_TEXTS } from '../../helpers/template-placeholders.ts';
import { defineRule, PRESETS } from '../../rule.ts';

export default defineRule({
  id: 'publisher-required',
  description:
    '`properties.publisher` must name the publisher (company, or person for independent publishers).',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presetSeverity: { recommended: 'warning' },
  presets: PRESETS,
  fix: 'Set `publisher` to your company name (certified) or your full name(s), comma-separated (independent publisher).',
  visit: {
    connector(c, ctx) {
      const props = c.properties.properties;
      if (!props) return;
      const value = own(props, 'publisher');
      if (value === undefined) {
        const wrongCase = Object.keys(props).find((k) => k.toLowerCase() === 'publisher');
        ctx.report({
          message: wrongCase
            ? `\`apiProperties.json\` spells \`publisher\` as \`${wrongCase}\`; the key is case-sensitive.`
            : '`apiProperties.json` has no `publisher`.',
          at: { file: 'apiProperties', pointer: wrongCase ? `/properties/${wrongCase}` : '/properties' },
        });
      } else if (typeof value !== 'string') {
        ctx.report({
          message: `\`publisher\` is ${describeType(value)}; it must be a string.`,
          at: { file: 'apiProperties', pointer: '/properties/publisher' },
        });
      } else if (value.trim() === '' || TEMPLATE_OWNER_TEXTS.has(value.trim().toLowerCase())) {
        ctx.report({
          message:
            value.trim() === ''
              ? '`publisher` is empty.'
              : `\`publisher\` still holds the template text \`${value.trim()}\`.`,
          at: { file: 'apiProperties', pointer: '/properties/publisher' },
        });
      }
    },
  },
});
