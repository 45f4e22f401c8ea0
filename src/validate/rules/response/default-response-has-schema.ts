import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'default-response-has-schema',
  microsoftId: 'DefaultResponseHasSchema',
  description: 'The `default` response must not define a schema.',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Move the schema to the expected success response (`200`, `201`) and keep `default` to a description.',
  visit: {
    operation(op, ctx) {
      for (const r of op.responses) {
        if (r.status !== 'default' || !r.schema) continue;
        const only = op.responses.length === 1;
        ctx.report({
          ...(only && {
            fix: 'This is the only response: rename `default` to the success status code (usually `200`).',
          }),
          message: `The \`default\` response of \`${op.label}\` has a schema; the \`default\` response should not have schema definition, schemas should be defined on expected responses only.`,
          at: r.ref === undefined ? join(r.pointer, 'schema') : join(op.pointer, 'responses', 'default'),
        });
      }
    },
  },
});
