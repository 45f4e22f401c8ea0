import type { Connector, Operation, Parameter, PathItem } from '../../connector/model.ts';

interface Owners {
  readonly operations: ReadonlyMap<string, Operation>;
  readonly paths: ReadonlyMap<string, PathItem>;
}

const ownersByConnector = new WeakMap<Connector, Owners>();

/** Operations and path items by pointer, once per connector. */
function ownersOf(connector: Connector): Owners {
  let owners = ownersByConnector.get(connector);
  if (!owners) {
    const paths = new Map<string, PathItem>();
    // The first path item with a pointer wins, as a search in document order would find it.
    for (const item of connector.definition.paths)
      if (!paths.has(item.pointer)) paths.set(item.pointer, item);
    const operations = new Map<string, Operation>();
    for (const op of connector.operations) operations.set(op.pointer, op);
    owners = { operations, paths };
    ownersByConnector.set(connector, owners);
  }
  return owners;
}

const PARAMETER_USE = /^(\/paths\/[^/]+(?:\/(?:get|put|post|delete|options|head|patch))?)\/parameters\/\d+$/;

/**
 * How findings name a parameter, to open a message: `` Parameter `id` of operation `GetTask` ``,
 * `` Parameter `id` of path `/tasks/{id}` `` or `` Shared parameter `id` (`#/parameters/TaskId`) ``.
 * With `capital` false the label starts lower-case, for use inside a sentence.
 */
export function parameterLabel(p: Parameter, connector: Connector, capital = true): string {
  // Rules report in turn on the parameter the engine is visiting: remember the last label.
  if (p !== last.parameter || connector !== last.connector) {
    last = { parameter: p, connector, label: describe(p, connector), lower: undefined };
  }
  if (capital) return last.label;
  last.lower ??= last.label.charAt(0).toLowerCase() + last.label.slice(1);
  return last.lower;
}

let last: { parameter?: Parameter; connector?: Connector; label: string; lower: string | undefined } = {
  label: '',
  lower: undefined,
};

function describe(p: Parameter, connector: Connector): string {
  const name = p.name === '' ? '(unnamed)' : p.name;
  if (p.level === 'shared' || p.ref !== undefined) {
    const ref = p.pointer.startsWith('/parameters/') ? `#${p.pointer}` : (p.ref ?? `#${p.pointer}`);
    return `Shared parameter \`${name}\` (\`${ref}\`)`;
  }
  const owner = PARAMETER_USE.exec(p.usedAt)?.[1];
  const owners = ownersOf(connector);
  const op = owner ? owners.operations.get(owner) : undefined;
  if (op) return `Parameter \`${name}\` of operation \`${op.label}\``;
  const path = owner === undefined ? undefined : owners.paths.get(owner);
  if (path) return `Parameter \`${name}\` of path \`${path.path}\``;
  return `Parameter \`${name}\``;
}
