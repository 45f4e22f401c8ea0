import type { Connector, Operation, Parameter } from '../../connector/model.ts';

const operationsByPointer = new WeakMap<Connector, Map<string, Operation>>();

function operationAt(connector: Connector, pointer: string): Operation | undefined {
  let index = operationsByPointer.get(connector);
  if (!index) {
    index = new Map(connector.operations.map((op) => [op.pointer, op]));
    operationsByPointer.set(connector, index);
  }
  return index.get(pointer);
}

const PARAMETER_USE = /^(\/paths\/[^/]+(?:\/(?:get|put|post|delete|options|head|patch))?)\/parameters\/\d+$/;

/**
 * How findings name a parameter, to open a message: `` Parameter `id` of operation `GetTask` ``,
 * `` Parameter `id` of path `/tasks/{id}` `` or `` Shared parameter `id` (`#/parameters/TaskId`) ``.
 * With `capital` false the label starts lower-case, for use inside a sentence.
 */
export function parameterLabel(p: Parameter, connector: Connector, capital = true): string {
  const label = describe(p, connector);
  return capital ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function describe(p: Parameter, connector: Connector): string {
  const name = p.name === '' ? '(unnamed)' : p.name;
  if (p.level === 'shared' || p.ref !== undefined) {
    const ref = p.pointer.startsWith('/parameters/') ? `#${p.pointer}` : (p.ref ?? `#${p.pointer}`);
    return `Shared parameter \`${name}\` (\`${ref}\`)`;
  }
  const owner = PARAMETER_USE.exec(p.usedAt)?.[1];
  const op = owner ? operationAt(connector, owner) : undefined;
  if (op) return `Parameter \`${name}\` of operation \`${op.label}\``;
  const path = connector.definition.paths.find((item) => item.pointer === owner);
  if (path) return `Parameter \`${name}\` of path \`${path.path}\``;
  return `Parameter \`${name}\``;
}
