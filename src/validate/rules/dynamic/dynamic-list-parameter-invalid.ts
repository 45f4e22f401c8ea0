import { isObject, own } from '../../../connector/json.ts';
import { dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'dynamic-list-parameter-invalid',
  description:
    'Each `parameters` entry of `x-ms-dynamic-list`, `x-ms-dynamic-properties` and `x-ms-dynamic-tree` must be exactly `{ "value": … }` or `{ "parameterReference": "…" }`.',
  category: 'dynamic',
  source: 'flowport',
  severity: 'error',
  presets: ALL,
  fix: 'Write `{ "value": <literal> }` for a fixed value or `{ "parameterReference": "param/path" }` to pass an input of the calling operation.',
  visit: {
    connector(connector, ctx) {
      for (const arg of dynamicArguments(connector)) {
        if (arg.call.form !== 'path' || arg.value.kind !== 'invalid') continue;
        const where = arg.call.part ? `${arg.call.extension}.${arg.call.part}` : arg.call.extension;
        const legacy = isObject(arg.raw) && own(arg.raw, 'parameter') !== undefined;
        ctx.report({
          message: legacy
            ? `The \`${where}\` parameter \`${arg.key}\` uses \`parameter\`, the \`x-ms-dynamic-values\` form; write \`parameterReference\` with the input's path.`
            : `The \`${where}\` parameter \`${arg.key}\` must be exactly one of \`{ "value": … }\` or \`{ "parameterReference": "…" }\`.`,
          at: arg.pointer,
        });
      }
    },
  },
});
