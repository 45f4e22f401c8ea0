import { DESCRIPTION_RESTRICTED, restrictedWordsIn } from '../../helpers/restricted-words.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'info-description-restricted-words',
  microsoftId: 'ValueContainsRestrictedWords',
  description: '`info.description` must not name Power Apps, Power Automate or Logic Apps.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Describe the service and what the connector does, without naming the products it runs in (the connector is available in all of them).',
  visit: {
    connector(c, ctx) {
      const description = c.definition.info.description;
      if (description === undefined) return;
      const words = restrictedWordsIn(description, DESCRIPTION_RESTRICTED);
      if (words.length === 0) return;
      ctx.report({
        message: `The description contains at least one of the restricted words: ${words.map((w) => `\`${w}\``).join(', ')}.`,
        at: '/info/description',
      });
    },
  },
});
