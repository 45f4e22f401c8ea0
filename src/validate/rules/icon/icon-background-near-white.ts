import { isNearWhite, toHex } from '../../helpers/colors.ts';
import { iconBackground, iconImage } from '../../helpers/icon-image.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'icon-background-near-white',
  description: 'The icon background should not be almost white.',
  category: 'icon',
  source: 'reviewer-practice',
  severity: 'warning',
  presets: ['certification'],
  fix: 'Prefer a background colour that stands out on white pages.',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      const image = file ? iconImage(file) : undefined;
      if (!file || !image?.ok) return;
      const color = iconBackground(file, image)?.color;
      if (!color || !isNearWhite(color)) return;
      ctx.report({
        message: `The icon background \`${toHex(color)}\` is almost white; the icon will hardly show on white pages.`,
        at: { file: 'icon', line: 1 },
      });
    },
  },
});
