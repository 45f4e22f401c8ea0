import type { Response } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';
import { describesContent, isDynamicSchema, isSuccess } from './_response-schema.ts';

/** Success codes that mean "no body": operations answering only with these need no schema. */
const NO_CONTENT: ReadonlySet<string> = new Set(['202', '204']);

export default defineRule({
  id: 'response-schema-required',
  description: 'Every action needs a success response with a schema that describes its output.',
  category: 'response',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: "Add a `schema` with the response's properties to the `200` (or `201`) response, or `x-ms-dynamic-schema` when the shape depends on inputs.",
  visit: {
    operation(op, ctx) {
      // Webhook output lives in `x-ms-notification-content`; internal operations are not shown.
      if (op.kind === 'webhook-trigger' || op.visibility === 'internal' || op.deprecated) return;
      let first: Response | undefined;
      let noContent = true;
      for (const r of op.responses) {
        if (!isSuccess(r)) continue;
        if (describesContent(ctx.connector, r.schema)) return;
        first ??= r;
        if (!NO_CONTENT.has(r.status)) noContent = false;
      }
      for (const r of op.responses) if (isDynamicSchema(ctx.connector, r.schema)) return;
      if (first && noContent) return;
      ctx.report({
        message: first
          ? `Operation \`${op.label}\` has no schema describing its \`${first.status}\` response; certification requires a response schema unless the output is dynamic.`
          : `Operation \`${op.label}\` has no success (2xx) response with a schema; certification requires a response schema unless the output is dynamic.`,
        at: first ? first.pointer : join(op.pointer, 'responses'),
      });
    },
  },
});
