import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

const ALLOWED = new Set(['query', 'formData']);

export default defineRule({
  id: 'allow-empty-value-only-valid-for-query-form-data',
  microsoftId: 'AllowEmptyValueOnlyValidForQueryFormData',
  description: '`allowEmptyValue` is only valid on `query` and `formData` parameters.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove `allowEmptyValue`; for other locations make the parameter optional instead.',
  visit: {
    parameter(p, ctx) {
      // On body parameters body-parameter-property-not-valid reports it.
      if (ALLOWED.has(p.in) || p.in === '' || p.in === 'body' || own(p.raw, 'allowEmptyValue') === undefined)
        return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} cannot use the \`allowEmptyValue\` keyword as it is not in the \`query\` or \`formData\` location.`,
        at: join(p.pointer, 'allowEmptyValue'),
      });
    },
  },
});
