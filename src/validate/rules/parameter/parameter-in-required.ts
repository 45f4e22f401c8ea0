import { own } from '../../../connector/json.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-in-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Every parameter must say where it goes with `in`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `in`: one of `path`, `query`, `header`, `body` or `formData`.',
  visit: {
    parameter(p, ctx) {
      if (own(p.raw, 'in') !== undefined) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} has no \`in\`; the \`in\` property is required.`,
        at: p.pointer,
      });
    },
  },
});
