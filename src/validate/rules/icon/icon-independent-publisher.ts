import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'icon-independent-publisher',
  description: 'Independent-publisher connectors must not include an icon.',
  category: 'icon',
  source: 'certification',
  severity: 'error',
  presets: ['independent-publisher'],
  fix: 'Delete `icon.png`; independent-publisher connectors get the generic icon.',
  visit: {
    connector(c, ctx) {
      const file = c.files.icon;
      if (!file) return;
      ctx.report({
        message: `\`${file.name}\` must not be submitted with an independent-publisher connector; Microsoft applies the generic independent-publisher icon.`,
        at: { file: 'icon', line: 1 },
      });
    },
  },
});
