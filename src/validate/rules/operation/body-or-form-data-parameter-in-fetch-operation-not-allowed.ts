import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'body-or-form-data-parameter-in-fetch-operation-not-allowed',
  microsoftId: 'BodyOrFormDataParameterInFetchOperationNotAllowed',
  description: 'A `GET` operation cannot have `body` or `formData` parameters.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Send the values as `query` parameters, or use `POST` if the API really reads a request body.',
  visit: {
    operation(op, ctx) {
      if (op.method !== 'get') return;
      for (const p of op.parameters) {
        if (p.in !== 'body' && p.in !== 'formData') continue;
        ctx.report({
          message: `The \`${p.in}\` parameter \`${p.name}\` of \`${op.label}\` is not supported in a fetch (\`GET\`) operation.`,
          at: p.usedAt,
        });
      }
    },
  },
});
