import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { superseded } from '../../helpers/dynamic-calls.ts';
import { operationInputs, resolveInput } from '../../helpers/operation-inputs.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation } from './_call-target.ts';

export default defineRule({
  id: 'operation-parameter-name-is-ambiguous',
  microsoftId: 'OperationParameterNameIsAmbiguous',
  description:
    'An input named in `x-ms-dynamic-values`/`-schema` `parameters` must not match both a parameter and a body property of the called operation.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the path-based companion (`x-ms-dynamic-list` / `x-ms-dynamic-properties`) and name the input as `param` or `body/property`, or rename one of the two.',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        const { call } = arg;
        if (call.form !== 'name') continue;
        if (superseded(call)) continue;
        const target = calledOperation(connector, call);
        if (!target || resolveInput(operationInputs(connector, target), arg.key, 'name').length < 2) continue;
        ctx.report({
          message: `The parameter name \`${arg.key}\` is ambiguous as it matches both a parameter name and a path to a body property of operation \`${target.label}\`.`,
          at: arg.pointer,
        });
      }
    },
  },
});
