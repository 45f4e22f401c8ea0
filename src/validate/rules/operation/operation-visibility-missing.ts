import { own } from '../../../connector/json.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-visibility-missing',
  description: 'Certification checklist: each operation states its `x-ms-visibility`.',
  category: 'operation',
  source: 'certification',
  severity: 'info',
  presets: CERTIFICATION,
  fix: 'Add `"x-ms-visibility": "important"` to the operations most users need, `advanced` to the rest and `internal` to helper operations.',
  visit: {
    operation(op, ctx) {
      if (own(op.raw, 'x-ms-visibility') !== undefined) return;
      ctx.report({
        message: `Operation \`${op.label}\` has no \`x-ms-visibility\`; say whether it is \`important\`, \`advanced\` or \`internal\`.`,
        at: op.pointer,
      });
    },
  },
});
