import { join } from '../../../connector/pointer.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';
import { rawResponses } from './_raw-responses.ts';

export default defineRule({
  id: 'default-response-only',
  description: 'An operation must not have `default` as its only response.',
  category: 'response',
  source: 'certification',
  severity: 'error',
  presets: CERTIFICATION,
  fix: 'Declare the success response (`200`, `201`, `204` …) with its schema; keep `default` for errors.',
  visit: {
    operation(op, ctx) {
      const responses = rawResponses(op);
      if (responses.length !== 1 || responses[0]?.[0] !== 'default') return;
      // A lone `default` with a schema is reported by `default-response-has-schema`, with this fix.
      if (op.responses[0]?.schema) return;
      ctx.report({
        message: `Operation \`${op.label}\` has only a \`default\` response; declare the expected success response as well.`,
        at: join(op.pointer, 'responses', 'default'),
      });
    },
  },
});
