import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'path-parameter-missing-encoding',
  microsoftId: 'PathParameterMissingEncoding',
  description: 'Path parameters should state their URL encoding with `x-ms-url-encoding`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Add `"x-ms-url-encoding": "single"` (or `"double"` when the backend decodes the path twice).',
  fixable: true,
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'path' || own(p.raw, 'x-ms-url-encoding') !== undefined) return;
      ctx.report({
        message: `Encoding for ${parameterLabel(p, ctx.connector, false)} is missing, which might lead to invalid requests; use \`"x-ms-url-encoding": "single"\` to ensure the value is URL encoded.`,
        at: join(p.pointer, 'x-ms-url-encoding'),
        edit: { pointer: join(p.pointer, 'x-ms-url-encoding'), value: 'single' },
      });
    },
  },
});
