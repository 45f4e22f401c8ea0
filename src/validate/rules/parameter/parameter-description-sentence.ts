import { join } from '../../../connector/pointer.ts';
import { endsLikeSentence, isSingleWord } from '../../helpers/display-name-style.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-description-sentence',
  description: "A parameter's `description` should be a full sentence ending with punctuation.",
  category: 'parameter',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'End the description with a period (or `?` / `!`).',
  visit: {
    parameter(p, ctx) {
      const text = p.description?.trim();
      if (!text || endsLikeSentence(text) || isSingleWord(text) || !isDisplayedParameter(p, ctx.connector))
        return;
      ctx.report({
        message: `The \`description\` of ${parameterLabel(p, ctx.connector, false)} does not end with punctuation; descriptions are full sentences.`,
        at: join(p.pointer, 'description'),
      });
    },
  },
});
