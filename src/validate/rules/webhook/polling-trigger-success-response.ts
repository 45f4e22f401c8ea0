import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'polling-trigger-success-response',
  description: 'A polling trigger must declare a `200` response: only a `200` starts a run.',
  category: 'webhook',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Declare the `200` response with the schema of the new items; `202` (no new data) may be added when the service answers it itself.',
  visit: {
    operation(op, ctx) {
      if (op.kind !== 'polling-trigger' || op.responses.some((r) => r.status === '200')) return;
      ctx.report({
        message: `The polling trigger \`${op.label}\` declares no \`200\` response; the trigger engine fires only on \`200\`, so flows cannot see its outputs.`,
        at: op.responses.length > 0 ? join(op.pointer, 'responses') : op.pointer,
      });
    },
  },
});
