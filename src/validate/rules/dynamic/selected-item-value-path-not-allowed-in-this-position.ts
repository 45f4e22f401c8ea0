import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'selected-item-value-path-not-allowed-in-this-position',
  microsoftId: 'SelectedItemValuePathNotAllowedInThisPosition',
  description: '`selectedItemValuePath` is only allowed in the `browse` call of `x-ms-dynamic-tree`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use `selectedItemValuePath` only under `x-ms-dynamic-tree.browse.parameters`; elsewhere pass `{ "value": … }` or `{ "parameterReference": … }`.',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        const { call } = arg;
        if (arg.value.kind !== 'selected') continue;
        if (call.extension === 'x-ms-dynamic-tree' && call.part === 'browse') continue;
        const where = call.part ? `${call.extension}.${call.part}` : call.extension;
        ctx.report({
          message: `The 'selectedItemValuePath' property is not allowed in this position (\`${where}\`); it is allowed only in the 'browse' operation of the 'x-ms-dynamic-tree' extension.`,
          at: arg.pointer,
        });
      }
    },
  },
});
