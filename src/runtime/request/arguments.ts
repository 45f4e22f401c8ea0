import type { Operation, Parameter } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { closest } from '../closest.ts';
import type { Arguments, ArgumentValue } from '../types.ts';

const LOCATIONS = ['path', 'query', 'header', 'body', 'formdata'];

/** The key that names `parameter` in {@link Arguments}: its name, or `in:name` when the name is shared. */
export function argumentKey(parameter: Parameter, parameters: readonly Parameter[]): string {
  const shared = parameters.filter((p) => p.name === parameter.name).length > 1;
  return shared ? `${parameter.in}:${parameter.name}` : parameter.name;
}

/**
 * Assigns each argument to the parameter it names. A key is a parameter name, or `in:name`
 * (`query:id`) to pick one of two parameters that share a name in different locations. Unknown keys,
 * ambiguous names and a parameter given twice are `PARAMETER_INVALID`, with the valid names listed.
 */
export function matchArguments(
  operation: Operation,
  parameters: readonly Parameter[],
  args: Arguments,
): Map<Parameter, ArgumentValue> {
  const matched = new Map<Parameter, ArgumentValue>();
  const keys = new Map<Parameter, string>();
  const unknown: string[] = [];
  const names = byName(parameters);
  for (const key in args) {
    if (!Object.hasOwn(args, key)) continue;
    const value = args[key] as ArgumentValue;
    let found = names.get(key) ?? NONE;
    if (found.length > 1)
      throw new FlowportError(
        'PARAMETER_INVALID',
        `Operation \`${operation.label}\` has several parameters named \`${key}\`; pass ${found.map((p) => `\`${p.in}:${p.name}\``).join(' or ')} instead.`,
      );
    if (found.length === 0) {
      const colon = key.indexOf(':');
      const location = colon > 0 ? key.slice(0, colon).toLowerCase() : '';
      if (LOCATIONS.includes(location))
        found = parameters.filter((p) => p.in.toLowerCase() === location && p.name === key.slice(colon + 1));
    }
    const parameter = found[0];
    if (!parameter) {
      unknown.push(key);
      continue;
    }
    const previous = keys.get(parameter);
    if (previous !== undefined)
      throw new FlowportError(
        'PARAMETER_INVALID',
        `Operation \`${operation.label}\` got parameter \`${parameter.name}\` twice (as \`${previous}\` and \`${key}\`); pass it once.`,
      );
    keys.set(parameter, key);
    matched.set(parameter, value);
  }
  if (unknown.length > 0) throw unknownError(operation, parameters, unknown);
  return matched;
}

const NONE: readonly Parameter[] = [];
const indexes = new WeakMap<readonly Parameter[], Map<string, Parameter[]>>();

/** Parameters by name, built once per parameter list. */
function byName(parameters: readonly Parameter[]): Map<string, Parameter[]> {
  let index = indexes.get(parameters);
  if (!index) {
    index = new Map();
    for (const p of parameters) {
      const list = index.get(p.name);
      if (list) list.push(p);
      else index.set(p.name, [p]);
    }
    indexes.set(parameters, index);
  }
  return index;
}

function unknownError(
  operation: Operation,
  parameters: readonly Parameter[],
  unknown: string[],
): FlowportError {
  const valid = parameters.map((p) => argumentKey(p, parameters));
  const hints = unknown.map((key) => {
    const near = closest(key, valid);
    return near ? `\`${key}\` (did you mean \`${near}\`?)` : `\`${key}\``;
  });
  const list =
    valid.length > 0 ? `its parameters are ${valid.map((v) => `\`${v}\``).join(', ')}` : 'it has none';
  return new FlowportError(
    'PARAMETER_INVALID',
    `Operation \`${operation.label}\` has no parameter ${hints.join(', ')}; ${list}.`,
  );
}
