import { entries, own, ownArray, ownBoolean, ownObject, ownString } from '../../connector/json.ts';
import type { ConnectionParameter, Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';

/** One entry of a parameter's `allowedValues` (top level or under `constraints`). */
export interface AllowedValue {
  readonly value: string;
  /** `text` or `uiDefinition.displayName` of the value, when given. */
  readonly text: string | undefined;
}

/** What a user needs to know to fill a connection parameter in (`flowport operations` prints it). */
export interface ConnectionParameterInfo {
  readonly name: string;
  /** The `connectionParameterSets` value the parameter belongs to; undefined for top-level ones. */
  readonly set: string | undefined;
  /** Declared type, lower-cased (`string`, `securestring`, `int`, `bool`, `oauthsetting`, `gatewaysetting`). */
  readonly type: string;
  readonly displayName: string;
  readonly description: string | undefined;
  readonly required: boolean;
  /** `securestring`: the value is never shown or echoed. */
  readonly secret: boolean;
  readonly allowedValues: readonly AllowedValue[];
  readonly defaultValue: string | undefined;
  readonly hidden: boolean;
  /** `constraints.dependencies`: shown only when each named parameter has one of the values. */
  readonly dependencies: Readonly<Record<string, readonly string[]>>;
  /** `constraints.capability` (`cloud`, `gateway`); empty means every mode. */
  readonly capability: readonly string[];
}

/**
 * The connection parameters a connection fills in: `connectionParameters`, or for multi-auth
 * connectors the parameters of the chosen `connectionParameterSets` value (which replace them).
 * Without a chosen set, a connector with exactly one set uses it.
 * Throws `CONNECTION_INVALID` for an unknown set name or when a set must be chosen.
 */
export function connectionParametersOf(
  connector: Connector,
  parameterSet?: string,
): readonly ConnectionParameter[] {
  return activeParameters(connector, parameterSet).parameters;
}

/** The chosen set's name (undefined for connectors without sets) and its parameters. */
export function activeParameters(
  connector: Connector,
  parameterSet?: string,
): { readonly set: string | undefined; readonly parameters: readonly ConnectionParameter[] } {
  const { parameterSets, connectionParameters } = connector.properties;
  if (parameterSets.length === 0) {
    if (parameterSet !== undefined)
      throw new FlowportError(
        'CONNECTION_INVALID',
        `The connector has no \`connectionParameterSets\`, so parameter set \`${parameterSet}\` does not exist; remove \`parameterSet\` from the connection.`,
      );
    return { set: undefined, parameters: connectionParameters };
  }
  const names = parameterSets.map((s) => `\`${s.name}\``).join(', ');
  if (parameterSet === undefined) {
    if (parameterSets.length === 1)
      return { set: parameterSets[0]!.name, parameters: parameterSets[0]!.parameters };
    throw new FlowportError(
      'CONNECTION_INVALID',
      `The connector has several authentication types; choose one with \`parameterSet\`: ${names}.`,
    );
  }
  const chosen = parameterSets.find((s) => s.name === parameterSet);
  if (!chosen)
    throw new FlowportError(
      'CONNECTION_INVALID',
      `Parameter set \`${parameterSet}\` does not exist; choose one of ${names}.`,
    );
  return { set: chosen.name, parameters: chosen.parameters };
}

/** Lower-cased declared type; `string` when the parameter has none. */
export function parameterType(p: ConnectionParameter): string {
  return (p.type ?? 'string').toLowerCase();
}

/** `oauthSetting` and `gatewaySetting` parameters carry no user value: a token or a gateway does. */
export function isSettingParameter(p: ConnectionParameter): boolean {
  const type = parameterType(p);
  return type === 'oauthsetting' || type === 'gatewaysetting';
}

function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function allowedValuesOf(p: ConnectionParameter): AllowedValue[] {
  const constraints = ownObject(ownObject(p.raw, 'uiDefinition'), 'constraints');
  const out: AllowedValue[] = [];
  for (const item of [
    ...(ownArray(p.raw, 'allowedValues') ?? []),
    ...(ownArray(constraints, 'allowedValues') ?? []),
  ]) {
    const value = scalarString(own(item, 'value'));
    if (value === undefined || out.some((v) => v.value === value)) continue;
    out.push({
      value,
      text: ownString(item, 'text') ?? ownString(ownObject(item, 'uiDefinition'), 'displayName'),
    });
  }
  return out;
}

function dependenciesOf(constraints: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, rule] of entries(ownObject(constraints, 'dependencies'))) {
    const values = (ownArray(rule, 'values') ?? []).map(scalarString).filter((v) => v !== undefined);
    Object.defineProperty(out, name, { value: values, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The display and validation facts of one connection parameter. */
export function describeConnectionParameter(p: ConnectionParameter): ConnectionParameterInfo {
  const ui = ownObject(p.raw, 'uiDefinition');
  const constraints = ownObject(ui, 'constraints');
  const capability = own(constraints, 'capability');
  return {
    name: p.name,
    set: p.set,
    type: parameterType(p),
    displayName: ownString(ui, 'displayName')?.trim() || p.name,
    description: ownString(ui, 'description'),
    required: ownBoolean(constraints, 'required') ?? false,
    secret: parameterType(p) === 'securestring',
    allowedValues: allowedValuesOf(p),
    defaultValue: scalarString(own(p.raw, 'defaultValue')),
    hidden: ownBoolean(constraints, 'hidden') ?? false,
    dependencies: dependenciesOf(constraints),
    capability: Array.isArray(capability)
      ? capability.filter((c) => typeof c === 'string')
      : typeof capability === 'string'
        ? [capability]
        : [],
  };
}

/**
 * Connection parameters described for display, in declaration order: those of `parameterSet` when
 * given, else every parameter a connection may need (for multi-auth connectors, each set's, with `set`).
 * @example describeConnectionParameters(connector).map((p) => `${p.name}${p.required ? ' (required)' : ''}`)
 */
export function describeConnectionParameters(
  connector: Connector,
  parameterSet?: string,
): ConnectionParameterInfo[] {
  const { parameterSets, connectionParameters } = connector.properties;
  const parameters =
    parameterSet !== undefined
      ? connectionParametersOf(connector, parameterSet)
      : parameterSets.length > 0
        ? parameterSets.flatMap((s) => s.parameters)
        : connectionParameters;
  return parameters.map(describeConnectionParameter);
}
