import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeValue } from '../../helpers/describe-value.ts';
import { ALL, defineRule } from '../../rule.ts';

const VALUES = ['single', 'batch'];

export default defineRule({
  id: 'operation-trigger-not-in-enum',
  microsoftId: 'JsonValueNotInEnum',
  description: 'An operation’s `x-ms-trigger` must be `single` or `batch`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `single` when each call or callback is one event, `batch` when the response carries an array of events.',
  visit: {
    operation(op, ctx) {
      const value = own(op.raw, 'x-ms-trigger');
      if (value === undefined || (typeof value === 'string' && VALUES.includes(value))) return;
      const shown = describeValue(value);
      const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
      ctx.report({
        message: `The \`x-ms-trigger\` of operation \`${op.label}\` is ${shown}; the property value must be one of the following: \`single\`, \`batch\`.`,
        at: join(op.pointer, 'x-ms-trigger'),
        fix: VALUES.includes(lower) ? `Write \`${lower}\` in lower case.` : undefined,
      });
    },
  },
});
