import { ownObject, ownString } from '../../../connector/json.ts';
import type { Connector } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule, type RuleContext } from '../../rule.ts';

/** Whether `id` is given and names no operation of the connector. */
function missing(connector: Connector, id: string | undefined): id is string {
  return id !== undefined && !connector.operation(id);
}

function report(ctx: RuleContext, id: string, where: string, pointer: string): void {
  ctx.report({
    message: `The operationId \`${id}\` referenced by ${where} could not be found in this swagger document.`,
    at: pointer,
  });
}

export default defineRule({
  id: 'operation-reference-not-found',
  microsoftId: 'OperationIdNotFound',
  description:
    '`x-ms-capabilities.testConnection` and `x-ms-operation-context.simulate` must name an existing `operationId`.',
  category: 'operation',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use the exact `operationId` (case-sensitive) of an operation in this document.',
  visit: {
    connector(connector, ctx) {
      const test = ownObject(ownObject(connector.definition.raw, 'x-ms-capabilities'), 'testConnection');
      const id = ownString(test, 'operationId');
      if (!missing(connector, id)) return;
      report(ctx, id, '`x-ms-capabilities.testConnection`', '/x-ms-capabilities/testConnection/operationId');
    },
    operation(op, ctx) {
      const simulate = ownObject(ownObject(op.raw, 'x-ms-operation-context'), 'simulate');
      const id = ownString(simulate, 'operationId');
      if (!missing(ctx.connector, id)) return;
      report(
        ctx,
        id,
        `the \`x-ms-operation-context\` of \`${op.label}\``,
        join(op.pointer, 'x-ms-operation-context', 'simulate', 'operationId'),
      );
    },
  },
});
