import { strings } from './definition.ts';
import {
  caselessKey,
  entries,
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
  ownCaseless,
  ownObject,
  ownString,
  setOwn,
} from './json.ts';
import type {
  ApiProperties,
  ConnectionParameter,
  OAuthSettings,
  ParameterSet,
  PolicyInstance,
} from './model.ts';
import { join } from './pointer.ts';

const TEMPLATE_PARAMETER = 'x-ms-apimtemplateparameter.';

function readConnectionParameters(
  params: JsonObject | undefined,
  pointer: string,
  set: string | undefined,
): ConnectionParameter[] {
  return entries(params)
    .filter((e): e is [string, JsonObject] => isObject(e[1]))
    .map(([name, raw]) => ({ name, type: ownString(raw, 'type'), raw, pointer: join(pointer, name), set }));
}

function readOAuth(param: ConnectionParameter): OAuthSettings | undefined {
  // Real connectors write both `oAuthSettings` and `oauthSettings`.
  const raw = ownCaseless(param.raw, 'oAuthSettings');
  if (!isObject(raw)) return undefined;
  const key = caselessKey(param.raw, 'oAuthSettings') ?? 'oAuthSettings';
  return {
    identityProvider: ownString(raw, 'identityProvider'),
    clientId: ownString(raw, 'clientId'),
    scopes: strings(own(raw, 'scopes')),
    redirectUrl: ownString(raw, 'redirectUrl'),
    redirectMode: ownString(raw, 'redirectMode'),
    customParameters: ownObject(raw, 'customParameters'),
    properties: ownObject(raw, 'properties'),
    raw,
    pointer: join(param.pointer, key),
  };
}

function readPolicy(raw: JsonValue, pointer: string): PolicyInstance | undefined {
  if (!isObject(raw)) return undefined;
  const rawTemplateId = ownString(raw, 'templateId');
  const parameters: JsonObject = {};
  let operations: string[] = [];
  for (const [key, value] of entries(ownObject(raw, 'parameters'))) {
    const lower = key.toLowerCase();
    if (lower.startsWith(TEMPLATE_PARAMETER)) setOwn(parameters, key.slice(TEMPLATE_PARAMETER.length), value);
    else if (lower === 'x-ms-apimtemplate-operationname') operations = strings(value);
    else setOwn(parameters, key, value);
  }
  return {
    templateId: (rawTemplateId ?? '').toLowerCase(),
    rawTemplateId,
    title: ownString(raw, 'title'),
    parameters,
    operations,
    raw,
    pointer,
  };
}

/** Typed view of `apiProperties.json` as real connectors write it; never throws. */
export function readApiProperties(value: JsonValue | undefined): ApiProperties {
  const raw = isObject(value) ? value : undefined;
  const properties = ownObject(raw, 'properties');
  const base = '/properties';
  const connectionParameters = readConnectionParameters(
    ownObject(properties, 'connectionParameters'),
    join(base, 'connectionParameters'),
    undefined,
  );
  const parameterSets: ParameterSet[] = [];
  const sets = ownObject(properties, 'connectionParameterSets');
  (ownArray(sets, 'values') ?? []).forEach((set, i) => {
    if (!isObject(set)) return;
    const pointer = join(base, 'connectionParameterSets', 'values', i);
    const name = ownString(set, 'name') ?? '';
    parameterSets.push({
      name,
      displayName: ownString(ownObject(set, 'uiDefinition'), 'displayName'),
      parameters: readConnectionParameters(ownObject(set, 'parameters'), join(pointer, 'parameters'), name),
      pointer,
    });
  });
  const allParams = [...connectionParameters, ...parameterSets.flatMap((s) => s.parameters)];
  const policies: PolicyInstance[] = [];
  (ownArray(properties, 'policyTemplateInstances') ?? []).forEach((p, i) => {
    const policy = readPolicy(p, join(base, 'policyTemplateInstances', i));
    if (policy) policies.push(policy);
  });
  // A few certified connectors list them as `script.operationIds`, an older form.
  const scriptOperations =
    own(properties, 'scriptOperations') ?? own(ownObject(properties, 'script'), 'operationIds');
  const capabilities = own(properties, 'capabilities');
  return {
    raw,
    properties,
    iconBrandColor: ownString(properties, 'iconBrandColor'),
    publisher: ownString(properties, 'publisher'),
    stackOwner: ownString(properties, 'stackOwner'),
    capabilities: strings(capabilities),
    connectionParameters,
    parameterSets,
    oauthSettings: allParams.map(readOAuth).filter((o): o is OAuthSettings => o !== undefined),
    policies,
    scriptOperations: Array.isArray(scriptOperations) ? strings(scriptOperations) : undefined,
  };
}
