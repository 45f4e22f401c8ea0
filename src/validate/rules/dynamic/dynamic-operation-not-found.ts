import { ownObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { dynamicCalls, siteLabel } from '../../helpers/dynamic-calls.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'dynamic-operation-not-found',
  microsoftId: 'OperationIdNotFound',
  description:
    'The `operationId` of a dynamic extension (values, list, schema, properties, tree `open`/`browse`, the `file-picker` capability) must name an operation of this connector.',
  category: 'dynamic',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use the exact, case-sensitive `operationId` of the operation that returns the values, schema or tree items.',
  visit: {
    connector(connector, ctx) {
      // The connector-wide file picker that `capability: file-picker` uses calls operations too.
      const picker = ownObject(ownObject(connector.definition.raw, 'x-ms-capabilities'), 'file-picker');
      for (const part of ['open', 'browse'] as const) {
        const id = ownString(ownObject(picker, part), 'operationId');
        if (id === undefined || connector.operation(id)) continue;
        ctx.report({
          message: `The 'operationId' \`${id}\` of \`x-ms-capabilities.file-picker.${part}\` could not be found in this swagger document.`,
          at: join('/x-ms-capabilities', 'file-picker', part, 'operationId'),
        });
      }
      for (const call of dynamicCalls(connector)) {
        const name = call.part ? `${call.extension}.${call.part}` : call.extension;
        const id = call.operationId;
        if (id === undefined) {
          // `x-ms-dynamic-values` may name a built-in operation or capability instead (see
          // dynamic-values-operation-required).
          if (call.extension === 'x-ms-dynamic-values') continue;
          ctx.report({
            message: `The \`${name}\` extension of ${siteLabel(call.site)} has no \`operationId\`.`,
            at: call.pointer,
          });
        } else if (typeof id !== 'string') {
          ctx.report({
            message: `The \`operationId\` of \`${name}\` of ${siteLabel(call.site)} must be a string.`,
            at: join(call.pointer, 'operationId'),
          });
        } else if (!connector.operation(id)) {
          const near = connector.operations.find((op) => op.id?.toLowerCase() === id.toLowerCase());
          ctx.report({
            message: `The 'operationId' \`${id}\` of \`${name}\` (${siteLabel(call.site)}) could not be found in this swagger document.`,
            at: join(call.pointer, 'operationId'),
            fix: near?.id ? `Operation ids are case-sensitive: did you mean \`${near.id}\`?` : undefined,
          });
        }
      }
    },
  },
});
