import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'webhook-operations-missing-notification-url-property',
  microsoftId: 'WebhookOperationsMissingNotificationUrlProperty',
  description:
    'A webhook trigger (`x-ms-trigger` with `x-ms-notification-content`) must mark a body property with `x-ms-notification-url: true`.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add an internal, required string property to the subscription body and mark it `"x-ms-notification-url": true`; the platform puts the callback URL there.',
  visit: {
    operation(op, ctx) {
      if (op.kind !== 'webhook-trigger' || op.notificationUrlPath !== undefined) return;
      ctx.report({
        message: `The webhook operation \`${op.label}\` is missing notification URL property: no body property is marked \`x-ms-notification-url: true\`.`,
        at: op.pointer,
      });
    },
  },
});
