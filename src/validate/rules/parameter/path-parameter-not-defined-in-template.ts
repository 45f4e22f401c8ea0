import type { Parameter } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { operationOwnParameters } from '../../helpers/parameter-lists.ts';
import { templateVariables } from '../../helpers/path-template.ts';
import { ALL, defineRule, type RuleContext } from '../../rule.ts';

/** `owner` is `path` or `operation`, `name` its path or label: the message is built only for a finding. */
function check(
  params: readonly Parameter[],
  path: string,
  owner: 'path' | 'operation',
  name: string,
  ctx: RuleContext,
): void {
  if (!params.some((p) => p.in === 'path')) return;
  const variables = variablesOf(path);
  for (const p of params) {
    if (p.in !== 'path' || p.name === '' || variables.has(p.name)) continue;
    ctx.report({
      message: `The \`path\` parameter \`${p.name}\` of ${owner} \`${name}\` is not defined in the URI path template \`${path}\`; enclose its name in \`{\` and \`}\` in the path.`,
      at: p.ref ? p.usedAt : join(p.usedAt, 'name'),
    });
  }
}

// `{id=1}` names `id`; operation-path-variables-contain-defaults reports the default.
const variableNames = (path: string) => templateVariables(path).map((v) => (v.split('=')[0] ?? '').trim());

// A path item and then each of its operations ask about the same template: remember the last.
let last: { path: string; variables: ReadonlySet<string> } = { path: '', variables: new Set() };

function variablesOf(path: string): ReadonlySet<string> {
  if (path !== last.path) last = { path, variables: new Set(variableNames(path)) };
  return last.variables;
}

export default defineRule({
  id: 'path-parameter-not-defined-in-template',
  microsoftId: 'PathParameterNotDefinedInTemplate',
  description: 'Every `in: path` parameter must appear as a `{variable}` in the path template.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `{name}` to the path, rename the parameter to match the template variable (names are case-sensitive), or move it to `query`.',
  visit: {
    pathItem(item, ctx) {
      check(item.parameters, item.path, 'path', item.path, ctx);
    },
    operation(op, ctx) {
      // Most operations have no `path` parameter: look before building the list of their own.
      if (!op.parameters.some((p) => p.in === 'path')) return;
      check(operationOwnParameters(op), op.path, 'operation', op.label, ctx);
    },
  },
});
