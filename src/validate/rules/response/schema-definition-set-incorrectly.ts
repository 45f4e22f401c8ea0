import { ALL, defineRule } from '../../rule.ts';
import { successWithSchema } from './_response-schema.ts';

const DESIGNER_STATUSES: ReadonlySet<string> = new Set(['200', '201']);

export default defineRule({
  id: 'schema-definition-set-incorrectly',
  microsoftId: 'SchemaDefinitionSetIncorrectly',
  description:
    'Output schemas must be on the `200` or `201` response (or in `x-ms-notification-content` for webhooks) to show in the designer.',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Move the schema to the `200` (or `201`) response; for a webhook trigger, put the payload schema in `x-ms-notification-content`.',
  visit: {
    operation(op, ctx) {
      if (op.kind === 'webhook-trigger') {
        if (op.notificationContent?.schema) return;
        if (!successWithSchema(op)) return;
        ctx.report({
          message: `Webhook trigger \`${op.label}\` describes its output only on the subscription response; the operation should define an output schema in the \`x-ms-notification-content\` extension for a webhook to be visible in the designer.`,
          at: op.pointer,
        });
        return;
      }
      for (const r of op.responses) if (DESIGNER_STATUSES.has(r.status) && r.schema) return;
      const elsewhere = successWithSchema(op);
      if (!elsewhere) return;
      ctx.report({
        message: `Operation \`${op.label}\` has its output schema on the \`${elsewhere.status}\` response; the operation should define an output schema on the 200 or 201 response code to be visible in the designer.`,
        at: elsewhere.pointer,
      });
    },
  },
});
