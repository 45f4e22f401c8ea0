import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'path-parameter-must-be-required',
  microsoftId: 'PathParameterMustBeRequired',
  description: 'Path parameters must be marked `required: true`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `"required": true`; a path cannot be built without the value.',
  visit: {
    parameter(p, ctx) {
      if (p.in !== 'path' || p.required) return;
      const has = own(p.raw, 'required') !== undefined;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} is in the path but not required; it must be marked as required as it is used in the operation path.`,
        at: has ? join(p.pointer, 'required') : p.pointer,
      });
    },
  },
});
