import { chainPath, notificationUrls } from '../../helpers/notification-url.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'notification-url-not-required',
  microsoftId: 'NotificationUrlNotRequired',
  description: 'The notification URL property must be required all the way through the schema chain.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'List the property, and each object property above it, in its parent’s `required` array.',
  visit: {
    connector(connector, ctx) {
      const reported = new Set<string>();
      for (const { operation, chain } of notificationUrls(connector)) {
        const target = chain[chain.length - 1]!;
        if (reported.has(target.pointer)) continue;
        const gap = chain.find((link) => link.name !== undefined && !link.required);
        if (!gap) continue;
        reported.add(target.pointer);
        ctx.report({
          message: `The notification URL property \`${chainPath(chain)}\` of operation \`${operation.label}\` must be required all the way through the schema chain, but \`${gap.name}\` is not listed in its parent's \`required\`.`,
          at: gap.pointer,
        });
      }
    },
  },
});
