import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { type DynamicCall, dynamicCalls } from '../../helpers/dynamic-calls.ts';
import { arrayness, followPath, pathSegments, successSchema } from '../../helpers/response-path.ts';
import { ALL, defineRule } from '../../rule.ts';
import { calledOperation } from './_call-target.ts';

/** The property naming the array of items in each kind of list call. */
const COLLECTION: Partial<Record<DynamicCall['extension'], string>> = {
  'x-ms-dynamic-values': 'value-collection',
  'x-ms-dynamic-list': 'itemsPath',
  'x-ms-dynamic-tree': 'itemsPath',
};

export default defineRule({
  id: 'invoked-operation-should-produce-array',
  microsoftId: 'InvokedOperationShouldProduceArray',
  description:
    'The operation called for a list of values must return an array at `value-collection` / `itemsPath` (or at its root when absent).',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Point `value-collection` / `itemsPath` at the array in the called operation’s successful response, and describe that array in its schema.',
  visit: {
    connector(connector, ctx) {
      for (const call of dynamicCalls(connector)) {
        const key = COLLECTION[call.extension];
        const target = key && calledOperation(connector, call);
        if (!key || !target) continue;
        const raw = own(call.raw, key);
        if (raw !== undefined && typeof raw !== 'string') continue;
        const schema = successSchema(connector, target);
        if (!schema) continue;
        const path = raw ?? '';
        const found = followPath(connector, schema, pathSegments(path));
        if (found.status === 'unknown') continue;
        if (found.status === 'found' && arrayness(connector, found) !== 'not-array') continue;
        ctx.report({
          message: `The dynamic operation expects an array on the specified path \`${path || '(response root)'}\` which should be defined in the successful response of the invoked operation \`${target.label}\`.`,
          at: raw === undefined ? call.pointer : join(call.pointer, key),
        });
      }
    },
  },
});
