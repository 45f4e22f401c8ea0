import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
} from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Losses } from './loss.ts';
import { derefObject } from './refs.ts';

/** The redirect URL of the Power Platform's global consent service. */
export const REDIRECT_URL = 'https://global.consent.azure-apim.net/redirect';

/** How the connector authenticates, derived from the description's security schemes. */
export interface Auth {
  /** The scheme that was mapped, by its name in the input. */
  readonly scheme: string | undefined;
  readonly securityDefinitions: JsonObject;
  readonly connectionParameters: JsonObject;
  readonly policies: readonly JsonObject[];
  /** Converts a `security` array; undefined when nothing of it applies to the mapped scheme. */
  requirement(value: JsonValue | undefined, pointer: string): JsonValue[] | undefined;
}

interface Mapped {
  readonly definition: JsonObject | undefined;
  readonly connectionParameters: JsonObject;
  readonly policies: readonly JsonObject[];
  readonly oauth: boolean;
}

function apiKeyParameter(description: string, tooltip?: string): JsonObject {
  return {
    type: 'securestring',
    uiDefinition: {
      displayName: 'API key',
      description,
      ...(tooltip && { tooltip }),
      constraints: { tabIndex: 2, clearText: false, required: 'true' },
    },
  };
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** Maps one security scheme; undefined when the platform has no counterpart (reported). */
function mapScheme(
  name: string,
  scheme: JsonObject,
  pointer: string,
  losses: Losses,
  serverUrl: string | undefined,
): Mapped | undefined {
  const type = ownString(scheme, 'type');
  const description = ownString(scheme, 'description');
  if (type === 'apiKey') {
    const where = ownString(scheme, 'in');
    const keyName = ownString(scheme, 'name') ?? 'api_key';
    if (where === 'header' || where === 'query')
      return {
        definition: { type: 'apiKey', in: where, name: keyName },
        connectionParameters: {
          api_key: apiKeyParameter(
            description ??
              `The API key, sent in the \`${keyName}\` ${where === 'header' ? 'header' : 'query parameter'}.`,
          ),
        },
        policies: [],
        oauth: false,
      };
    if (where === 'cookie') {
      losses.add(
        pointer,
        'API key in a cookie',
        `\`${name}\` became a \`setheader\` policy that sends \`Cookie: ${keyName}=<key>\``,
      );
      return {
        definition: undefined,
        connectionParameters: {
          api_key: apiKeyParameter(description ?? `The API key, sent in the \`${keyName}\` cookie.`),
        },
        policies: [
          {
            templateId: 'setheader',
            title: `Send the API key as the ${keyName} cookie`,
            parameters: {
              'x-ms-apimTemplateParameter.name': 'Cookie',
              'x-ms-apimTemplateParameter.value': `${keyName}=@connectionParameters('api_key')`,
              'x-ms-apimTemplateParameter.existsAction': 'append',
              'x-ms-apimTemplate-policySection': 'Request',
            },
          },
        ],
        oauth: false,
      };
    }
  }
  if (type === 'http') {
    const httpScheme = (ownString(scheme, 'scheme') ?? '').toLowerCase();
    if (httpScheme === 'basic')
      return {
        definition: { type: 'basic' },
        connectionParameters: {
          username: {
            type: 'securestring',
            uiDefinition: {
              displayName: 'User name',
              description: 'The user name for basic authentication.',
              constraints: { tabIndex: 2, clearText: true, required: 'true' },
            },
          },
          password: {
            type: 'securestring',
            uiDefinition: {
              displayName: 'Password',
              description: 'The password for basic authentication.',
              constraints: { tabIndex: 3, clearText: false, required: 'true' },
            },
          },
        },
        policies: [],
        oauth: false,
      };
    if (httpScheme === 'bearer') {
      losses.add(
        pointer,
        'bearer authentication',
        `\`${name}\` became an API key sent in the \`Authorization\` header; users enter \`Bearer <token>\` as the key`,
      );
      return {
        definition: { type: 'apiKey', in: 'header', name: 'Authorization' },
        connectionParameters: {
          api_key: apiKeyParameter(
            'The access token, written as "Bearer <token>".',
            description ?? 'Type Bearer, a space, and then your access token.',
          ),
        },
        policies: [],
        oauth: false,
      };
    }
    losses.add(
      pointer,
      'HTTP authentication',
      `\`${name}\` (\`${httpScheme}\`) not mapped; connectors know basic and API key authentication`,
    );
    return undefined;
  }
  if (type === 'oauth2') {
    const flows = ownObject(scheme, 'flows') ?? {};
    const code = ownObject(flows, 'authorizationCode');
    for (const flow of Object.keys(flows))
      if (flow !== 'authorizationCode' && !flow.startsWith('x-'))
        losses.add(
          join(pointer, 'flows', flow),
          'OAuth 2 flow',
          `\`${flow}\` not mapped; the Power Platform supports the authorization-code flow only`,
        );
    if (!code) return undefined;
    const authorizationUrl = absolute(ownString(code, 'authorizationUrl'), serverUrl);
    const tokenUrl = absolute(ownString(code, 'tokenUrl'), serverUrl);
    const refreshUrl = absolute(ownString(code, 'refreshUrl'), serverUrl) ?? tokenUrl;
    const scopes = ownObject(code, 'scopes') ?? {};
    if (!authorizationUrl || !tokenUrl) {
      losses.add(
        join(pointer, 'flows', 'authorizationCode'),
        'OAuth 2 flow',
        'not mapped; its URLs are missing or invalid',
      );
      return undefined;
    }
    losses.add(
      join(pointer, 'flows', 'authorizationCode'),
      'OAuth 2 client',
      'mapped to the `oauth2` identity provider; register an app, then set `clientId` in apiProperties.json (the secret is entered at deployment)',
    );
    return {
      definition: { type: 'oauth2', flow: 'accessCode', authorizationUrl, tokenUrl, scopes },
      connectionParameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'oauth2',
            scopes: Object.keys(scopes),
            redirectMode: 'Global',
            redirectUrl: REDIRECT_URL,
            properties: { IsFirstParty: 'False' },
            customParameters: {
              authorizationUrl: { value: authorizationUrl },
              tokenUrl: { value: tokenUrl },
              refreshUrl: { value: refreshUrl ?? tokenUrl },
            },
          },
        },
      },
      policies: [],
      oauth: true,
    };
  }
  if (type === 'openIdConnect') {
    losses.add(
      pointer,
      'OpenID Connect',
      `\`${name}\` not mapped; read the authorization and token URLs from \`${ownString(scheme, 'openIdConnectUrl') ?? 'its discovery document'}\` and add an \`oauth2\` connection parameter`,
    );
    return undefined;
  }
  losses.add(pointer, 'security scheme', `\`${name}\` (type \`${type ?? 'missing'}\`) not mapped`);
  return undefined;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Names of schemes the requirements mention, the scheme that alone satisfies the most operations
 * first (ties in order of mention): keeping it lets the most operations authenticate.
 */
function requirementOrder(root: JsonObject): string[] {
  const names: string[] = [];
  const covers = new Map<string, number>();
  const global = ownArray(root, 'security');
  const visit = (list: JsonValue[] | undefined, count: boolean) => {
    const alone = new Set<string>();
    for (const req of list ?? []) {
      if (!isObject(req)) continue;
      const keys = Object.keys(req);
      for (const n of keys) if (!names.includes(n)) names.push(n);
      if (keys.length === 1) alone.add(keys[0]!);
    }
    if (count) for (const n of alone) covers.set(n, (covers.get(n) ?? 0) + 1);
  };
  visit(global, false);
  for (const item of Object.values(ownObject(root, 'paths') ?? {}))
    if (isObject(item))
      for (const [method, op] of Object.entries(item))
        if (isObject(op) && METHODS.has(method)) visit(ownArray(op, 'security') ?? global, true);
  return names
    .map((n, i) => ({ n, i, c: covers.get(n) ?? 0 }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .map((x) => x.n);
}

/**
 * OpenAPI 3 `components.securitySchemes` → one Swagger 2.0 security definition and its connection
 * parameters. A connection has one way to authenticate: of the schemes the platform supports, the one
 * that alone satisfies the most operations is kept (then the first named); the others are reported.
 */
export function convertSecurity(
  root: JsonObject,
  losses: Losses,
  serverUrl: string | undefined,
  schemesAt = '/components/securitySchemes',
  schemesIn: JsonObject = ownObject(ownObject(root, 'components'), 'securitySchemes') ?? {},
): Auth {
  const schemes = schemesIn;
  const order = [...requirementOrder(root), ...Object.keys(schemes)].filter(
    (n, i, a) => a.indexOf(n) === i && n in schemes,
  );
  let chosen: { name: string; mapped: Mapped } | undefined;
  for (const name of order) {
    const scheme = derefObject(root, schemes[name]);
    if (!scheme) continue;
    const pointer = join(schemesAt, name);
    if (chosen) {
      losses.add(
        pointer,
        'security scheme',
        `\`${name}\` not kept; a connection authenticates one way (\`${chosen.name}\` was kept)`,
      );
      continue;
    }
    const mapped = mapScheme(name, scheme, pointer, losses, serverUrl);
    if (mapped) chosen = { name, mapped };
  }
  const securityDefinitions: JsonObject = {};
  if (chosen?.mapped.definition) securityDefinitions[chosen.name] = chosen.mapped.definition;
  const definitionName = chosen?.mapped.definition ? chosen.name : undefined;
  const oauth = chosen?.mapped.oauth === true;
  return {
    scheme: chosen?.name,
    securityDefinitions,
    connectionParameters: chosen?.mapped.connectionParameters ?? {},
    policies: chosen?.mapped.policies ?? [],
    requirement(value, pointer) {
      if (!Array.isArray(value)) return undefined;
      if (value.length === 0) return [];
      if (!definitionName) {
        if (value.some((r) => isObject(r) && Object.keys(r).length > 0))
          losses.add(pointer, 'security requirement', 'dropped; none of the schemes it names could be kept');
        return undefined;
      }
      const out: JsonValue[] = [];
      value.forEach((req, i) => {
        if (!isObject(req)) return;
        const scopes = req[definitionName];
        if (!Array.isArray(scopes)) {
          const names = Object.keys(req);
          if (names.length > 0)
            losses.add(
              join(pointer, i),
              'security requirement',
              `dropped; it names ${names.map((n) => `\`${n}\``).join(' and ')}, not the kept scheme`,
            );
          return;
        }
        const others = Object.keys(req).filter((n) => n !== definitionName);
        if (others.length > 0)
          losses.add(
            join(pointer, i),
            'security requirement',
            `${others.map((n) => `\`${n}\``).join(' and ')} dropped from it; only \`${definitionName}\` was kept`,
          );
        if (!oauth && scopes.length > 0)
          losses.add(
            join(pointer, i, definitionName),
            'security roles',
            'dropped; only OAuth 2 requirements can list scopes',
          );
        const declared = ownObject(chosen?.mapped.definition, 'scopes') ?? {};
        const kept = oauth ? scopes.filter((s) => typeof s === 'string' && s in declared) : [];
        if (oauth && kept.length < scopes.length)
          losses.add(
            join(pointer, i, definitionName),
            'security scopes',
            'scopes the scheme does not declare were dropped',
          );
        if (!out.some((r) => isObject(r))) out.push({ [definitionName]: kept });
      });
      return out.length > 0 ? out : undefined;
    },
  };
}
