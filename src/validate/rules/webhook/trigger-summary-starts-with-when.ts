import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const WHEN = /^\s*when\b/i;

export default defineRule({
  id: 'trigger-summary-starts-with-when',
  description: 'A trigger’s `summary` should read "When …" (e.g. "When a task is created").',
  category: 'webhook',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Phrase the trigger summary as the event: "When a task is created", "When an invoice is paid".',
  visit: {
    operation(op, ctx) {
      if (op.kind !== 'polling-trigger' && op.kind !== 'webhook-trigger') return;
      if (op.visibility === 'internal' || op.deprecated || op.summary === undefined) return;
      if (op.summary.trim() === '' || WHEN.test(op.summary)) return;
      ctx.report({
        message: `The summary \`${op.summary}\` of trigger \`${op.label}\` does not start with "When"; trigger summaries usually read "When a …".`,
        at: join(op.pointer, 'summary'),
      });
    },
  },
});
