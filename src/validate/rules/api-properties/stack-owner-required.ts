import { own } from '../../../connector/json.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { TEMPLATE_OWNER_TEXTS } from '../../helpers/template-placeholders.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'stack-owner-required',
  description: '`properties.stackOwner` must name the owner of the backend service.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  // 10.6% of certified connectors (old ones, mostly without `publisher` either) have none.
  presetSeverity: { certification: 'warning' },
  presets: CERTIFICATION,
  fix: 'Set `stackOwner` to the company that owns the service the connector calls (often the publisher).',
  visit: {
    connector(c, ctx) {
      const props = c.properties.properties;
      if (!props) return;
      const value = own(props, 'stackOwner');
      if (value === undefined) {
        const wrongCase = Object.keys(props).find((k) => k.toLowerCase() === 'stackowner');
        ctx.report({
          message: wrongCase
            ? `\`apiProperties.json\` spells \`stackOwner\` as \`${wrongCase}\`; the key is case-sensitive.`
            : '`apiProperties.json` has no `stackOwner`.',
          at: { file: 'apiProperties', pointer: wrongCase ? `/properties/${wrongCase}` : '/properties' },
          fix: wrongCase ? `Rename \`${wrongCase}\` to \`stackOwner\`.` : undefined,
        });
      } else if (typeof value !== 'string') {
        ctx.report({
          message: `\`stackOwner\` is ${describeType(value)}; it must be a string.`,
          at: { file: 'apiProperties', pointer: '/properties/stackOwner' },
        });
      } else if (value.trim() === '' || TEMPLATE_OWNER_TEXTS.has(value.trim().toLowerCase())) {
        ctx.report({
          message:
            value.trim() === ''
              ? '`stackOwner` is empty.'
              : `\`stackOwner\` still holds the template text \`${value.trim()}\`.`,
          at: { file: 'apiProperties', pointer: '/properties/stackOwner' },
        });
      }
    },
  },
});
