import { join } from '../../../connector/pointer.ts';
import { sameDisplayText } from '../../helpers/display-name-style.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-summary-equals-description',
  description: "A parameter's `description` should say more than its `x-ms-summary`.",
  category: 'parameter',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Keep the short name in `x-ms-summary` and explain in `description` what to enter and its format.',
  visit: {
    parameter(p, ctx) {
      if (!p.summary?.trim() || p.description === undefined || !isDisplayedParameter(p, ctx.connector))
        return;
      if (!sameDisplayText(p.summary, p.description)) return;
      ctx.report({
        message: `The \`description\` of ${parameterLabel(p, ctx.connector, false)} repeats its \`x-ms-summary\` \`${p.summary.trim()}\`.`,
        at: join(p.pointer, 'description'),
      });
    },
  },
});
