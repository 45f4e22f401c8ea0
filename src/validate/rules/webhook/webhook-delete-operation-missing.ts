import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'webhook-delete-operation-missing',
  description: 'A connector with webhook triggers should define a `DELETE` operation to unsubscribe them.',
  category: 'webhook',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Add a `DELETE` operation (usually `x-ms-visibility: internal`) whose path matches the `Location` header the subscription returns, so flows can unsubscribe when they are turned off or deleted.',
  visit: {
    connector(connector, ctx) {
      const webhooks = connector.operations.filter((op) => op.kind === 'webhook-trigger');
      if (webhooks.length === 0 || connector.operations.some((op) => op.method === 'delete')) return;
      const names = webhooks.slice(0, 3).map((op) => `\`${op.label}\``);
      if (webhooks.length > 3) names.push(`${webhooks.length - 3} more`);
      ctx.report({
        message: `The connector has webhook triggers (${names.join(', ')}) but no \`DELETE\` operation, so the platform cannot delete their subscriptions.`,
        at: webhooks[0]!.pointer,
      });
    },
  },
});
