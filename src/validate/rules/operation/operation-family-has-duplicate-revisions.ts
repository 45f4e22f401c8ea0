import { join } from '../../../connector/pointer.ts';
import { type Annotation, operationFamilies, revisionText } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-family-has-duplicate-revisions',
  microsoftId: 'OperationFamilyHasDuplicateRevisions',
  description: 'Operations of one `x-ms-api-annotation.family` must have different `revision`s.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Number the revisions of a family 1, 2, 3… in the order they were introduced.',
  visit: {
    connector(connector, ctx) {
      for (const [family, members] of operationFamilies(connector)) {
        const seen = new Map<string, Annotation>();
        for (const member of members) {
          const revision = revisionText(member.revision);
          if (revision === undefined) continue;
          const earlier = seen.get(revision);
          if (!earlier) {
            seen.set(revision, member);
            continue;
          }
          ctx.report({
            message: `The operation family \`${family}\` has operations with duplicate revision ${revision} (\`${earlier.operation.label}\` and \`${member.operation.label}\`).`,
            at: join(member.pointer, 'revision'),
          });
        }
      }
    },
  },
});
