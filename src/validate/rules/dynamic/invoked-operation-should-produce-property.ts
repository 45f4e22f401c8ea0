import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { type DynamicCall, dynamicCalls } from '../../helpers/dynamic-calls.ts';
import { followPath, pathSegments, successSchema } from '../../helpers/response-path.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation } from './_call-target.ts';

/** The property naming where the schema is in each kind of schema call. */
const SCHEMA_PATH: Partial<Record<DynamicCall['extension'], string>> = {
  'x-ms-dynamic-schema': 'value-path',
  'x-ms-dynamic-properties': 'itemValuePath',
};

export default defineRule({
  id: 'invoked-operation-should-produce-property',
  microsoftId: 'InvokedOperationShouldProduceProperty',
  description:
    'The operation called for a dynamic schema must return the property named by `value-path` / `itemValuePath`.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Fix the path, or describe the property in the called operation’s successful response schema.',
  visit: {
    connector(connector, ctx) {
      for (const call of dynamicCalls(connector)) {
        const key = SCHEMA_PATH[call.extension];
        const path = key ? own(call.raw, key) : undefined;
        const target = typeof path === 'string' ? calledOperation(connector, call) : undefined;
        if (!key || typeof path !== 'string' || !target) continue;
        const schema = successSchema(connector, target);
        if (!schema) continue;
        const found = followPath(connector, schema, pathSegments(path));
        if (found.status !== 'missing') continue;
        ctx.report({
          message: `The dynamic operation expects a property on the specified path \`${path}\` which should be defined in the successful response of the invoked operation \`${target.label}\` (\`${found.segment}\` is not there).`,
          at: join(call.pointer, key),
        });
      }
    },
  },
});
