import { join } from '../../../connector/pointer.ts';
import { annotationOf } from '../../helpers/operation-family.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-status-ahead-of-connector',
  microsoftId: 'OperationStatusAheadOfConnector',
  description: 'An operation cannot be in `Production` status while the connector is in `Preview`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Set the operation’s `x-ms-api-annotation.status` to `Preview`, or the connector’s `info.x-ms-api-annotation.status` to `Production`.',
  visit: {
    operation(op, ctx) {
      if (ctx.connector.definition.info.status?.toLowerCase() !== 'preview') return;
      const annotation = annotationOf(op);
      if (annotation?.status !== 'production') return;
      ctx.report({
        message: `The operation \`${op.label}\` cannot be in a Production status ahead of the connector, which is in Preview.`,
        at: join(annotation.pointer, 'status'),
      });
    },
  },
});
