import { ownString } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'response-description-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Every response must have a `description` (Swagger 2.0 requires it).',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add a short `description` such as `"OK"` or `"Task created"`.',
  visit: {
    response(response, op, ctx) {
      if (ownString(response.raw, 'description') !== undefined) return;
      const owner = op
        ? `Response \`${response.status}\` of \`${op.label}\``
        : `Shared response \`${response.status}\``;
      ctx.report({
        message: `${owner} has no \`description\`; the \`description\` property is required.`,
        at: response.pointer,
      });
    },
  },
});
