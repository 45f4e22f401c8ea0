import { templateVariables } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

// `{id=1}` names `id`; operation-path-variables-contain-defaults reports the default.
const variableNames = (path: string) => templateVariables(path).map((v) => (v.split('=')[0] ?? '').trim());

export default defineRule({
  id: 'operation-missing-path-parameter',
  microsoftId: 'OperationMissingPathParameter',
  description: 'Every `{variable}` of the path template needs an `in: path` parameter of the same name.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add a parameter `{"name": "<variable>", "in": "path", "required": true, "type": "string"}` to the operation or its path item.',
  visit: {
    operation(op, ctx) {
      if (!op.path.includes('{')) return;
      const defined = new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name));
      const reported = new Set<string>();
      for (const variable of variableNames(op.path)) {
        if (defined.has(variable) || reported.has(variable)) continue;
        reported.add(variable);
        ctx.report({
          message: `The operation \`${op.label}\` does not define the \`${variable}\` parameter which is required by the path.`,
          at: op.pointer,
        });
      }
    },
  },
});
