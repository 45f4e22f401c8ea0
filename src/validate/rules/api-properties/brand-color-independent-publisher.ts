import { INDEPENDENT_PUBLISHER_COLOR } from '../../helpers/colors.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'brand-color-independent-publisher',
  description: 'Independent-publisher connectors must use `#da3b01` as `iconBrandColor`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ['independent-publisher'],
  fix: 'Set `"iconBrandColor": "#da3b01"`.',
  visit: {
    connector(c, ctx) {
      const value = c.properties.iconBrandColor;
      // A missing colour is reported by `brand-color-required`.
      if (value === undefined || value.trim().toLowerCase() === INDEPENDENT_PUBLISHER_COLOR) return;
      ctx.report({
        message: `\`iconBrandColor\` is \`${value}\`; independent-publisher connectors must use \`${INDEPENDENT_PUBLISHER_COLOR}\`.`,
        at: { file: 'apiProperties', pointer: '/properties/iconBrandColor' },
      });
    },
  },
});
