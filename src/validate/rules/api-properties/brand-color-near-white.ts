import { isNearWhite, parseHexColor } from '../../helpers/colors.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'brand-color-near-white',
  description: '`iconBrandColor` should not be almost white (luma of 0.93 or more, e.g. `#eeeeee`).',
  category: 'api-properties',
  source: 'reviewer-practice',
  severity: 'warning',
  presets: ['certification'],
  fix: 'Use a brand colour that stands out on a white page, the same as the icon background.',
  visit: {
    connector(c, ctx) {
      const value = c.properties.iconBrandColor;
      const color = value === undefined ? undefined : parseHexColor(value);
      if (!color || !isNearWhite(color)) return;
      ctx.report({
        message: `\`iconBrandColor\` \`${value}\` is almost white; the icon tile will hardly show on white backgrounds.`,
        at: { file: 'apiProperties', pointer: '/properties/iconBrandColor' },
      });
    },
  },
});
