import { iconImage } from '../../helpers/icon-image.ts';
import { defineRule } from '../../rule.ts';
import { MAX_SIDE, MIN_SIDE } from './icon-size.ts';

export default defineRule({
  id: 'icon-size-recommended',
  description: 'The icon should be exactly 230×230 pixels.',
  category: 'icon',
  source: 'reviewer-practice',
  severity: 'warning',
  presets: ['certification'],
  fix: 'Export the icon at 230×230 pixels with the logo (about 160×160) centred.',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      const image = file ? iconImage(file) : undefined;
      if (!image?.ok) return;
      const { width, height } = image;
      // Non-square and out-of-range sizes are errors of `icon-size`.
      if (width !== height || width < MIN_SIDE || width > MAX_SIDE || width === 230) return;
      ctx.report({
        message: `The icon is ${width}×${height} pixels; reviewers ask for 230×230.`,
        at: { file: 'icon', line: 1 },
      });
    },
  },
});
