import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-summary-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Every operation must have a `summary`; the designer shows it as the action or trigger name.',
  category: 'operation',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Add a short sentence-case `summary` such as "Create a task" (at most 80 characters).',
  visit: {
    operation(op, ctx) {
      const raw = own(op.raw, 'summary');
      if (typeof raw === 'string' && raw.trim() !== '') return;
      // A non-string summary is a type error, reported where types are checked.
      if (raw !== undefined && typeof raw !== 'string') return;
      ctx.report({
        message:
          raw === undefined
            ? `The \`summary\` property is required; operation \`${op.label}\` has none.`
            : `The \`summary\` of operation \`${op.label}\` is empty.`,
        at: raw === undefined ? op.pointer : join(op.pointer, 'summary'),
      });
    },
  },
});
