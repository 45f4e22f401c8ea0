import { join } from '../../../connector/pointer.ts';
import { operationFamilies } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-family-has-many-active-operations',
  microsoftId: 'OperationFamilyHasManyActiveOperations',
  description: 'An operation family may have at most two operations that are not deprecated.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Mark the older revisions `deprecated: true`; keep at most the current and the previous one active.',
  visit: {
    connector(connector, ctx) {
      for (const [family, members] of operationFamilies(connector)) {
        const active = members.filter((m) => !m.operation.deprecated);
        if (active.length <= 2) continue;
        ctx.report({
          message: `The operation family \`${family}\` has more than two active operations (${active.map((m) => `\`${m.operation.label}\``).join(', ')}); extra operations must be deprecated.`,
          at: join(active[2]!.pointer, 'family'),
        });
      }
    },
  },
});
