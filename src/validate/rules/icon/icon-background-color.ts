import { FORBIDDEN_BRAND_COLORS, toHex } from '../../helpers/colors.ts';
import { iconBackground, iconImage } from '../../helpers/icon-image.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'icon-background-color',
  description: 'The icon background may not be white or the default `#007ee5`.',
  category: 'icon',
  source: 'certification',
  severity: 'error',
  presets: ['certification'],
  fix: 'Use your brand colour as the icon background and as `iconBrandColor`.',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      const image = file ? iconImage(file) : undefined;
      if (!file || !image?.ok) return;
      const color = iconBackground(file, image)?.color;
      if (!color || !FORBIDDEN_BRAND_COLORS.has(toHex(color))) return;
      ctx.report({
        message:
          toHex(color) === '#ffffff'
            ? 'The icon background is white; certified connectors need a coloured background.'
            : 'The icon background is `#007ee5`, the default custom-connector colour; use your brand colour.',
        at: { file: 'icon', line: 1 },
      });
    },
  },
});
