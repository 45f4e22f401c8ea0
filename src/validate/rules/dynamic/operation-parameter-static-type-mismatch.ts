import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { inputType } from '../../helpers/operation-inputs.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation, uniqueInput } from './_call-target.ts';
import { literalType, typeFits } from './_types.ts';

export default defineRule({
  id: 'operation-parameter-static-type-mismatch',
  microsoftId: 'OperationParameterStaticTypeMismatch',
  description: 'A literal passed by a dynamic extension must have the type of the input it fills.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the literal with the declared JSON type (`5`, not `"5"`, for an integer; `true`, not `"true"`, for a boolean).',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        if (arg.value.kind !== 'static' || arg.value.value === null) continue;
        const target = calledOperation(connector, arg.call);
        const input = target && uniqueInput(connector, target, arg.key, arg.call.form);
        if (!target || !input) continue;
        const expected = inputType(connector, input);
        const actual = literalType(arg.value.value);
        if (typeFits(expected, actual)) continue;
        ctx.report({
          message: `The parameter \`${arg.key}\` of operation \`${target.label}\` has type \`${expected}\`, but a static value is provided of type \`${actual}\`.`,
          at: arg.pointer,
        });
      }
    },
  },
});
