import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { superseded } from '../../helpers/dynamic-calls.ts';
import { inputHasDefault, inputLabel, inputRequired } from '../../helpers/operation-inputs.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation, sourcesOf, uniqueInput } from './_call-target.ts';

export default defineRule({
  id: 'operation-parameter-required-mismatch',
  microsoftId: 'OperationParameterRequiredMismatch',
  description:
    'A required input of the called operation should not be fed from an optional input: the call cannot be made until the user fills it.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Make the referenced input required (or give it a default), or pass a literal value instead.',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        const { call, value } = arg;
        if (value.kind !== 'reference' || superseded(call)) continue;
        const target = calledOperation(connector, call);
        const input = target && uniqueInput(connector, target, arg.key, call.form);
        if (!target || !input || !inputRequired(input) || inputHasDefault(input)) continue;
        for (const source of sourcesOf(call)) {
          const provided = uniqueInput(connector, source, value.name, call.form);
          if (!provided || inputRequired(provided) || inputHasDefault(provided)) continue;
          ctx.report({
            message: `The parameter \`${arg.key}\` of operation \`${target.label}\` is required, but an optional value (\`${inputLabel(provided)}\`) is provided by operation \`${source.label}\`; the request cannot be made until a value for this parameter is provided.`,
            at: arg.pointer,
          });
          break;
        }
      }
    },
  },
});
