import type { Connector } from '../connector/model.ts';
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
        `\`${o.id}\` (${o.method.toUpperCase()} ${o.path}) is not in the new version.`,
        { version: 'old', pointer: o.pointer },
      );
  }
  compareConnection(changes, before, after);
  return changes.result(classifyUpdate(before, after));
}
