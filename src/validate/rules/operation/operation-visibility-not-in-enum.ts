import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeValue } from '../../helpers/describe-value.ts';
import { ALL, defineRule } from '../../rule.ts';

const VALUES = ['important', 'advanced', 'internal'];

export default defineRule({
  id: 'operation-visibility-not-in-enum',
  microsoftId: 'JsonValueNotInEnum',
  description: 'An operation’s `x-ms-visibility` must be `important`, `advanced` or `internal`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `important` (listed first), `advanced` (behind "show more") or `internal` (hidden); omit it for normal visibility.',
  visit: {
    operation(op, ctx) {
      const value = own(op.raw, 'x-ms-visibility');
      if (value === undefined || (typeof value === 'string' && VALUES.includes(value))) return;
      const shown = describeValue(value);
      const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
      ctx.report({
        message: `The \`x-ms-visibility\` of operation \`${op.label}\` is ${shown}; the property value must be one of the following: \`important\`, \`advanced\`, \`internal\`.`,
        at: join(op.pointer, 'x-ms-visibility'),
        fix: VALUES.includes(lower) ? `Write \`${lower}\` in lower case.` : undefined,
      });
    },
  },
});
