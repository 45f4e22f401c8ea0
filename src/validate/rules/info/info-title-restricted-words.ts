import { restrictedWordsIn, TITLE_RESTRICTED } from '../../helpers/restricted-words.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/**
 * Titles of connectors certified before the check existed (found in Microsoft's connector repository);
 * they keep their names, new connectors cannot take them.
 */
export const GRANDFATHERED_TITLES: ReadonlySet<string> = new Set([
  'Cards for Power Apps',
  'Dokobit Universal API',
  'Hashtag API',
  'MCAS Connector',
  'Monster API',
  'Robots for Power BI',
]);

export default defineRule({
  id: 'info-title-restricted-words',
  microsoftId: 'ValueContainsRestrictedWords',
  description:
    '`info.title` must not contain "API", "Connector" or a Power Platform product name (Power Apps, Power Automate, Logic Apps…).',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Name the connector after the service it connects to (`Contoso Tasks`, not `Contoso Tasks API Connector`).',
  visit: {
    connector(c, ctx) {
      const title = c.definition.info.title;
      if (title === undefined || GRANDFATHERED_TITLES.has(title)) return;
      const words = restrictedWordsIn(title, TITLE_RESTRICTED);
      if (words.length === 0) return;
      ctx.report({
        message: `The title \`${title}\` contains at least one of the restricted words: ${words.map((w) => `\`${w}\``).join(', ')}.`,
        at: '/info/title',
      });
    },
  },
});
