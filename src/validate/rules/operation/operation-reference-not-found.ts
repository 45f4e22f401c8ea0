import { ownObject, ownString } from '../../../connector/json.ts';
import type { Connector } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule, type RuleContext } from '../../rule.ts';

function check(
  connector: Connector,
  ctx: RuleContext,
  id: string | undefined,
  where: string,
  pointer: string,
): void {
  if (id === undefined || connector.operation(id)) return;
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
      const pointer = '/x-ms-capabilities/testConnection/operationId';
      check(connector, ctx, ownString(test, 'operationId'), '`x-ms-capabilities.testConnection`', pointer);
    },
    operation(op, ctx) {
      const simulate = ownObject(ownObject(op.raw, 'x-ms-operation-context'), 'simulate');
      const pointer = join(op.pointer, 'x-ms-operation-context', 'simulate', 'operationId');
      check(
        ctx.connector,
        ctx,
        ownString(simulate, 'operationId'),
        `the \`x-ms-operation-context\` of \`${op.label}\``,
        pointer,
      );
    },
  },
});
