import { join } from '../../../connector/pointer.ts';
import { operationFamilies } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-family-has-many-active-production-operations',
  microsoftId: 'OperationFamilyHasManyActiveProductionOperations',
  description: 'An operation family should have only one active operation in `Production` status.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Deprecate the previous revision once the new one reaches `Production`.',
  visit: {
    connector(connector, ctx) {
      for (const [family, members] of operationFamilies(connector)) {
        const production = members.filter((m) => !m.operation.deprecated && m.status === 'production');
        if (production.length <= 1) continue;
        ctx.report({
          message: `The operation family \`${family}\` has several active operations in Production status (${production.map((m) => `\`${m.operation.label}\``).join(', ')}); previous revisions should be deprecated.`,
          at: join(production[1]!.pointer, 'status'),
        });
      }
    },
  },
});
