import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { operationInputs, resolveInput } from '../../helpers/operation-inputs.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation, sourcesOf } from './_call-target.ts';

export default defineRule({
  id: 'operation-parameter-name-not-found',
  microsoftId: 'OperationParameterNameNotFound',
  description:
    'Each input named in a dynamic extension’s `parameters` (and each `parameterReference`) must exist in the operation it refers to.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use the exact parameter `name` (for body properties in `x-ms-dynamic-list`/`-properties`: `bodyParamName/property/path`).',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        const { call, value } = arg;
        const target = calledOperation(connector, call);
        if (target && resolveInput(operationInputs(connector, target), arg.key, call.form).length === 0) {
          ctx.report({
            message: `The parameter \`${arg.key}\` passed by \`${call.extension}\` could not be found in operation \`${target.label}\` in the swagger document.`,
            at: arg.pointer,
          });
          continue;
        }
        // Name-form references that resolve to nothing are the companion-extension rules' concern.
        if (call.form !== 'path' || value.kind !== 'reference') continue;
        const source = sourcesOf(call).find(
          (op) => resolveInput(operationInputs(connector, op), value.name, 'path').length === 0,
        );
        if (!source) continue;
        ctx.report({
          message: `The parameter reference \`${value.name}\` in \`${call.extension}\` could not be found in operation \`${source.label}\` in the swagger document.`,
          at: arg.pointer,
        });
      }
    },
  },
});
