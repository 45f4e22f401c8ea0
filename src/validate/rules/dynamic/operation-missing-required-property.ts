import { entries } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { dynamicCalls } from '../../helpers/dynamic-calls.ts';
import { operationInputs, resolveInput } from '../../helpers/operation-inputs.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation } from './_call-target.ts';

export default defineRule({
  id: 'operation-missing-required-property',
  microsoftId: 'OperationMissingRequiredProperty',
  description:
    'A dynamic extension must pass every required parameter (without a default) of the operation it calls.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the parameter to the extension’s `parameters`, as a literal value or a reference to an input of the calling operation.',
  visit: {
    connector(connector, ctx) {
      for (const call of dynamicCalls(connector)) {
        const target = calledOperation(connector, call);
        if (!target) continue;
        const inputs = operationInputs(connector, target);
        const supplied = new Set<string>();
        for (const [key] of entries(call.parameters)) {
          if (call.form === 'path') supplied.add(key.split('/')[0]!);
          for (const match of resolveInput(inputs, key, call.form)) {
            supplied.add(match.kind === 'parameter' ? match.parameter.name : (inputs.body?.name ?? ''));
          }
        }
        for (const p of target.parameters) {
          if (!p.required || p.default !== undefined || supplied.has(p.name)) continue;
          ctx.report({
            message: `The target operation \`${target.label}\` requires parameter \`${p.name}\`, but \`${call.part ? `${call.extension}.${call.part}` : call.extension}\` does not pass it.`,
            at: call.parameters ? join(call.pointer, 'parameters') : call.pointer,
          });
        }
      }
    },
  },
});
