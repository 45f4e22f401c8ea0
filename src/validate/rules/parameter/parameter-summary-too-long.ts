import { join } from '../../../connector/pointer.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/** Longest `x-ms-summary` the certification guidance accepts. */
export const MAX_PARAMETER_SUMMARY = 80;

export default defineRule({
  id: 'parameter-summary-too-long',
  description: `A parameter's \`x-ms-summary\` should be at most ${MAX_PARAMETER_SUMMARY} characters.`,
  category: 'parameter',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Shorten the display name to a few words; put details in `description`.',
  visit: {
    parameter(p, ctx) {
      // A text has at most as many code points as UTF-16 units: count them only for long ones.
      if (!p.summary || p.summary.length <= MAX_PARAMETER_SUMMARY) return;
      const length = [...p.summary.trim()].length;
      if (length <= MAX_PARAMETER_SUMMARY || !isDisplayedParameter(p, ctx.connector)) return;
      ctx.report({
        message: `The \`x-ms-summary\` of ${parameterLabel(p, ctx.connector, false)} is ${length} characters long; keep it to ${MAX_PARAMETER_SUMMARY}.`,
        at: join(p.pointer, 'x-ms-summary'),
      });
    },
  },
});
