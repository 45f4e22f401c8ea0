import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Microsoft does not publish the limit; 128 is our default (certification spec §7). */
export const MAX_OPERATION_ID_LENGTH = 128;

export default defineRule({
  id: 'operation-id-too-long',
  microsoftId: 'OperationIdTooLong',
  description: `An \`operationId\` must be shorter than ${MAX_OPERATION_ID_LENGTH} characters.`,
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Shorten the `operationId` to a verb and a noun (`ListTasks`).',
  visit: {
    operation(op, ctx) {
      if (op.id === undefined || op.id.length < MAX_OPERATION_ID_LENGTH) return;
      ctx.report({
        message: `The operationId \`${op.id.slice(0, 40)}…\` is ${op.id.length} characters long; its length must be less than ${MAX_OPERATION_ID_LENGTH}.`,
        at: join(op.pointer, 'operationId'),
      });
    },
  },
});
