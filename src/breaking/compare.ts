import type { Connector, Operation } from '../connector/model.ts';
import { type BreakingResult, Changes } from './change.ts';
import { compareConnection } from './connection.ts';
import { compareOperation } from './operations.ts';
import { classifyUpdate } from './update-kind.ts';

/**
 * The changes from one version of a connector to the next that would break existing flows or
 * connections, as Microsoft's Breaking Change Detector reports them in the pull-request pipeline:
 * operations matched by `operationId`, parameters by name, fields by property name.
 *
 * @example
 * const { changes } = compareConnectors(loadConnectorSync('old/my-connector'), loadConnectorSync('my-connector'));
 */
export function compareConnectors(before: Connector, after: Connector): BreakingResult {
  const changes = new Changes(before, after);
  for (const o of before.operations) {
    if (o.id === undefined) continue;
    const n = after.operation(o.id);
    if (n) compareOperation(changes, o, n, o.id);
    else
      changes.add(
        'operation-deleted',
        `operation/${o.id}`,
        `\`${o.id}\` (${o.method.toUpperCase()} ${o.path}) is not in the new version.${renamedTo(o, before, after)}`,
        { version: 'old', pointer: o.pointer },
      );
  }
  compareConnection(changes, before, after);
  return changes.result(classifyUpdate(before, after));
}

/**
 * A hint for an operation that looks renamed rather than removed: a new operation (an `operationId`
 * the old version lacks) with the same method and path. Still a deletion for flows, which hold the id.
 */
function renamedTo(o: Operation, before: Connector, after: Connector): string {
  const twin = after.operations.find(
    (n) => n.method === o.method && n.path === o.path && n.id !== undefined && !before.operation(n.id),
  );
  return twin
    ? ` It looks renamed to \`${twin.id}\` (the same ${o.method.toUpperCase()} ${o.path}): flows hold the old id, so keep it as the \`operationId\`.`
    : '';
}
