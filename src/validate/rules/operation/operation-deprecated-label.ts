import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';
import { CERTIFICATION_SUMMARY_LENGTH } from './operation-summary-length.ts';

const MENTIONS = /deprecated/i;
const LABEL = ' (deprecated)';
/** A summary the label can follow: ending with a word, a number or `)`, not a sentence's period. */
const ENDS_IN_NAME = /[\p{L}\p{N})]$/u;

export default defineRule({
  id: 'operation-deprecated-label',
  description:
    'Certification: a deprecated operation says "(deprecated)" in its `summary` and `description`.',
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fixable: true,
  fix: 'Append " (deprecated)" to the summary and add a sentence to the description naming the replacement operation.',
  visit: {
    operation(op, ctx) {
      if (!op.deprecated) return;
      for (const key of ['summary', 'description'] as const) {
        const text = op[key];
        if (!text?.trim() || MENTIONS.test(text)) continue;
        const at = join(op.pointer, key);
        const name = text.trim();
        const labelled = `${name}${LABEL}`;
        // The summary gets the label when it stays a valid summary; the description needs a sentence
        // naming the replacement, which only a person can write.
        const labels =
          key === 'summary' && ENDS_IN_NAME.test(name) && labelled.length <= CERTIFICATION_SUMMARY_LENGTH;
        ctx.report({
          message: `Operation \`${op.label}\` is deprecated but its \`${key}\` does not say so; append "(deprecated)".`,
          at,
          fix: key === 'summary' ? `Use \`${labelled}\`.` : undefined,
          ...(labels && { edit: { pointer: at, value: labelled } }),
        });
      }
    },
  },
});
