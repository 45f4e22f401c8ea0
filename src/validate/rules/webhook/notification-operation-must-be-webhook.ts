import { ownObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'notification-operation-must-be-webhook',
  microsoftId: 'NotificationOperationMustBeWebhook',
  description:
    '`x-ms-notification.operationId` must name a webhook operation (one with a notification URL property).',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Point `x-ms-notification.operationId` at the operation that registers the webhook (the one whose body marks `x-ms-notification-url`).',
  visit: {
    operation(op, ctx) {
      const id = ownString(ownObject(op.raw, 'x-ms-notification'), 'operationId');
      if (id === undefined) return;
      const target = ctx.connector.operation(id);
      if (!target || target.notificationUrlPath !== undefined) return;
      ctx.report({
        message: `The 'operationId' property in 'x-ms-notification' extension must be for a webhook operation, but \`${id}\` has no notification URL property.`,
        at: join(op.pointer, 'x-ms-notification', 'operationId'),
      });
    },
  },
});
