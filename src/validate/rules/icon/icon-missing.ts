import { defineRule } from '../../rule.ts';

export default defineRule({
  id: 'icon-missing',
  description: 'A certified connector needs `icon.png` in its certification package (not in the repository).',
  category: 'icon',
  source: 'certification',
  severity: 'info',
  presets: ['certification'],
  fix: 'Keep a 230×230 PNG with your brand-colour background ready; put `icon.png` in the folder to have it checked now, and `flowport validate <submission.zip>` checks the icon in the certification package.',
  visit: {
    connector(c, ctx) {
      if (c.files.icon || c.sourceType === 'file') return;
      ctx.report({
        message:
          'The folder has no `icon.png`; that is usual in the repository, but the certification package must include one.',
        at: { file: 'apiProperties', pointer: '/properties/iconBrandColor' },
      });
    },
  },
});
