import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { annotationOf } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'api-annotation-extension-replacement-info-for-non-deprecated-operations',
  microsoftId: 'ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations',
  description: '`x-ms-api-annotation.replacement` belongs on deprecated operations only.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Mark the operation `deprecated: true` or remove `replacement`.',
  visit: {
    operation(op, ctx) {
      const annotation = annotationOf(op);
      if (!annotation || op.deprecated) return;
      const raw = own(op.raw, 'x-ms-api-annotation');
      if (own(raw, 'replacement') === undefined) return;
      ctx.report({
        message: `The \`x-ms-api-annotation\` extension for operation \`${op.label}\` is invalid; the \`replacement\` property should be specified for deprecated operations only.`,
        at: join(annotation.pointer, 'replacement'),
      });
    },
  },
});
