import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'notification-extension-supported-for-trigger-only',
  microsoftId: 'NotificationExtensionSupportedForTriggerOnly',
  description: '`x-ms-notification` is supported on trigger operations only.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove `x-ms-notification`, or make the operation a trigger with `x-ms-trigger`.',
  visit: {
    operation(op, ctx) {
      if (own(op.raw, 'x-ms-notification') === undefined || own(op.raw, 'x-ms-trigger') !== undefined) return;
      // A webhook action is reported by notification-extension-not-supported-in-webhook-operation.
      if (op.notificationUrlPath !== undefined) return;
      ctx.report({
        message: `The \`x-ms-notification\` extension is supported for trigger operations only, but \`${op.label}\` has no \`x-ms-trigger\`.`,
        at: join(op.pointer, 'x-ms-notification'),
      });
    },
  },
});
