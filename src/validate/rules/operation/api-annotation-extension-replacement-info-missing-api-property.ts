import { ownObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { annotationOf } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'api-annotation-extension-replacement-info-missing-api-property',
  microsoftId: 'ApiAnnotationExtensionReplacementInfoMissingApiProperty',
  description: '`x-ms-api-annotation.replacement` must specify `api`, the connector holding the replacement.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Give `replacement` both `api` (the connector) and `operationId` (the operation that replaces this one).',
  visit: {
    operation(op, ctx) {
      const annotation = annotationOf(op);
      if (!annotation) return;
      const replacement = ownObject(ownObject(op.raw, 'x-ms-api-annotation'), 'replacement');
      if (!replacement || ownString(replacement, 'api')?.trim()) return;
      ctx.report({
        message: `The \`x-ms-api-annotation\` extension for operation \`${op.label}\` is invalid; the \`replacement\` property must specify the \`api\` property.`,
        at: join(annotation.pointer, 'replacement'),
      });
    },
  },
});
