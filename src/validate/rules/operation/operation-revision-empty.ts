import { annotationOf } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-revision-empty',
  microsoftId: 'OperationRevisionEmpty',
  description: 'An operation with an `x-ms-api-annotation.family` should specify its `revision`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Add `"revision": 1` for the first version of the operation, 2 for the next, and so on.',
  visit: {
    operation(op, ctx) {
      const annotation = annotationOf(op);
      if (!annotation?.family || annotation.revision !== undefined) return;
      ctx.report({
        message: `The operation \`${op.label}\` does not specify a revision in its api annotation (family \`${annotation.family}\`).`,
        at: annotation.pointer,
      });
    },
  },
});
