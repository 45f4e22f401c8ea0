import { own, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'notification-operation-not-found',
  microsoftId: 'OperationIdNotFound',
  description: '`x-ms-notification.operationId` must name an operation of this connector.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use the exact `operationId` (case-sensitive) of the webhook operation, or remove `x-ms-notification`.',
  visit: {
    operation(op, ctx) {
      const notification = ownObject(op.raw, 'x-ms-notification');
      if (!notification) return;
      const id = own(notification, 'operationId');
      const at = join(op.pointer, 'x-ms-notification', 'operationId');
      if (typeof id !== 'string' || id.trim() === '') {
        ctx.report({
          message: `The \`x-ms-notification\` extension of operation \`${op.label}\` has no \`operationId\`.`,
          at: id === undefined ? join(op.pointer, 'x-ms-notification') : at,
        });
      } else if (!ctx.connector.operation(id)) {
        ctx.report({
          message: `The 'operationId' \`${id}\` in \`x-ms-notification\` of operation \`${op.label}\` could not be found in this swagger document.`,
          at,
        });
      }
    },
  },
});
