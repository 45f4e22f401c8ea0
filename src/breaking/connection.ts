import { ownBoolean, ownObject } from '../connector/json.ts';
import type { ConnectionParameter, Connector } from '../connector/model.ts';
import type { Changes } from './change.ts';

const isRequired = (p: ConnectionParameter) =>
  ownBoolean(ownObject(ownObject(p.raw, 'uiDefinition'), 'constraints'), 'required') === true;

/** Connection parameters by `set/name` (`/name` outside parameter sets). */
function parameters(c: Connector): Map<string, ConnectionParameter> {
  const all = [
    ...c.properties.connectionParameters,
    ...c.properties.parameterSets.flatMap((s) => s.parameters),
  ];
  return new Map(all.map((p) => [`${p.set ?? ''}/${p.name}`, p]));
}

const pathOf = (p: ConnectionParameter) =>
  p.set === undefined ? `connectionParameters/${p.name}` : `connectionParameterSets/${p.set}/${p.name}`;

/**
 * What every existing connection depends on: the swagger's authentication type, host and base path,
 * and `apiProperties.json`'s connection parameters and OAuth identity provider.
 */
export function compareConnection(changes: Changes, before: Connector, after: Connector): void {
  const types = (c: Connector) =>
    [...new Set(c.definition.securityDefinitions.map((d) => d.type ?? '?'))].sort().join(', ') || 'none';
  const oldAuth = types(before);
  const newAuth = types(after);
  if (oldAuth !== newAuth)
    changes.add(
      'security-type-changed',
      'securityDefinitions',
      `The authentication changed from ${oldAuth} to ${newAuth}.`,
      {
        version: 'new',
        pointer: after.definition.securityDefinitions[0]?.pointer ?? '/securityDefinitions',
      },
    );
  const address = (c: Connector) => `${c.definition.host ?? ''}${c.definition.basePath ?? ''}`;
  if (address(before) !== address(after))
    changes.add(
      'host-changed',
      'host',
      `The address changed from \`${address(before) || 'none'}\` to \`${address(after) || 'none'}\`.`,
      { version: 'new', pointer: after.definition.host === undefined ? '' : '/host' },
    );
  // Without `apiProperties.json` in a version (a lone swagger), its connection is not compared.
  if (!before.documents.apiProperties || !after.documents.apiProperties) return;
  const then = parameters(before);
  const now = parameters(after);
  for (const [key, o] of then) {
    const n = now.get(key);
    if (!n) {
      changes.add(
        'connection-parameter-deleted',
        pathOf(o),
        `Connection parameter \`${o.name}\` was removed.`,
        {
          version: 'old',
          pointer: o.pointer,
          document: 'apiProperties',
        },
      );
      continue;
    }
    if ((o.type ?? '') !== (n.type ?? ''))
      changes.add(
        'connection-parameter-type-changed',
        `${pathOf(n)}/type`,
        `Connection parameter \`${n.name}\` changed from \`${o.type ?? 'none'}\` to \`${n.type ?? 'none'}\`.`,
        { version: 'new', pointer: n.pointer, document: 'apiProperties' },
      );
    else if (!isRequired(o) && isRequired(n))
      changes.add(
        'connection-parameter-added',
        `${pathOf(n)}/required`,
        `Connection parameter \`${n.name}\` is now required.`,
        { version: 'new', pointer: n.pointer, document: 'apiProperties' },
      );
  }
  for (const [key, n] of now)
    if (!then.has(key) && isRequired(n))
      changes.add(
        'connection-parameter-added',
        pathOf(n),
        `Required connection parameter \`${n.name}\` was added.`,
        {
          version: 'new',
          pointer: n.pointer,
          document: 'apiProperties',
        },
      );
  const providers = (c: Connector) =>
    [...new Set(c.properties.oauthSettings.map((o) => o.identityProvider ?? '?'))].sort().join(', ');
  const oldProvider = providers(before);
  const newProvider = providers(after);
  if (oldProvider !== '' && newProvider !== '' && oldProvider !== newProvider)
    changes.add(
      'identity-provider-changed',
      'oAuthSettings/identityProvider',
      `The OAuth identity provider changed from ${oldProvider} to ${newProvider}.`,
      {
        version: 'new',
        pointer: after.properties.oauthSettings[0]?.pointer ?? '',
        document: 'apiProperties',
      },
    );
}
