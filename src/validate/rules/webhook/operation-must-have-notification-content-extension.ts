import { join } from '../../../connector/pointer.ts';
import { notificationUrls } from '../../helpers/notification-url.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'operation-must-have-notification-content-extension',
  microsoftId: 'OperationMustHaveNotificationContentExtension',
  description:
    'An operation with a notification URL property needs `x-ms-notification-content` on its path item.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `x-ms-notification-content` (a `description` and the `schema` of the payload the service posts back) next to the operation on its path item.',
  visit: {
    pathItem(item, ctx) {
      if (item.notificationContent) return;
      for (const op of item.operations) {
        if (op.notificationUrlPath === undefined) continue;
        const count = Math.max(1, notificationUrls(ctx.connector).filter((n) => n.operation === op).length);
        ctx.report({
          message: `The operation \`${op.label}\` is missing notification content extension as it has ${count} ${count === 1 ? 'property' : 'properties'} marked as notification URL.`,
          at: op.pointer,
          fix: `Add \`x-ms-notification-content\` at \`${join(item.pointer, 'x-ms-notification-content')}\`.`,
        });
      }
    },
  },
});
