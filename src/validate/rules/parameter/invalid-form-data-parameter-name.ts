import { join } from '../../../connector/pointer.ts';
import { isAscii } from '../../helpers/ascii-first.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'invalid-form-data-parameter-name',
  microsoftId: 'InvalidFormDataParameterName',
  description: 'Names of `formData` parameters must use US-ASCII characters only.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Rename the form field with US-ASCII characters; put the display name in `x-ms-summary` instead.',
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'formData' || isAscii(p.name)) return;
      ctx.report({
        message: `The form data parameter name \`${p.name}\` is invalid; all characters must be part of the US-ASCII character set (${parameterLabel(p, ctx.connector, false)}).`,
        at: join(p.pointer, 'name'),
      });
    },
  },
});
