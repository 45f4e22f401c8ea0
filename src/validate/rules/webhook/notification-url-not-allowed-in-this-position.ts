import { join } from '../../../connector/pointer.ts';
import { isNotificationUrl } from '../../helpers/notification-url.ts';
import { ALL, defineRule, type SchemaNode } from '../../rule.ts';

const HOLDERS: Record<Exclude<SchemaNode['holder'], 'schema'>, string> = {
  parameter: 'a non-body parameter',
  items: 'the items of a non-body parameter',
  header: 'a response header',
};

export default defineRule({
  id: 'notification-url-not-allowed-in-this-position',
  microsoftId: 'NotificationUrlNotAllowedInThisPosition',
  description: '`x-ms-notification-url` may only mark a property of a request body.',
  category: 'webhook',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Move `x-ms-notification-url: true` to the (internal, required, string) body property that receives the callback URL, and remove it elsewhere.',
  visit: {
    schemaKeys: ['x-ms-notification-url'],
    schema(node, ctx) {
      if (!isNotificationUrl(node.raw)) return;
      let where: string | undefined;
      if (node.holder !== 'schema') where = HOLDERS[node.holder];
      else if (node.role === 'output') where = 'a response or notification schema';
      // A shared definition that a response echoes back (certified AtBot, Tikit) passes Microsoft's
      // review, so definitions are left alone.
      if (!where) return;
      ctx.report({
        message: `The notification URL property is not allowed in this position (${where}); it is allowed only in an input body.`,
        at: join(node.pointer, 'x-ms-notification-url'),
      });
    },
  },
});
