import { join } from '../../../connector/pointer.ts';
import { endsLikeSentence, isSingleWord } from '../../helpers/display-name-style.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/** Text whose last character a period may follow. */
const ENDS_IN_WORD = /[\p{L}\p{N})\]`"'”’]$/u;

export default defineRule({
  id: 'parameter-description-sentence',
  description: "A parameter's `description` should be a full sentence ending with punctuation.",
  category: 'parameter',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'End the description with a period (or `?` / `!`).',
  fixable: true,
  visit: {
    parameter(p, ctx) {
      const text = p.description?.trim();
      if (!text || endsLikeSentence(text) || isSingleWord(text) || !isDisplayedParameter(p, ctx.connector))
        return;
      const at = join(p.pointer, 'description');
      ctx.report({
        message: `The \`description\` of ${parameterLabel(p, ctx.connector, false)} does not end with punctuation; descriptions are full sentences.`,
        at,
        // A period after a word or a closing bracket; after `:` or `,` the sentence is unfinished.
        ...(ENDS_IN_WORD.test(text) && { edit: { pointer: at, value: `${text}.` } }),
      });
    },
  },
});
