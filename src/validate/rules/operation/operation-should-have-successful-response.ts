import { type JsonObject, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

const SUCCESS = /^2\d\d$/;

function statusCodes(responses: JsonObject): string {
  return Object.keys(responses)
    .filter((k) => !k.startsWith('x-'))
    .map((c) => `\`${c}\``)
    .join(', ');
}

export default defineRule({
  id: 'operation-should-have-successful-response',
  microsoftId: 'OperationShouldHaveSuccessfulResponse',
  description: 'Every operation should define a 2xx response.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Add the success response (`200`, `201`, `202` or `204`) with its schema; the designer reads outputs from it, not from `default`.',
  visit: {
    operation(op, ctx) {
      const responses = ownObject(op.raw, 'responses');
      if (!responses) return;
      // Most operations answer `200`; `for…in` would list status keys (array indexes to V8) as new strings.
      if (Object.hasOwn(responses, '200')) return;
      // No responses at all is `operation-must-have-response`'s finding.
      let codes = 0;
      for (const key in responses) {
        if (key.startsWith('x-')) continue;
        if (SUCCESS.test(key)) return;
        codes++;
      }
      if (codes === 0) return;
      ctx.report({
        message: `The operation \`${op.label}\` should have at least one successful response definition; it has only ${statusCodes(responses)}.`,
        at: join(op.pointer, 'responses'),
      });
    },
  },
});
