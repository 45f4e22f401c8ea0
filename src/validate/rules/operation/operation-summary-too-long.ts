import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Microsoft's validator limit: summaries must be fewer than 120 characters. */
export const MAX_SUMMARY_LENGTH = 120;

export default defineRule({
  id: 'operation-summary-too-long',
  microsoftId: 'OperationSummaryTooLong',
  description: `An operation \`summary\` must be fewer than ${MAX_SUMMARY_LENGTH} characters.`,
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presetSeverity: { certification: 'error', 'independent-publisher': 'error' },
  presets: ALL,
  fix: 'Shorten the summary to a short action name (certification wants at most 80 characters) and move details to `description`.',
  visit: {
    operation(op, ctx) {
      const summary = op.summary;
      if (summary === undefined || summary.length < MAX_SUMMARY_LENGTH) return;
      ctx.report({
        message: `The \`summary\` of operation \`${op.label}\` is ${summary.length} characters long; it should be fewer than ${MAX_SUMMARY_LENGTH} characters for readability.`,
        at: join(op.pointer, 'summary'),
      });
    },
  },
});
