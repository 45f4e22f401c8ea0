import type { Operation } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-id-not-unique-ignoring-case',
  description: 'No two `operationId`s may differ only in letter case.',
  category: 'operation',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Rename one of the operations so the ids differ in more than capitalization; tools that compare ids case-insensitively (script `scriptOperations`, policy `x-ms-apimTemplate-operationName`) would confuse them.',
  visit: {
    connector(connector, ctx) {
      const first = new Map<string, Operation>();
      for (const op of connector.operations) {
        if (op.id === undefined || op.id.trim() === '') continue;
        const key = op.id.toLowerCase();
        const earlier = first.get(key);
        if (!earlier) first.set(key, op);
        else if (earlier.id !== op.id) {
          ctx.report({
            message: `The operationId \`${op.id}\` differs from \`${earlier.id}\` only in letter case.`,
            at: join(op.pointer, 'operationId'),
          });
        }
      }
    },
  },
});
