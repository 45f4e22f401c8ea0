import { own } from '../../../connector/json.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

const NON_BODY = new Set(['path', 'query', 'header', 'formData']);

export default defineRule({
  id: 'parameter-type-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Every non-body parameter must have a `type`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `type`: `string`, `number`, `integer`, `boolean`, `array` (with `items`) or, in `formData`, `file`.',
  visit: {
    parameter(p, ctx) {
      if (!NON_BODY.has(p.in) || own(p.raw, 'type') !== undefined) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} has no \`type\`; the \`type\` property is required for \`${p.in}\` parameters.`,
        at: p.pointer,
      });
    },
  },
});
