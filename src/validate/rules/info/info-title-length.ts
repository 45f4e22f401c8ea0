import { CERTIFICATION, defineRule } from '../../rule.ts';

export const MAX_TITLE_LENGTH = 30;

export default defineRule({
  id: 'info-title-length',
  microsoftId: 'FieldLengthExceeded',
  description: '`info.title` must be at most 30 characters long.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Shorten the title to 30 characters or fewer: the service or product name, without "connector" or "API".',
  visit: {
    connector(c, ctx) {
      const title = c.definition.info.title;
      if (title === undefined || title.length <= MAX_TITLE_LENGTH) return;
      ctx.report({
        message: `The title \`${title}\` is ${title.length} characters long and goes over the character limit of ${MAX_TITLE_LENGTH}.`,
        at: '/info/title',
      });
    },
  },
});
