import { CERTIFICATION, defineRule } from '../../rule.ts';

export const MIN_DESCRIPTION_LENGTH = 30;
export const MAX_DESCRIPTION_LENGTH = 500;

export default defineRule({
  id: 'info-description-length',
  microsoftId: 'FieldLengthNotInRange',
  description: '`info.description` must be 30 to 500 characters long.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Write one to three sentences (30–500 characters) on what the service is and what users can do with the connector.',
  visit: {
    connector(c, ctx) {
      const description = c.definition.info.description;
      if (description === undefined) return;
      const n = description.length;
      if (n >= MIN_DESCRIPTION_LENGTH && n <= MAX_DESCRIPTION_LENGTH) return;
      ctx.report({
        message: `The description is ${n} characters long; the value must be between ${MIN_DESCRIPTION_LENGTH} and ${MAX_DESCRIPTION_LENGTH} characters.`,
        at: '/info/description',
      });
    },
  },
});
