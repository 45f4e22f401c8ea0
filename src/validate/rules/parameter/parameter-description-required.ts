import { own } from '../../../connector/json.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-description-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Every parameter users see must have a `description`.',
  category: 'parameter',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add a `description`: one full sentence telling the user what to enter, ending with a period.',
  visit: {
    parameter(p, ctx) {
      if (!isDisplayedParameter(p, ctx.connector) || own(p.raw, 'description') !== undefined) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} has no \`description\`; the \`description\` property is required.`,
        at: p.pointer,
      });
    },
  },
});
