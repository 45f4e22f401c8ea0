import { ownString } from '../../../connector/json.ts';
import { chainPath, notificationUrls } from '../../helpers/notification-url.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'notification-url-not-internal',
  microsoftId: 'NotificationUrlNotInternal',
  description: 'The notification URL property, or one of its parents, must be `x-ms-visibility: internal`.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `"x-ms-visibility": "internal"` to the notification URL property: the platform fills it in, users must not see it.',
  visit: {
    connector(connector, ctx) {
      const reported = new Set<string>();
      for (const { operation, body, chain } of notificationUrls(connector)) {
        const target = chain[chain.length - 1]!;
        if (reported.has(target.pointer)) continue;
        const internal =
          body.visibility === 'internal' ||
          chain.some((link) => ownString(link.schema, 'x-ms-visibility') === 'internal');
        if (internal) continue;
        reported.add(target.pointer);
        ctx.report({
          message: `The notification URL property \`${chainPath(chain)}\` of operation \`${operation.label}\` is not internal, nor is any of its parents; it or at least one of its parents must be internal.`,
          at: target.pointer,
        });
      }
    },
  },
});
