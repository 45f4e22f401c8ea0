import { operationFamilies } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-family-has-many-empty-revisions',
  microsoftId: 'OperationFamilyHasManyEmptyRevisions',
  description: 'At most one operation of a family may lack a `revision`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Give every operation of the family a `revision` (1 for the first version).',
  visit: {
    connector(connector, ctx) {
      for (const [family, members] of operationFamilies(connector)) {
        const empty = members.filter((m) => m.revision === undefined);
        if (empty.length <= 1) continue;
        ctx.report({
          message: `The operation family \`${family}\` has several operations with empty revision (${empty.map((m) => `\`${m.operation.label}\``).join(', ')}); only one operation can have an empty revision.`,
          at: empty[1]!.pointer,
        });
      }
    },
  },
});
