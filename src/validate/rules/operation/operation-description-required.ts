import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-description-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Certification: every operation has a `description` explaining what it does.',
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Add a `description`: one or two full sentences on what the operation does and returns.',
  visit: {
    operation(op, ctx) {
      const raw = own(op.raw, 'description');
      if (raw !== undefined && (typeof raw !== 'string' || raw.trim() !== '')) return;
      ctx.report({
        message:
          raw === undefined
            ? `Operation \`${op.label}\` has no \`description\`.`
            : `The \`description\` of operation \`${op.label}\` is empty.`,
        at: raw === undefined ? op.pointer : join(op.pointer, 'description'),
      });
    },
  },
});
