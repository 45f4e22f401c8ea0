import {
  caselessKey,
  isObject,
  type JsonObject,
  type JsonValue,
  ownObject,
  setOwn,
} from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';

export interface PayloadOptions {
  readonly environment: string;
  /** True for a new connector (POST): `displayName` is sent only then, as paconn does. */
  readonly create: boolean;
  /** The OAuth client secret, set on every `oauthSetting` parameter; required to create one. */
  readonly clientSecret?: string;
  /** Send `stackOwner` (the resource provider has refused it: certification spec §5.3); default false. */
  readonly keepStackOwner?: boolean;
}

export interface Payload {
  /** The body of the create or update call: `{ properties }`. */
  readonly body: JsonObject;
  /** Where each OAuth secret was set, for the report (never the value). */
  readonly secretsSet: readonly string[];
  /** `stackOwner` was left out. */
  readonly strippedStackOwner: boolean;
}

/**
 * The body paconn sends to create or update a custom connector (certification spec §5.3):
 * apiProperties' `properties` with the swagger as `openApiDefinition`, `backendService.serviceUrl`
 * from `<scheme>://<host><basePath>`, the environment, the description (and on create the display
 * name) from `info`, and the OAuth client secret on each OAuth parameter (paconn only on one named
 * `token`). Throws `PARAMETER_REQUIRED` when creating an OAuth connector without the secret.
 */
export function deployPayload(connector: Connector, options: PayloadOptions): Payload {
  const { definition } = connector;
  const swagger = definition.raw;
  if (!swagger)
    throw new FlowportError(
      'CONNECTOR_SWAGGER_MISSING',
      `${connector.source} has no readable apiDefinition.swagger.json.`,
    );
  const properties = structuredClone(connector.properties.properties ?? {}) as JsonObject;
  const secretsSet: string[] = [];
  const oauthParams = (params: JsonValue | undefined, where: string) => {
    if (!isObject(params)) return;
    for (const [name, p] of Object.entries(params)) {
      if (!isObject(p)) continue;
      const key = caselessKey(p, 'oAuthSettings');
      const settings = key ? ownObject(p, key) : undefined;
      if (!settings) continue;
      if (options.clientSecret !== undefined) {
        settings.clientSecret = options.clientSecret;
        secretsSet.push(`${where}.${name}`);
      } else if (options.create)
        throw new FlowportError(
          'PARAMETER_REQUIRED',
          `Connection parameter \`${name}\` signs in with OAuth: creating the connector needs the OAuth app's client secret (--secret-env <VARIABLE>).`,
        );
      else delete settings.clientSecret;
    }
  };
  oauthParams(properties.connectionParameters, 'connectionParameters');
  const sets = ownObject(properties, 'connectionParameterSets');
  const values = sets?.values;
  if (Array.isArray(values))
    values.forEach((set, i) => {
      if (isObject(set)) oauthParams(set.parameters, `connectionParameterSets.values[${i}].parameters`);
    });
  let strippedStackOwner = false;
  if (!options.keepStackOwner && 'stackOwner' in properties) {
    delete properties.stackOwner;
    strippedStackOwner = true;
  }
  const { host, basePath, schemes } = definition;
  const scheme = schemes[0] ?? '';
  setOwn(properties, 'openApiDefinition', swagger);
  setOwn(properties, 'backendService', {
    serviceUrl: `${scheme}${scheme ? '://' : ''}${host ?? ''}${basePath ?? ''}`,
  });
  setOwn(properties, 'environment', { name: options.environment });
  if (options.create && definition.info.title !== undefined)
    setOwn(properties, 'displayName', definition.info.title);
  if (definition.info.description !== undefined)
    setOwn(properties, 'description', definition.info.description);
  return { body: { properties }, secretsSet, strippedStackOwner };
}
