import type { Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { closest } from '../closest.ts';
import type { Connection } from '../types.ts';
import {
  activeParameters,
  type ConnectionParameterInfo,
  describeConnectionParameter,
  isSettingParameter,
} from './parameters.ts';

const hasOwn = Object.prototype.hasOwnProperty;

/** `API Key` (`api_key`), or just `api_key` when it has no display name of its own. */
export function parameterLabel(info: ConnectionParameterInfo): string {
  return info.displayName === info.name ? `\`${info.name}\`` : `\`${info.displayName}\` (\`${info.name}\`)`;
}

function unknownName(name: string, known: readonly string[], set: string | undefined): FlowportError {
  const where = set === undefined ? 'the connector' : `parameter set \`${set}\``;
  const guess = closest(name, known);
  const fix =
    guess !== undefined
      ? `did you mean \`${guess}\`?`
      : known.length > 0
        ? `use one of ${known.map((n) => `\`${n}\``).join(', ')}.`
        : 'it takes no connection parameters.';
  return invalid(`Connection parameter \`${name}\` does not exist in ${where}; ${fix}`);
}

function invalid(message: string): FlowportError {
  return new FlowportError('CONNECTION_INVALID', message);
}

/** A local runtime has no on-premises gateway, so it connects in `cloud` mode (spec §6.2). */
function shownInCloud(info: ConnectionParameterInfo): boolean {
  return info.capability.length === 0 || info.capability.some((c) => c.toLowerCase() === 'cloud');
}

function dependenciesMet(info: ConnectionParameterInfo, values: Readonly<Record<string, string>>): boolean {
  return Object.entries(info.dependencies).every(
    ([other, allowed]) => hasOwn.call(values, other) && allowed.includes(values[other]!),
  );
}

function normalise(info: ConnectionParameterInfo, value: string): string {
  const shown = info.secret ? 'the given value' : `\`${value}\``;
  if (info.type === 'int') {
    if (!/^[+-]?\d+$/.test(value.trim()))
      throw invalid(`Connection parameter ${parameterLabel(info)} must be an integer; ${shown} is not.`);
    return value.trim();
  }
  if (info.type === 'bool') {
    const lower = value.trim().toLowerCase();
    if (lower !== 'true' && lower !== 'false')
      throw invalid(
        `Connection parameter ${parameterLabel(info)} must be \`true\` or \`false\`; ${shown} is not.`,
      );
    return lower;
  }
  return value;
}

/**
 * Checks a connection against the connector's active connection parameters and returns it normalised:
 * the chosen `parameterSet` filled in, `defaultValue`s applied, `int` values trimmed and `bool` values
 * lower-cased (kept as strings). Throws `CONNECTION_INVALID` for an unknown parameter name, a missing
 * required value, a value outside `allowedValues` or a malformed `int`/`bool`; messages never echo a
 * `securestring` value.
 *
 * @example
 * const connection = checkConnection(connector, { values: { api_key: process.env.KEY ?? '' } });
 */
export function checkConnection(connector: Connector, connection: Connection): Connection {
  const { set, parameters } = activeParameters(connector, connection.parameterSet);
  const infos = parameters.map(describeConnectionParameter);
  const known = new Set(infos.map((i) => i.name));
  for (const name of Object.keys(connection.values))
    if (!known.has(name)) throw unknownName(name, [...known], set);
  const values: Record<string, string> = {};
  const put = (name: string, value: string) =>
    Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
  for (const info of infos) {
    const given = hasOwn.call(connection.values, info.name) ? connection.values[info.name] : undefined;
    const value = given === undefined || given === '' ? (info.defaultValue ?? given) : given;
    if (value !== undefined) put(info.name, value);
  }
  for (const [i, info] of infos.entries()) {
    if (isSettingParameter(parameters[i]!)) continue;
    const value = hasOwn.call(values, info.name) ? values[info.name] : undefined;
    const visible = !info.hidden && shownInCloud(info) && dependenciesMet(info, values);
    if (value === undefined || value === '') {
      if (info.required && visible)
        throw invalid(
          `Connection parameter ${parameterLabel(info)} is required; give it a value${info.allowedValues.length ? ` (one of ${info.allowedValues.map((v) => `\`${v.value}\``).join(', ')})` : ''}.`,
        );
      continue;
    }
    if (info.allowedValues.length > 0 && !info.allowedValues.some((v) => v.value === value)) {
      const shown = info.secret ? 'the given value' : `\`${value}\``;
      throw invalid(
        `Connection parameter ${parameterLabel(info)} must be one of ${info.allowedValues.map((v) => `\`${v.value}\``).join(', ')}; ${shown} is not.`,
      );
    }
    put(info.name, normalise(info, value));
  }
  return { ...connection, ...(set !== undefined && { parameterSet: set }), values };
}
