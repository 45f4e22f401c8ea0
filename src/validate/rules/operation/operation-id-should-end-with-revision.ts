import { join } from '../../../connector/pointer.ts';
import { annotationOf, revisionText } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-id-should-end-with-revision',
  microsoftId: 'OperationIdShouldEndWithRevision',
  description: 'The `operationId` of revision N (N > 1) of a family should end with `_VN`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Name revisions after the family with a revision suffix: `GetTask`, `GetTask_V2`, `GetTask_V3`.',
  visit: {
    operation(op, ctx) {
      const annotation = annotationOf(op);
      const revision = revisionText(annotation?.revision);
      if (!annotation?.family || op.id === undefined || revision === undefined) return;
      if (!/^\d+$/.test(revision) || Number(revision) <= 1) return;
      // Microsoft's docs write `_V2`; `V2` and `_v2` are common in certified connectors and read the same.
      if (new RegExp(`_?[Vv]${Number(revision)}$`).test(op.id)) return;
      ctx.report({
        message: `The operation Id \`${op.id}\` should end with revision suffix \`_V${Number(revision)}\`.`,
        at: join(op.pointer, 'operationId'),
      });
    },
  },
});
