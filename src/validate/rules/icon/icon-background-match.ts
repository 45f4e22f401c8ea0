import { channelDistance, parseHexColor, toHex } from '../../helpers/colors.ts';
import { iconBackground, iconImage } from '../../helpers/icon-image.ts';
import { defineRule } from '../../rule.ts';

/** Largest per-channel difference still counted as the same colour (anti-aliasing, colour profiles). */
const TOLERANCE = 12;

export default defineRule({
  id: 'icon-background-match',
  description: 'The icon background colour must equal `iconBrandColor`.',
  category: 'icon',
  source: 'certification',
  severity: 'error',
  presets: ['certification'],
  fix: 'Set `iconBrandColor` to the icon background colour, or repaint the background.',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      const image = file ? iconImage(file) : undefined;
      const brand = c.properties.iconBrandColor;
      const brandColor = brand === undefined ? undefined : parseHexColor(brand);
      if (!file || !image?.ok || !brandColor) return;
      const color = iconBackground(file, image)?.color;
      if (!color || channelDistance(color, brandColor) <= TOLERANCE) return;
      ctx.report({
        message: `The icon background is \`${toHex(color)}\` but \`iconBrandColor\` is \`${brand}\`; they must be the same colour.`,
        at: { file: 'apiProperties', pointer: '/properties/iconBrandColor' },
        fix: `Set \`iconBrandColor\` to \`${toHex(color)}\`, or repaint the icon background.`,
      });
    },
  },
});
