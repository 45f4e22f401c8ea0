import type { Operation } from '../../../connector/model.ts';
import { templateVariables } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

// `{id=1}` names `id`; operation-path-variables-contain-defaults reports the default.
const variableNames = (path: string) => templateVariables(path).map((v) => (v.split('=')[0] ?? '').trim());

// The operations of a path item share its template: remember the last one's variables.
let last: { path: string; variables: readonly string[] } = { path: '', variables: [] };

function variablesOf(path: string): readonly string[] {
  if (path !== last.path) last = { path, variables: variableNames(path) };
  return last.variables;
}

function definesPathParameter(op: Operation, name: string): boolean {
  for (const p of op.parameters) if (p.in === 'path' && p.name === name) return true;
  return false;
}

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
      let reported: Set<string> | undefined;
      for (const variable of variablesOf(op.path)) {
        if (definesPathParameter(op, variable) || reported?.has(variable)) continue;
        reported ??= new Set();
        reported.add(variable);
        ctx.report({
          message: `The operation \`${op.label}\` does not define the \`${variable}\` parameter which is required by the path.`,
          at: op.pointer,
        });
      }
    },
  },
});
