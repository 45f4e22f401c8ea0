import { entries, isObject, type JsonValue, ownArray, ownObject } from '../../connector/json.ts';
import type { Connector, SecurityDefinition } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';

/** One `name: [scopes]` entry of a `security` requirement list (root or operation level). */
export interface SecurityRequirementEntry {
  /** The security definition it names. */
  readonly name: string;
  /** The value as written: normally an array of scope names. */
  readonly value: JsonValue;
  readonly pointer: string;
  /** The definition it names, when `securityDefinitions` has one. */
  readonly definition: SecurityDefinition | undefined;
  /** Where the list is: `/security` or `/paths/~1x/get/security`. */
  readonly listPointer: string;
}

const cache = new WeakMap<Connector, SecurityRequirementEntry[]>();

/** Every entry of the root `security` list and of each operation's `security` list. */
export function securityRequirements(connector: Connector): readonly SecurityRequirementEntry[] {
  const cached = cache.get(connector);
  if (cached) return cached;
  const byName = new Map(connector.definition.securityDefinitions.map((d) => [d.name, d]));
  const out: SecurityRequirementEntry[] = [];
  const read = (owner: unknown, listPointer: string) => {
    (ownArray(owner, 'security') ?? []).forEach((requirement, i) => {
      if (!isObject(requirement)) return;
      for (const [name, value] of entries(requirement)) {
        out.push({
          name,
          value,
          pointer: join(listPointer, i, name),
          definition: byName.get(name),
          listPointer,
        });
      }
    });
  };
  read(connector.definition.raw, '/security');
  for (const op of connector.operations) read(op.raw, join(op.pointer, 'security'));
  cache.set(connector, out);
  return out;
}

/** Scope names a security definition declares in its `scopes` map. */
export function declaredScopes(definition: SecurityDefinition): Set<string> {
  return new Set(Object.keys(ownObject(definition.raw, 'scopes') ?? {}));
}
