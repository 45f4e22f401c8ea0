import { asciiFirst } from '../../helpers/ascii-first.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/**
 * A letter or digit of any script, or a closing parenthesis: certified titles such as
 * `Asite (Canada)` and `Maximizer (deprecated)` end with one.
 */
const GOOD_END = asciiFirst(String.raw`[\p{L}\p{N})]$`, 'u');

export default defineRule({
  id: 'info-title-end-alphanumeric',
  microsoftId: 'ValueMustEndWithAlphanumeric',
  description: '`info.title` must end with a letter or digit (a closing parenthesis is accepted).',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Remove the trailing punctuation, space or line break from the title.',
  visit: {
    connector(c, ctx) {
      const title = c.definition.info.title;
      if (title === undefined || title.trim() === '' || GOOD_END(title).test(title)) return;
      const last = JSON.stringify(title.slice(-1));
      ctx.report({
        message: `The title \`${title.trimEnd()}\` ends with ${last}; the value must end with an alphanumeric character.`,
        at: '/info/title',
      });
    },
  },
});
