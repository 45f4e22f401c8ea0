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

/** Marks a parameter no argument names (an argument may be `undefined` itself). */
export const NOT_GIVEN: unique symbol = Symbol('not given');

/** Per parameter, in the order of the list: the caller's value or {@link NOT_GIVEN}. */
export type MatchedArguments = Array<ArgumentValue | undefined | typeof NOT_GIVEN>;

/**
 * Assigns each argument to the parameter it names. A key is a parameter name, or `in:name`
 * (`query:id`) to pick one of two parameters that share a name in different locations. Unknown keys,
 * ambiguous names and a parameter given twice are `PARAMETER_INVALID`, with the valid names listed.
 */
export function matchArguments(
  operation: Operation,
  parameters: readonly Parameter[],
  args: Arguments,
): MatchedArguments {
  const matched: MatchedArguments = [];
  for (let i = 0; i < parameters.length; i++) matched.push(NOT_GIVEN);
  const unknown: string[] = [];
  const names = byName(parameters);
  for (const key in args) {
    if (!Object.hasOwn(args, key)) continue;
    const at = indexOf(operation, parameters, names, key);
    if (at < 0) {
      unknown.push(key);
      continue;
    }
    if (matched[at] !== NOT_GIVEN) {
      let previous: string | undefined;
      for (const k in args) {
        if (k === key) break;
        if (Object.hasOwn(args, k) && indexOf(operation, parameters, names, k) === at) {
          previous = k;
          break;
        }
      }
      throw new FlowportError(
        'PARAMETER_INVALID',
        `Operation \`${operation.label}\` got parameter \`${parameters[at]?.name}\` twice (as \`${previous}\` and \`${key}\`); pass it once.`,
      );
    }
    matched[at] = args[key];
  }
  if (unknown.length > 0) throw unknownError(operation, parameters, unknown);
  return matched;
}

/** Where in `parameters` an argument key points: `name`, or `in:name`; -1 for none; throws when ambiguous. */
function indexOf(
  operation: Operation,
  parameters: readonly Parameter[],
  names: ReadonlyMap<string, readonly number[]>,
  key: string,
): number {
  const found = names.get(key);
  if (found !== undefined && found.length > 1)
    throw new FlowportError(
      'PARAMETER_INVALID',
      `Operation \`${operation.label}\` has several parameters named \`${key}\`; pass ${found.map((i) => `\`${parameters[i]?.in}:${parameters[i]?.name}\``).join(' or ')} instead.`,
    );
  if (found !== undefined) return found[0] ?? -1;
  const colon = key.indexOf(':');
  const location = colon > 0 ? key.slice(0, colon).toLowerCase() : '';
  if (!LOCATIONS.includes(location)) return -1;
  return parameters.findIndex((p) => p.in.toLowerCase() === location && p.name === key.slice(colon + 1));
}

const indexes = new WeakMap<readonly Parameter[], Map<string, number[]>>();

/** Indexes of parameters by name, built once per parameter list. */
function byName(parameters: readonly Parameter[]): Map<string, number[]> {
  let index = indexes.get(parameters);
  if (!index) {
    index = new Map();
    for (let i = 0; i < parameters.length; i++) {
      const name = (parameters[i] as Parameter).name;
      const list = index.get(name);
      if (list) list.push(i);
      else index.set(name, [i]);
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
