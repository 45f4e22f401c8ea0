import { join } from '../../../connector/pointer.ts';
import { dynamicCalls } from '../../helpers/dynamic-calls.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'dynamic-operation-not-found',
  microsoftId: 'OperationIdNotFound',
  description:
    'The `operationId` of a dynamic extension (values, list, schema, properties, tree `open`/`browse`) must name an operation of this connector.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use the exact, case-sensitive `operationId` of the operation that returns the values, schema or tree items.',
  visit: {
    connector(connector, ctx) {
      for (const call of dynamicCalls(connector)) {
        const name = call.part ? `${call.extension}.${call.part}` : call.extension;
        const id = call.operationId;
        if (id === undefined) {
          // `x-ms-dynamic-values` may name a built-in operation or capability instead (see
          // dynamic-values-operation-required).
          if (call.extension === 'x-ms-dynamic-values') continue;
          ctx.report({ message: `The \`${name}\` extension has no \`operationId\`.`, at: call.pointer });
        } else if (typeof id !== 'string') {
          ctx.report({
            message: `The \`operationId\` of \`${name}\` must be a string.`,
            at: join(call.pointer, 'operationId'),
          });
        } else if (!connector.operation(id)) {
          const near = connector.operations.find((op) => op.id?.toLowerCase() === id.toLowerCase());
          ctx.report({
            message: `The 'operationId' \`${id}\` of \`${name}\` could not be found in this swagger document.`,
            at: join(call.pointer, 'operationId'),
            fix: near?.id ? `Operation ids are case-sensitive: did you mean \`${near.id}\`?` : undefined,
          });
        }
      }
    },
  },
});
