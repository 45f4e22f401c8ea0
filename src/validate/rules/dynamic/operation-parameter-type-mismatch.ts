import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { superseded } from '../../helpers/dynamic-calls.ts';
import { inputLabel, inputType } from '../../helpers/operation-inputs.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation, sourcesOf, uniqueInput } from './_call-target.ts';
import { typeFits } from './_types.ts';

export default defineRule({
  id: 'operation-parameter-type-mismatch',
  microsoftId: 'OperationParameterTypeMismatch',
  description:
    'An input referenced by a dynamic extension must have the type of the input it fills in the called operation.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Reference an input of the same type, or align the two declarations.',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        const { call, value } = arg;
        if (value.kind !== 'reference' || superseded(call)) continue;
        const target = calledOperation(connector, call);
        const input = target && uniqueInput(connector, target, arg.key, call.form);
        if (!target || !input) continue;
        const expected = inputType(connector, input);
        for (const source of sourcesOf(call)) {
          const provided = uniqueInput(connector, source, value.name, call.form);
          const actual = provided && inputType(connector, provided);
          if (!provided || typeFits(expected, actual)) continue;
          ctx.report({
            message: `The parameter \`${arg.key}\` of operation \`${target.label}\` has type \`${expected}\`, but operation \`${source.label}\` is providing a parameter of type \`${actual}\` (\`${inputLabel(provided)}\`).`,
            at: arg.pointer,
          });
          break;
        }
      }
    },
  },
});
