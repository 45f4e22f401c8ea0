import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'notification-extension-not-supported-in-webhook-operation',
  microsoftId: 'NotificationExtensionNotSupportedInWebhookOperation',
  description: '`x-ms-notification` must not be defined on a webhook operation.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Remove `x-ms-notification` from the webhook operation; it belongs on a trigger that points to a webhook operation.',
  visit: {
    operation(op, ctx) {
      if (own(op.raw, 'x-ms-notification') === undefined || op.notificationUrlPath === undefined) return;
      ctx.report({
        message: `The \`x-ms-notification\` extension must not be defined in a webhook operation, but \`${op.label}\` is one.`,
        at: join(op.pointer, 'x-ms-notification'),
      });
    },
  },
});
