import { join } from '../../../connector/pointer.ts';
import { differentInitials } from '../../helpers/display-name-style.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const normalise = (s: string) =>
  s
    .trim()
    .replace(/[.!\s]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

export default defineRule({
  id: 'operation-description-differs-from-summary',
  description: 'Certification: an operation’s `description` says more than its `summary`.',
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Write a `description` that adds information: what the operation does, what it returns, what it needs.',
  visit: {
    operation(op, ctx) {
      const { summary, description } = op;
      if (!summary?.trim() || !description?.trim()) return;
      // Cheap exit: normalising only trims and collapses spaces, so a much longer text cannot match.
      if (description.length > 2 * summary.length + 16 || differentInitials(summary, description)) return;
      if (summary !== description && normalise(summary) !== normalise(description)) return;
      ctx.report({
        message: `The \`description\` of operation \`${op.label}\` repeats its \`summary\`; it should add information.`,
        at: join(op.pointer, 'description'),
      });
    },
  },
});
