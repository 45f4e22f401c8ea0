import { entries, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-ref-loop-not-allowed',
  microsoftId: 'ParameterRefLoopNotAllowed',
  description:
    'An entry of the top-level `parameters` object must be a parameter, not a `$ref` to another one.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Replace the `$ref` with the parameter definition itself, or make the operations refer to the target entry directly.',
  visit: {
    connector(connector, ctx) {
      for (const [name, value] of entries(connector.definition.sharedParameters)) {
        if (own(value, '$ref') === undefined) continue;
        ctx.report({
          message: `Shared parameter \`#${join('/parameters', name)}\` is a \`$ref\`; the parameter definition may not use a \`$ref\` to point to another definition.`,
          at: join('/parameters', name, '$ref'),
        });
      }
    },
  },
});
