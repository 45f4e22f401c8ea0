import { FORBIDDEN_BRAND_COLORS, parseHexColor, toHex } from '../../helpers/colors.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'brand-color-forbidden',
  description: 'Certified connectors may not use `#007ee5` (the default) or `#ffffff` as `iconBrandColor`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ['certification'],
  fix: 'Use your brand colour, the same as the icon background.',
  visit: {
    connector(c, ctx) {
      const value = c.properties.iconBrandColor;
      const color = value === undefined ? undefined : parseHexColor(value);
      if (!color || !FORBIDDEN_BRAND_COLORS.has(toHex(color))) return;
      const hex = toHex(color);
      ctx.report({
        message:
          hex === '#007ee5'
            ? `\`iconBrandColor\` \`${value}\` is the default custom-connector colour, which certified connectors may not use.`
            : `\`iconBrandColor\` \`${value}\` is white, which certified connectors may not use.`,
        at: { file: 'apiProperties', pointer: '/properties/iconBrandColor' },
      });
    },
  },
});
