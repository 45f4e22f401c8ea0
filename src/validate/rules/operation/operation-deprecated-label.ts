import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const MENTIONS = /deprecated/i;

export default defineRule({
  id: 'operation-deprecated-label',
  description:
    'Certification: a deprecated operation says "(deprecated)" in its `summary` and `description`.',
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Append " (deprecated)" to the summary and add a sentence to the description naming the replacement operation.',
  visit: {
    operation(op, ctx) {
      if (!op.deprecated) return;
      for (const key of ['summary', 'description'] as const) {
        const text = op[key];
        if (!text?.trim() || MENTIONS.test(text)) continue;
        ctx.report({
          message: `Operation \`${op.label}\` is deprecated but its \`${key}\` does not say so; append "(deprecated)".`,
          at: join(op.pointer, key),
          fix: key === 'summary' ? `Use \`${text.trim()} (deprecated)\`.` : undefined,
        });
      }
    },
  },
});
