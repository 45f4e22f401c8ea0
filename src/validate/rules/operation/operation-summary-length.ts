import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';
import { MAX_SUMMARY_LENGTH } from './operation-summary-too-long.ts';

/** Certification guidance for operation and parameter summaries. */
export const CERTIFICATION_SUMMARY_LENGTH = 80;

export default defineRule({
  id: 'operation-summary-length',
  description: `Certification: an operation \`summary\` has at most ${CERTIFICATION_SUMMARY_LENGTH} characters.`,
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Shorten the summary to the action itself ("Create a task") and move details to `description`.',
  visit: {
    operation(op, ctx) {
      const length = op.summary?.length ?? 0;
      // From 120 on, `operation-summary-too-long` reports it.
      if (length <= CERTIFICATION_SUMMARY_LENGTH || length >= MAX_SUMMARY_LENGTH) return;
      ctx.report({
        message: `The \`summary\` of operation \`${op.label}\` is ${length} characters long; certification allows at most ${CERTIFICATION_SUMMARY_LENGTH}.`,
        at: join(op.pointer, 'summary'),
      });
    },
  },
});
