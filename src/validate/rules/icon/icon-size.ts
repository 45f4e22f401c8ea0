import { iconImage } from '../../helpers/icon-image.ts';
import { defineRule } from '../../rule.ts';

/** Square sizes accepted with a warning when not 230 (certification spec, ICON-SIZE). */
export const MIN_SIDE = 100;
export const MAX_SIDE = 500;

export default defineRule({
  id: 'icon-size',
  description: 'The icon must be square and between 100 and 500 pixels wide (230×230 expected).',
  category: 'icon',
  source: 'certification',
  severity: 'error',
  presets: ['certification'],
  fix: 'Export the icon at 230×230 pixels.',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      const image = file ? iconImage(file) : undefined;
      if (!image?.ok) return;
      const { width, height } = image;
      if (width !== height) {
        ctx.report({
          message: `The icon is ${width}×${height} pixels; it must be square (230×230).`,
          at: { file: 'icon', line: 1 },
        });
      } else if (width < MIN_SIDE || width > MAX_SIDE) {
        ctx.report({
          message: `The icon is ${width}×${height} pixels; reviewers expect 230×230.`,
          at: { file: 'icon', line: 1 },
        });
      }
    },
  },
});
