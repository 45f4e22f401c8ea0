import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';
import { rawResponses } from './_raw-responses.ts';

const STATUS = /^[1-5]\d\d$/;

export default defineRule({
  id: 'response-must-be-default-or-http-status-code',
  microsoftId: 'ResponseMustBeDefaultOrHttpStatusCode',
  description: 'Response keys must be three-digit HTTP status codes or `default`.',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use the exact status code (`200`, `404`), or `default` for every other status.',
  visit: {
    operation(op, ctx) {
      for (const [status] of rawResponses(op)) {
        if (status === 'default' || STATUS.test(status)) continue;
        ctx.report({
          message: `Operation \`${op.label}\` has response \`${status}\`; the response must be a valid HTTP status code, or the string \`default\`.`,
          at: join(op.pointer, 'responses', status),
        });
      }
    },
  },
});
