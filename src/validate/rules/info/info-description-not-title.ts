import { CERTIFICATION, defineRule } from '../../rule.ts';

const normalise = (s: string) =>
  s
    .trim()
    .replace(/[.!\s]+$/, '')
    .toLowerCase();

export default defineRule({
  id: 'info-description-not-title',
  description: '`info.description` should say more than `info.title`, not repeat it.',
  category: 'info',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Describe what the service does and what users can automate with it, in one to three sentences.',
  visit: {
    connector(c, ctx) {
      const { title, description } = c.definition.info;
      if (title === undefined || description === undefined || normalise(title) === '') return;
      if (normalise(title) !== normalise(description)) return;
      ctx.report({
        message: 'The description repeats the title; it should be different from the title.',
        at: '/info/description',
      });
    },
  },
});
