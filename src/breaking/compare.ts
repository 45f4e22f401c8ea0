import type { Connector } from '../connector/model.ts';
import { type BreakingResult, Changes } from './change.ts';
import { compareOperation } from './operations.ts';

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
  return changes.result();
}

/** What every connection depends on: the authentication type, the host and the base path. */
function compareConnection(changes: Changes, before: Connector, after: Connector): void {
  const types = (c: Connector) =>
    [...new Set(c.definition.securityDefinitions.map((d) => d.type ?? '?'))].sort().join(', ') || 'none';
  const oldAuth = types(before);
  const newAuth = types(after);
  if (oldAuth !== newAuth)
    changes.add(
      'security-type-changed',
      'securityDefinitions',
      `The authentication changed from ${oldAuth} to ${newAuth}.`,
      { version: 'new', pointer: after.definition.securityDefinitions[0]?.pointer ?? '/securityDefinitions' },
    );
  const address = (c: Connector) => `${c.definition.host ?? ''}${c.definition.basePath ?? ''}`;
  if (address(before) !== address(after))
    changes.add(
      'host-changed',
      'host',
      `The address changed from \`${address(before) || 'none'}\` to \`${address(after) || 'none'}\`.`,
      { version: 'new', pointer: after.definition.host === undefined ? '' : '/host' },
    );
}
