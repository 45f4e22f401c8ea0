import { ownObject, ownString } from '../../connector/json.ts';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { derefSchemaObject } from './schema-deref.ts';

const CONTAINERS: ReadonlySet<string> = new Set(['object', 'array']);

const usersByConnector = new WeakMap<Connector, Map<string, Operation[]>>();

/** Operations that use the parameter object at `pointer` (a shared parameter may have several). */
export function operationsUsing(connector: Connector, pointer: string): readonly Operation[] {
  let users = usersByConnector.get(connector);
  if (!users) {
    users = new Map();
    for (const op of connector.operations) {
      for (const p of op.parameters) {
        const list = users.get(p.pointer);
        if (list) list.push(op);
        else users.set(p.pointer, [op]);
      }
    }
    usersByConnector.set(connector, users);
  }
  return users.get(pointer) ?? [];
}

/**
 * Whether the designer shows the parameter itself as an input field. Not when it is internal, when
 * every operation using it is internal (webhook deletes, dynamic-value sources), nor for a `body`
 * whose schema is an object or an array: the designer shows the properties (of the items) instead,
 * so only a body of a primitive type (a file's bytes, a text) is one field of its own.
 */
export function isDisplayedParameter(p: Parameter, connector: Connector): boolean {
  // Several rules ask in turn about the parameter the engine is visiting: remember the last answer.
  // Kept in three variables rather than a record: a record would be made for every parameter.
  if (p !== lastParameter || connector !== lastConnector) {
    lastDisplayed = displayed(p, connector);
    lastParameter = p;
    lastConnector = connector;
  }
  return lastDisplayed;
}

let lastParameter: Parameter | undefined;
let lastConnector: Connector | undefined;
let lastDisplayed = false;

const internalByConnector = new WeakMap<Connector, boolean>();

/** Most connectors have no internal operation: their parameters' users need no index. */
function hasInternalOperation(connector: Connector): boolean {
  let internal = internalByConnector.get(connector);
  if (internal === undefined) {
    internal = connector.operations.some((op) => op.visibility === 'internal');
    internalByConnector.set(connector, internal);
  }
  return internal;
}

function displayed(p: Parameter, connector: Connector): boolean {
  if (p.visibility === 'internal') return false;
  if (hasInternalOperation(connector)) {
    const users = operationsUsing(connector, p.pointer);
    if (users.length > 0 && users.every((op) => op.visibility === 'internal')) return false;
  }
  if (p.in !== 'body') return true;
  const value = derefSchemaObject(connector, p.schema);
  const type = ownString(value, 'type');
  return type !== undefined && !CONTAINERS.has(type) && ownObject(value, 'properties') === undefined;
}
