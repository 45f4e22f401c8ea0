import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

// Body parameters carry no `type` of their own (body-parameter-property-not-valid reports one).
const CHECKED = new Set(['path', 'query', 'header']);

export default defineRule({
  id: 'file-parameter-must-be-in-form-data',
  microsoftId: 'FileParameterMustBeInFormData',
  description: 'Parameters of type `file` must be `in: formData`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Move the file to a `formData` parameter of a `multipart/form-data` operation, or send the bytes as a body with `{"type": "string", "format": "binary"}`.',
  visit: {
    parameter(p, ctx) {
      if (p.type !== 'file' || !CHECKED.has(p.in)) return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} is of type \`file\` but in \`${p.in}\`; parameters of type \`file\` are not valid in locations other than \`formData\`.`,
        at: join(p.pointer, 'type'),
      });
    },
  },
});
