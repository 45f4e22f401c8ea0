import { own } from '../../../connector/json.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-summary-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Every parameter users see must have an `x-ms-summary` (its display name).',
  category: 'parameter',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add `x-ms-summary` with a short title-case display name, e.g. `"x-ms-summary": "Task ID"`.',
  visit: {
    parameter(p, ctx) {
      if (!isDisplayedParameter(p, ctx.connector) || own(p.raw, 'x-ms-summary') !== undefined) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} has no \`x-ms-summary\`; the \`x-ms-summary\` property is required.`,
        at: p.pointer,
      });
    },
  },
});
