import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { chainPath, notificationUrls } from '../../helpers/notification-url.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'notification-url-not-string',
  microsoftId: 'NotificationUrlNotString',
  description: 'The notification URL property must be of type `string`.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Declare the notification URL property as `"type": "string"`; the platform writes the callback URL into it.',
  visit: {
    connector(connector, ctx) {
      const reported = new Set<string>();
      for (const { operation, chain } of notificationUrls(connector)) {
        const target = chain[chain.length - 1]!;
        const type = own(target.schema, 'type');
        if (type === 'string' || reported.has(target.pointer)) continue;
        reported.add(target.pointer);
        const has =
          type === undefined
            ? 'declares no `type`'
            : typeof type === 'string'
              ? `has type \`${type}\``
              : 'has a `type` that is not a string';
        ctx.report({
          message: `The notification URL property \`${chainPath(chain)}\` of operation \`${operation.label}\` ${has}; the notification URL property must be of type string.`,
          at: type === undefined ? target.pointer : join(target.pointer, 'type'),
        });
      }
    },
  },
});
