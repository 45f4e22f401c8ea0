import type { Operation } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-id-not-unique',
  microsoftId: 'OperationIdNotUnique',
  description: 'No two operations may share an `operationId`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Give each operation its own `operationId`; flows and policies refer to operations by it.',
  visit: {
    connector(connector, ctx) {
      const first = new Map<string, Operation>();
      for (const op of connector.operations) {
        if (op.id === undefined || op.id.trim() === '') continue;
        const earlier = first.get(op.id);
        if (!earlier) {
          first.set(op.id, op);
          continue;
        }
        ctx.report({
          message: `The operationId \`${op.id}\` of \`${op.method.toUpperCase()} ${op.path}\` is used multiple times (also by \`${earlier.method.toUpperCase()} ${earlier.path}\`); operation identifiers must be unique.`,
          at: join(op.pointer, 'operationId'),
        });
      }
    },
  },
});
