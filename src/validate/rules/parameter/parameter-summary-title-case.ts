import { join } from '../../../connector/pointer.ts';
import { titleCased } from '../../helpers/case-fix.ts';
import { titleCaseViolation } from '../../helpers/display-name-style.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-summary-title-case',
  description: "A parameter's `x-ms-summary` should be in title case (`Due Date`, not `Due date`).",
  category: 'parameter',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Capitalise each word except short articles, conjunctions and prepositions (`Name of the List`).',
  fixable: true,
  visit: {
    parameter(p, ctx) {
      if (p.summary === undefined || !isDisplayedParameter(p, ctx.connector)) return;
      const word = titleCaseViolation(p.summary);
      if (word === undefined) return;
      const at = join(p.pointer, 'x-ms-summary');
      const fixed = titleCased(p.summary);
      ctx.report({
        message: `The \`x-ms-summary\` \`${p.summary}\` of ${parameterLabel(p, ctx.connector, false)} is not in title case (\`${word}\`).`,
        at,
        ...(fixed !== undefined && { edit: { pointer: at, value: fixed } }),
      });
    },
  },
});
