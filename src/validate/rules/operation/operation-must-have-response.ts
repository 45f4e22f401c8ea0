import { type JsonObject, own, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Whether `responses` has a key other than an extension. */
function hasStatusKey(responses: JsonObject): boolean {
  // Status keys are array indexes to V8, so `for…in` lists every key as a new string: most
  // operations are answered by a lookup of the usual two first.
  if (Object.hasOwn(responses, '200') || Object.hasOwn(responses, 'default')) return true;
  for (const key in responses) if (!key.startsWith('x-')) return true;
  return false;
}

export default defineRule({
  id: 'operation-must-have-response',
  microsoftId: 'OperationMustHaveResponse',
  description: 'Every operation must define at least one response.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add a `responses` object with the success status code (`200`, `201`, `204`) and, where there is a body, its `schema`.',
  visit: {
    operation(op, ctx) {
      // Certified webhook triggers pass review with `responses: {}`: their outputs come from
      // `x-ms-notification-content`, not from the subscription call's response.
      if (op.kind === 'webhook-trigger' && op.notificationContent) return;
      const responses = ownObject(op.raw, 'responses');
      if (responses && hasStatusKey(responses)) return;
      ctx.report({
        message: `The operation \`${op.label}\` is not valid; it must contain at least one response definition.`,
        at: own(op.raw, 'responses') === undefined ? op.pointer : join(op.pointer, 'responses'),
      });
    },
  },
});
