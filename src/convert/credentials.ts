import { isObject, type JsonObject, ownString } from '../connector/json.ts';

/** Marks an operation with the extra credentials it sends (connection parameter names); removed once the policies exist. */
export const CREDENTIALS_MARK = 'x-flowport-credentials';

/**
 * A second credential a connection carries besides its security definition: a connection parameter
 * and a policy that sends it, as certified connectors send a second API key.
 */
export interface Credential {
  /** The scheme's name in the input. */
  readonly scheme: string;
  /** The connection parameter holding the value. */
  readonly parameter: string;
  readonly connectionParameter: JsonObject;
  /** The policy without its operation list. */
  readonly policy: JsonObject;
  /** The header the policy sets (lower case), when it sets one. */
  readonly header: string | undefined;
}

function secureParameter(displayName: string, description: string): JsonObject {
  return {
    type: 'securestring',
    uiDefinition: {
      displayName,
      description,
      constraints: { tabIndex: 3, clearText: false, required: 'true' },
    },
  };
}

function parameterName(keyName: string, taken: ReadonlySet<string>): string {
  const base =
    keyName
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase() || 'key';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

function setHeader(title: string, header: string, value: string, append = false): JsonObject {
  return {
    templateId: 'setheader',
    title,
    parameters: {
      'x-ms-apimTemplateParameter.name': header,
      'x-ms-apimTemplateParameter.value': value,
      'x-ms-apimTemplateParameter.existsAction': append ? 'append' : 'override',
      'x-ms-apimTemplate-policySection': 'Request',
    },
  };
}

/**
 * The scheme as an extra credential: an API key in a header, the query or a cookie, or a bearer token
 * (HTTP bearer, OAuth 2, OpenID Connect: the user enters an access token). Undefined for schemes a
 * policy cannot send (basic needs Base64, which policy expressions cannot compute).
 */
export function extraCredential(
  scheme: string,
  definition: JsonObject,
  taken: ReadonlySet<string>,
): Credential | undefined {
  const type = ownString(definition, 'type');
  if (type === 'apiKey') {
    const keyName = ownString(definition, 'name');
    const where = ownString(definition, 'in');
    if (!keyName || (where !== 'header' && where !== 'query' && where !== 'cookie')) return undefined;
    const parameter = parameterName(keyName, taken);
    const value = `@connectionParameters('${parameter}')`;
    const description = `The API key sent in the \`${keyName}\` ${where === 'query' ? 'query parameter' : where}.`;
    const title = `Send ${keyName} from the connection`;
    return {
      scheme,
      parameter,
      connectionParameter: secureParameter(keyName, description),
      policy:
        where === 'query'
          ? {
              templateId: 'setqueryparameter',
              title,
              parameters: {
                'x-ms-apimTemplateParameter.name': keyName,
                'x-ms-apimTemplateParameter.value': value,
                'x-ms-apimTemplateParameter.existsAction': 'override',
              },
            }
          : where === 'cookie'
            ? setHeader(title, 'Cookie', `${keyName}=${value}`, true)
            : setHeader(title, keyName, value),
      header: where === 'query' ? undefined : where === 'cookie' ? 'cookie' : keyName.toLowerCase(),
    };
  }
  if (credentialKey(definition) === 'bearer') {
    const parameter = parameterName('access_token', taken);
    return {
      scheme,
      parameter,
      connectionParameter: secureParameter(
        'Access token',
        'The access token some operations need, sent as `Authorization: Bearer <token>`.',
      ),
      policy: setHeader(
        'Send the access token',
        'Authorization',
        `Bearer @connectionParameters('${parameter}')`,
      ),
      header: 'authorization',
    };
  }
  return undefined;
}

/**
 * What a scheme sends, so schemes that send the same thing share one credential: `bearer` for any
 * access token in `Authorization` (HTTP bearer, OAuth 2, OpenID Connect), `in:name` for an API key.
 */
export function credentialKey(definition: JsonObject): string | undefined {
  const type = ownString(definition, 'type');
  if (type === 'apiKey')
    return `${ownString(definition, 'in')}:${ownString(definition, 'name')?.toLowerCase()}`;
  if (type === 'http' && (ownString(definition, 'scheme') ?? '').toLowerCase() === 'bearer') return 'bearer';
  if (type === 'oauth2' || type === 'openIdConnect') return 'bearer';
  return undefined;
}

/**
 * One policy per extra credential, for the operations marked with {@link CREDENTIALS_MARK} (all
 * operations when every operation sends it); removes the marks.
 */
export function credentialPolicies(paths: JsonObject, credentials: readonly Credential[]): JsonObject[] {
  if (credentials.length === 0) return [];
  const users = new Map<string, string[]>();
  let operations = 0;
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || typeof op.operationId !== 'string' || op['x-flowport-skeleton'] === true) continue;
      operations++;
      const marked = op[CREDENTIALS_MARK];
      delete op[CREDENTIALS_MARK];
      if (!Array.isArray(marked)) continue;
      for (const p of marked)
        if (typeof p === 'string') users.set(p, [...(users.get(p) ?? []), op.operationId]);
    }
  }
  return credentials.flatMap((c) => {
    const ids = users.get(c.parameter) ?? [];
    if (ids.length === 0) return [];
    if (ids.length === operations) return [c.policy];
    // Only some operations send it: the connection can be made without it.
    const ui = isObject(c.connectionParameter.uiDefinition) ? c.connectionParameter.uiDefinition : {};
    if (isObject(ui.constraints)) ui.constraints.required = 'false';
    ui.description = `${String(ui.description ?? '')} Needed by ${ids.length === 1 ? 'one operation' : `${ids.length} operations`}.`;
    const parameters = isObject(c.policy.parameters) ? c.policy.parameters : {};
    return [{ ...c.policy, parameters: { ...parameters, 'x-ms-apimTemplate-operationName': ids } }];
  });
}
