import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-list-contains-form-data-and-body',
  microsoftId: 'ParameterListContainsFormDataAndBody',
  description: 'An operation cannot have both a `body` parameter and `formData` parameters.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Keep one kind of request content: a single `body` parameter with a schema (JSON), or `formData` parameters (form or multipart).',
  visit: {
    operation(op, ctx) {
      const body = op.parameters.find((p) => p.in === 'body');
      const form = op.parameters.find((p) => p.in === 'formData');
      if (!body || !form) return;
      ctx.report({
        message: `Operation \`${op.label}\` defines both a \`body\` parameter (\`${body.name}\`) and a \`formData\` parameter (\`${form.name}\`); only one of these locations can be used in an operation.`,
        at: form.usedAt,
      });
    },
  },
});
