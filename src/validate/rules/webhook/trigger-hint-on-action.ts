import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'trigger-hint-on-action',
  description: '`x-ms-trigger-hint` is shown while testing a trigger; on an action it is never displayed.',
  category: 'webhook',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Remove `x-ms-trigger-hint` from the action, or add `x-ms-trigger` if the operation is meant to be a trigger.',
  visit: {
    operation(op, ctx) {
      if (own(op.raw, 'x-ms-trigger-hint') === undefined || own(op.raw, 'x-ms-trigger') !== undefined) return;
      ctx.report({
        message: `Operation \`${op.label}\` has \`x-ms-trigger-hint\` but no \`x-ms-trigger\`; the hint is only shown for triggers.`,
        at: join(op.pointer, 'x-ms-trigger-hint'),
      });
    },
  },
});
