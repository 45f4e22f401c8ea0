import type { Connector } from '../../connector/model.ts';
import { connectionParametersOf, parameterType } from '../connection/parameters.ts';
import type { Connection } from '../types.ts';

const VISIBLE_TYPES: ReadonlySet<string> = new Set(['string', 'int', 'bool']);

/**
 * The connection values a script may read: those of declared `string`, `int` and `bool` parameters.
 * Secrets (`securestring`, `secureobject`, OAuth and gateway settings) and undeclared names are left
 * out; a script sees credentials only as the auth headers already on `context.request`, as in the
 * Power Platform.
 */
export function scriptConnectionParameters(
  connector: Connector,
  connection: Connection,
): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const parameter of connectionParametersOf(connector, connection.parameterSet)) {
    if (!VISIBLE_TYPES.has(parameterType(parameter))) continue;
    const value = Object.hasOwn(connection.values, parameter.name)
      ? connection.values[parameter.name]
      : undefined;
    if (value !== undefined) out[parameter.name] = value;
  }
  return out;
}
