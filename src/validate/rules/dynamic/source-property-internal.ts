import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { superseded } from '../../helpers/dynamic-calls.ts';
import { inputInternal } from '../../helpers/operation-inputs.ts';
import { ALL, defineRule } from '../../rule.ts';
import { sourcesOf, uniqueInput } from './_call-target.ts';

export default defineRule({
  id: 'source-property-internal',
  microsoftId: 'SourcePropertyInternal',
  description:
    'A dynamic extension of a visible operation must not reference an internal input (or one under an internal parent).',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Pass the internal input’s default as a literal value instead of referencing it, or make the input visible.',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        const { call, value } = arg;
        if (value.kind !== 'reference' || superseded(call)) continue;
        for (const source of sourcesOf(call)) {
          if (source.visibility === 'internal') continue;
          const provided = uniqueInput(connector, source, value.name, call.form);
          if (!provided || !inputInternal(provided)) continue;
          ctx.report({
            message: `The parameter reference \`${value.name}\` in the source operation \`${source.label}\` is internal or one of its parent(s) are internal; make the property visible or use a static value.`,
            at: arg.pointer,
          });
          break;
        }
      }
    },
  },
});
