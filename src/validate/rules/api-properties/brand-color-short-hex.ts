import { parseHexColor, toHex } from '../../helpers/colors.ts';
import { ALL, defineRule } from '../../rule.ts';

const SHORT = /^#[0-9a-f]{3}$/i;

export default defineRule({
  id: 'brand-color-short-hex',
  description: '`iconBrandColor` should use the six-digit `#rrggbb` form, not `#rgb`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'warning',
  presets: ALL,
  fixable: true,
  fix: 'Write the colour with six hex digits.',
  visit: {
    connector(c, ctx) {
      const value = c.properties.iconBrandColor;
      if (value === undefined || !SHORT.test(value.trim())) return;
      const color = parseHexColor(value);
      const pointer = '/properties/iconBrandColor';
      ctx.report({
        message: `\`iconBrandColor\` \`${value}\` uses the three-digit form; the platform expects \`#rrggbb\`.`,
        at: { file: 'apiProperties', pointer },
        fix: color ? `Write it as \`${toHex(color)}\`.` : undefined,
        ...(color && { edit: { pointer, value: toHex(color) } }),
      });
    },
  },
});
