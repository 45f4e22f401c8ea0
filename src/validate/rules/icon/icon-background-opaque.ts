import { iconBackground, iconImage } from '../../helpers/icon-image.ts';
import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'icon-background-opaque',
  description: 'The icon background must be fully opaque, without transparent or rounded corners.',
  category: 'icon',
  source: 'certification',
  severity: 'error',
  presets: ['certification'],
  fix: 'Fill the whole square with the brand colour (`iconBrandColor`) and export without transparency.',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      const image = file ? iconImage(file) : undefined;
      if (!file || !image?.ok) return;
      const bg = iconBackground(file, image);
      if (!bg || bg.transparentBorderPixels === 0) return;
      ctx.report({
        message: `${bg.transparentBorderPixels} of the ${bg.borderPixels} pixels on the icon's edge are transparent; the background must be an opaque square.`,
        at: { file: 'icon', line: 1 },
      });
    },
  },
});
