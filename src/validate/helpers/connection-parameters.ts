import type { ConnectionParameter, Connector } from '../../connector/model.ts';

/** Every connection parameter: top-level `connectionParameters` and those of each parameter set. */
export function allConnectionParameters(connector: Connector): ConnectionParameter[] {
  const { connectionParameters, parameterSets } = connector.properties;
  return [...connectionParameters, ...parameterSets.flatMap((s) => s.parameters)];
}

/** True for `oauthSetting` parameters (the `oAuthSetting` misspelling included; another rule flags it). */
export function isOAuthParameter(p: ConnectionParameter): boolean {
  return p.type?.toLowerCase() === 'oauthsetting';
}

/** Whether the connector came with an `apiProperties.json` that parsed to an object. */
export function hasApiProperties(connector: Connector): boolean {
  return connector.properties.raw !== undefined;
}
