import {
  caselessKey,
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownObject,
  ownString,
  setOwn,
} from '../connector/json.ts';
import type { ConnectionParameter } from '../connector/model.ts';
import { join } from '../connector/pointer.ts';
import { armLiteral, parameterRef } from './literal.ts';
import type { ArmNote, ArmParameter } from './model.ts';
import type { ParameterNames } from './names.ts';

/**
 * The `type` values `Microsoft.Web/customApis@2016-06-01` declares for a connection parameter, by
 * their lower-case spelling (connectors write `oAuthSetting` and `oauthSetting` alike).
 */
const ARM_TYPES: Readonly<Record<string, string>> = {
  array: 'array',
  bool: 'bool',
  connection: 'connection',
  int: 'int',
  oauthsetting: 'oauthSetting',
  object: 'object',
  secureobject: 'secureobject',
  securestring: 'securestring',
  string: 'string',
};

/**
 * The OAuth settings `Microsoft.Web/customApis@2016-06-01` declares (`ApiOAuthSettings`), each with
 * the values it takes: a value of another type (a list of redirect URLs, scopes as one string) is
 * left out rather than deployed to fail.
 */
const OAUTH_KEYS: Readonly<Record<string, (v: JsonValue | undefined) => boolean>> = {
  identityProvider: (v) => typeof v === 'string',
  clientId: (v) => typeof v === 'string' || v === null,
  clientSecret: (v) => typeof v === 'string' || v === null,
  scopes: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  redirectUrl: (v) => typeof v === 'string' || v === null,
  properties: () => true,
  customParameters: (v) =>
    isObject(v) &&
    Object.values(v).every(
      (e) => isObject(e) && (e.value === undefined || e.value === null || typeof e.value === 'string'),
    ),
};

/** Custom parameters of an `aad` identity provider that differ between tenants and clouds. */
const AAD_PARAMETERS = ['tenantId', 'resourceUri'] as const;

export interface MappedConnectionParameters {
  /** `properties.connectionParameters` of the custom API. */
  readonly connectionParameters: JsonObject;
  /** `properties.parameterValues` of a connection, for parameters a template can fill in. */
  readonly connectionValues: JsonObject;
}

/**
 * Maps a connector's connection parameters to those of a `Microsoft.Web/customApis` resource: types
 * spelled as ARM declares them, OAuth client id and secret (and an `aad` tenant and resource) read
 * from template parameters, everything else copied as an ARM literal. With `connection`, also the
 * template parameters a `Microsoft.Web/connections` resource fills the other parameters from.
 */
export function mapConnectionParameters(
  parameters: readonly ConnectionParameter[],
  names: ParameterNames,
  templateParameters: Record<string, ArmParameter>,
  notes: ArmNote[],
  connection: boolean,
): MappedConnectionParameters {
  const connectionParameters: JsonObject = {};
  const connectionValues: JsonObject = {};
  for (const p of parameters) {
    const declared = p.type ?? 'string';
    const lower = declared.toLowerCase();
    const type = ARM_TYPES[lower];
    const mapped = armLiteral(knownKeys(p, notes)) as JsonObject;
    mapped.type = type ?? declared;
    if (!type)
      notes.push({
        code: 'connection-parameter-type',
        severity: 'warning',
        message:
          lower === 'gatewaysetting'
            ? `Connection parameter \`${p.name}\` is a \`gatewaySetting\`, which the \`Microsoft.Web/customApis\` schema does not list; it is written as it is, and ARM's schema check (what-if, linters) may flag it.`
            : `Connection parameter \`${p.name}\` has type \`${declared}\`, which \`Microsoft.Web/customApis\` does not know; it is written as it is.`,
        file: 'apiProperties',
        pointer: join(p.pointer, 'type'),
      });
    setOwn(connectionParameters, p.name, mapped);
    // A parameter's OAuth settings, under either spelling; a key whose value is no object counts as none.
    const key = caselessKey(p.raw, 'oAuthSettings');
    const oauth = key !== undefined && isObject(p.raw[key]) ? key : undefined;
    if (lower === 'oauthsetting' || oauth) {
      const raw = oauth ? ownObject(p.raw, oauth) : undefined;
      if (raw)
        mapped.oAuthSettings = oauthSettings(
          p,
          raw,
          join(p.pointer, oauth ?? ''),
          names,
          templateParameters,
          notes,
        );
      if (connection)
        notes.push({
          code: 'oauth-connection-consent',
          severity: 'info',
          message: `The connection's \`${p.name}\` is an OAuth sign-in that no template can fill in: after deployment, open the API connection in the Azure portal and authorize it.`,
          file: 'apiProperties',
          pointer: p.pointer,
        });
    } else if (lower === 'gatewaysetting') {
      if (connection)
        notes.push({
          code: 'gateway-connection',
          severity: 'info',
          message: `The connection's \`${p.name}\` selects an on-premises data gateway, which the template leaves empty: set the gateway on the API connection after deployment.`,
          file: 'apiProperties',
          pointer: p.pointer,
        });
    } else if (connection) {
      const name = names.name('connection', p.name);
      const ui = ownObject(p.raw, 'uiDefinition');
      const required = ownString(ownObject(ui, 'constraints'), 'required') === 'true';
      const label = ownString(ui, 'displayName') ?? p.name;
      const secure = lower === 'securestring' || lower === 'secureobject';
      const declaredDefault = own(p.raw, 'defaultValue');
      // A connection's parameter values are strings (ApiConnectionDefinitionProperties), and a
      // secure parameter never has a default, even an empty one.
      const fallback =
        declaredDefault === undefined || declaredDefault === null
          ? required
            ? undefined
            : ''
          : armLiteral(
              typeof declaredDefault === 'string' ? declaredDefault : JSON.stringify(declaredDefault),
            );
      templateParameters[name] = {
        type: secure ? 'securestring' : 'string',
        ...(!secure && fallback !== undefined && { defaultValue: fallback }),
        metadata: { description: `The connection's ${label} (connection parameter \`${p.name}\`).` },
      };
      setOwn(connectionValues, p.name, parameterRef(name));
    }
  }
  return { connectionParameters, connectionValues };
}

/**
 * Whether a `clientId` looks like a real one (a GUID, a token) rather than the placeholder that
 * certified connectors ship (`[[DUMMY]]`, `<<Enter your client ID>>`, `{{ client id }}`): only a
 * real one becomes the parameter's default.
 */
export function isClientId(value: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._:-]{2,}$/.test(value) && !/dummy|placeholder|your|client_?id|^x+$/i.test(value)
  );
}

/** A value certified connectors write where the real one is each publisher's (`[[RESOURCE_URI]]`, `<tenant>`). */
export function isPlaceholder(value: string): boolean {
  return /^\s*$|^\[+[^\]]*\]+$|^<[^>]*>+$|^\{\{[^}]*\}\}$|dummy|placeholder/i.test(value);
}

/**
 * The keys of a connection parameter a custom API takes: those `ConnectionParameter` declares and
 * those the Power Platform's connectors write beside them (which portal exports carry too).
 */
const PARAMETER_KEYS: ReadonlySet<string> = new Set([
  'type',
  'uiDefinition',
  'defaultValue',
  'allowedValues',
  'metadata',
  'gatewaySettings',
]);

/** The parameter without its OAuth settings (mapped apart) and without keys a custom API does not take. */
function knownKeys(p: ConnectionParameter, notes: ArmNote[]): JsonObject {
  const out: JsonObject = {};
  const dropped: string[] = [];
  for (const key in p.raw) {
    if (key.toLowerCase() === 'oauthsettings') continue;
    if (PARAMETER_KEYS.has(key)) setOwn(out, key, p.raw[key] as JsonValue);
    else dropped.push(key);
  }
  if (dropped.length > 0)
    notes.push({
      code: 'parameter-key-dropped',
      severity: 'info',
      message: `${dropped.map((k) => `\`${k}\``).join(', ')} of connection parameter \`${p.name}\` ${dropped.length === 1 ? 'has' : 'have'} no place in a custom API's connection parameter and ${dropped.length === 1 ? 'is' : 'are'} left out.`,
      file: 'apiProperties',
      pointer: p.pointer,
    });
  return out;
}

/**
 * `oAuthSettings` with the client id and secret as template parameters (the secret never has a
 * default: apiProperties never holds the real one, and a template must not), and for Microsoft
 * Entra ID (`aad`) the tenant and resource too, which change with the tenant and the cloud.
 */
function oauthSettings(
  p: ConnectionParameter,
  raw: JsonObject,
  pointer: string,
  names: ParameterNames,
  templateParameters: Record<string, ArmParameter>,
  notes: ArmNote[],
): JsonObject {
  const settings: JsonObject = {};
  const dropped: string[] = [];
  for (const key in raw) {
    const takes = Object.hasOwn(OAUTH_KEYS, key) ? OAUTH_KEYS[key] : undefined;
    if (takes?.(raw[key])) setOwn(settings, key, armLiteral(raw[key] as JsonValue));
    // `redirectMode` picks the Power Platform's per-connector redirect URL; Logic Apps has its own.
    else if (key !== 'redirectMode') dropped.push(key);
  }
  if (dropped.length > 0)
    notes.push({
      code: 'oauth-setting-dropped',
      severity: 'info',
      message: `${dropped.map((k) => `\`${k}\``).join(', ')} of \`${p.name}\`'s OAuth settings ${dropped.length === 1 ? 'has' : 'have'} no place in a custom API's \`oAuthSettings\` and ${dropped.length === 1 ? 'is' : 'are'} left out.`,
      file: 'apiProperties',
      pointer,
    });
  const provider = ownString(raw, 'identityProvider') ?? 'oauth2';
  const clientId = names.name(p.name, 'clientId');
  const clientIdValue = ownString(raw, 'clientId');
  templateParameters[clientId] = {
    type: 'string',
    ...(clientIdValue !== undefined && isClientId(clientIdValue) && { defaultValue: clientIdValue }),
    metadata: {
      description: `Client id of the OAuth app (identity provider \`${provider}\`) the \`${p.name}\` connection parameter signs in with.`,
    },
  };
  settings.clientId = parameterRef(clientId);
  const clientSecret = names.name(p.name, 'clientSecret');
  templateParameters[clientSecret] = {
    type: 'securestring',
    metadata: { description: `Client secret of the OAuth app (identity provider \`${provider}\`).` },
  };
  const committed = own(raw, 'clientSecret');
  if (typeof committed === 'string' && committed.trim() !== '')
    notes.push({
      code: 'committed-secret-not-copied',
      severity: 'info',
      message: `\`${p.name}\` has a \`clientSecret\` in apiProperties.json; the template does not copy it and asks for it as the secure parameter \`${clientSecret}\`.`,
      file: 'apiProperties',
      pointer: join(pointer, 'clientSecret'),
    });
  settings.clientSecret = parameterRef(clientSecret);
  notes.push({
    code: 'oauth-secret-parameter',
    severity: 'info',
    message: `Give the OAuth app's client secret as the secure parameter \`${clientSecret}\` when deploying (from Key Vault in a parameters file), and add Logic Apps' redirect URL, shown on the custom connector's Security page, to the app.`,
    file: 'apiProperties',
    pointer,
  });
  const custom = ownObject(settings, 'customParameters');
  if (provider.toLowerCase() === 'aad' && custom) {
    for (const key of AAD_PARAMETERS) {
      const entry = ownObject(custom, key);
      const value = ownString(entry, 'value');
      if (!entry || value === undefined) continue;
      const name = names.name(p.name, key);
      templateParameters[name] = {
        type: 'string',
        ...(!isPlaceholder(value) && { defaultValue: value }),
        metadata: {
          description:
            key === 'tenantId'
              ? `Microsoft Entra tenant the \`${p.name}\` sign-in uses (\`common\` for any).`
              : `Resource (audience) the \`${p.name}\` sign-in asks a token for.`,
        },
      };
      entry.value = parameterRef(name);
    }
  }
  return settings;
}
