import { iconImage } from '../../helpers/icon-image.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'icon-format',
  description: '`icon.png` must be a readable PNG image.',
  category: 'icon',
  source: 'certification',
  severity: 'error',
  presetSeverity: { recommended: 'warning' },
  presets: ALL,
  fix: 'Export the icon as PNG (not JPEG or SVG renamed to `.png`).',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      if (!file) return;
      const image = iconImage(file);
      if (image.ok) return;
      ctx.report({
        message:
          image.reason === 'not-png'
            ? `\`${file.name}\` is ${image.detail}, not a PNG image.`
            : `\`${file.name}\` has a PNG signature but cannot be decoded (${image.detail}).`,
        at: { file: 'icon', line: 1 },
      });
    },
  },
});
