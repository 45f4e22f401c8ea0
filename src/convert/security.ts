import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
} from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import { type Credential, credentialKey, extraCredential } from './credentials.ts';
import { createLosses, type Losses, type LossItem } from './loss.ts';
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
  /**
   * The extra connection parameters an operation whose effective `security` is `value` sends (by
   * policy) to satisfy it; registers them in `connectionParameters` and `credentials`.
   */
  requirementCredentials(value: JsonValue | undefined): string[];
  /** The extra credentials used so far, for {@link credentialPolicies}. */
  readonly credentials: readonly Credential[];
}

interface Mapped {
  readonly definition: JsonObject | undefined;
  readonly connectionParameters: JsonObject;
  readonly policies: readonly JsonObject[];
  readonly oauth: boolean;
  /** An access token typed in, where the scheme's own flow cannot run on the platform. */
  readonly fallback?: boolean;
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

/** An access token the user obtains elsewhere, sent as `Authorization: Bearer <token>` (RFC 6750). */
function bearerToken(description: string | undefined): Mapped {
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

/**
 * OAuth 2 without a flow the platform can run (implicit, password, client credentials, OpenID Connect):
 * the API still takes its access token as a bearer token, so the connection asks for one.
 */
function accessTokenFallback(
  name: string,
  pointer: string,
  losses: Losses,
  why: string,
  description?: string,
): Mapped {
  losses.add(
    pointer,
    'OAuth 2 access token',
    `\`${name}\` became an API key sent in the \`Authorization\` header (${why}); users enter \`Bearer <access token>\` with a token obtained elsewhere, such as a personal access token`,
  );
  return { ...bearerToken(description), fallback: true };
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
      return bearerToken(description);
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
    if (!code) {
      const named = Object.keys(flows).filter((f) => !f.startsWith('x-'));
      return accessTokenFallback(
        name,
        pointer,
        losses,
        named.length > 0
          ? `the platform cannot run the ${named.map((f) => `\`${f}\``).join(' or ')} flow`
          : 'it names no flow',
        description,
      );
    }
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
      return accessTokenFallback(
        name,
        pointer,
        losses,
        'its authorization-code URLs are missing or invalid',
        description,
      );
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
      `\`${name}\` not mapped to an OAuth connection; to sign users in, read the authorization and token URLs from \`${ownString(scheme, 'openIdConnectUrl') ?? 'its discovery document'}\` and add an \`oauth2\` connection parameter`,
    );
    return accessTokenFallback(
      name,
      pointer,
      losses,
      'OpenID Connect endpoints cannot be read offline',
      description,
    );
  }
  losses.add(pointer, 'security scheme', `\`${name}\` (type \`${type ?? 'missing'}\`) not mapped`);
  return undefined;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Names of schemes the requirements mention, the scheme that alone satisfies the most operations
 * first (ties in order of mention): keeping it lets the most operations authenticate.
 */
function requirementOrder(root: JsonObject): { name: string; covers: number }[] {
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
    .map((x) => ({ name: x.n, covers: x.c }));
}

interface Candidate {
  readonly name: string;
  readonly scheme: JsonObject;
  readonly pointer: string;
  readonly mapped: Mapped | undefined;
  /** What mapping it reported; added to the losses only for the kept scheme and those not mapped. */
  readonly losses: readonly LossItem[];
}

/**
 * OpenAPI 3 `components.securitySchemes` → one Swagger 2.0 security definition and its connection
 * parameters. A connection has one way to authenticate: of the schemes the platform supports, the one
 * that alone satisfies the most operations is kept (then one the platform runs itself over an access
 * token typed in, then the first named); the others are reported. Operations whose requirements the
 * kept scheme cannot satisfy alone send the other API keys or tokens they need from extra connection
 * parameters, through policies ({@link Auth.credentials}).
 */
export function convertSecurity(
  root: JsonObject,
  losses: Losses,
  serverUrl: string | undefined,
  schemesAt = '/components/securitySchemes',
  schemesIn: JsonObject = ownObject(ownObject(root, 'components'), 'securitySchemes') ?? {},
): Auth {
  const schemes = schemesIn;
  const ranked = requirementOrder(root);
  const order = [...ranked.map((r) => r.name), ...Object.keys(schemes)].filter(
    (n, i, a) => a.indexOf(n) === i && n in schemes,
  );
  const covers = new Map(ranked.map((r) => [r.name, r.covers]));
  const candidates: Candidate[] = [];
  for (const name of order) {
    const scheme = derefObject(root, schemes[name]);
    if (!scheme) continue;
    const pointer = join(schemesAt, name);
    const own = createLosses();
    candidates.push({
      name,
      scheme,
      pointer,
      mapped: mapScheme(name, scheme, pointer, own, serverUrl),
      losses: own.items,
    });
  }
  let chosen: Candidate | undefined;
  for (const c of candidates) {
    if (!c.mapped) continue;
    if (
      !chosen?.mapped ||
      ((covers.get(c.name) ?? 0) === (covers.get(chosen.name) ?? 0) &&
        chosen.mapped.fallback &&
        !c.mapped.fallback)
    )
      chosen = c;
  }
  const mapped = chosen?.mapped;
  const keptName = chosen?.name;
  const securityDefinitions: JsonObject = {};
  if (keptName && mapped?.definition) securityDefinitions[keptName] = mapped.definition;
  const definitionName = mapped?.definition ? keptName : undefined;
  const oauth = mapped?.oauth === true;
  const connectionParameters: JsonObject = { ...mapped?.connectionParameters };
  const credentials: Credential[] = [];
  // Headers the kept scheme sets: an extra credential may not overwrite them.
  const keptHeaders = new Set<string>();
  if (mapped?.definition?.type === 'apiKey' && mapped.definition.in === 'header')
    keptHeaders.add(String(mapped.definition.name).toLowerCase());
  if (mapped?.definition?.type === 'basic' || oauth) keptHeaders.add('authorization');
  // By what they send: schemes sending the same key or token share one credential.
  const extras = new Map<string, Credential | undefined>();
  const taken = new Set(Object.keys(connectionParameters));
  const extraFor = (name: string): Credential | undefined => {
    const candidate = candidates.find((c) => c.name === name);
    const key = candidate && name !== keptName ? credentialKey(candidate.scheme) : undefined;
    if (!candidate || key === undefined) return undefined;
    if (extras.has(key)) return extras.get(key);
    let credential = extraCredential(name, candidate.scheme, taken);
    if (credential?.header !== undefined && keptHeaders.has(credential.header)) credential = undefined;
    if (credential) taken.add(credential.parameter);
    extras.set(key, credential);
    return credential;
  };
  /** The requirement the connection satisfies, as the names of the extra schemes it needs; undefined when none. */
  const satisfy = (value: JsonValue | undefined): string[] | undefined => {
    if (!Array.isArray(value)) return undefined;
    const reqs = value.filter(isObject).map((r) => Object.keys(r));
    if (reqs.length === 0 || reqs.some((keys) => keys.length === 0 || keys.every((k) => k === keptName)))
      return [];
    const usable = reqs
      .filter((keys) => keys.every((k) => k === keptName || extraFor(k) !== undefined))
      .sort(
        (a, b) =>
          Number(b.includes(keptName ?? '')) - Number(a.includes(keptName ?? '')) || a.length - b.length,
      );
    return usable[0]?.filter((k) => k !== keptName);
  };

  for (const c of candidates) {
    if (c === chosen) for (const l of c.losses) losses.add(l.pointer, l.construct, l.action);
    else if (!c.mapped) for (const l of c.losses) losses.add(l.pointer, l.construct, l.action);
    else
      losses.add(
        c.pointer,
        'security scheme',
        `\`${c.name}\` not kept as the connection's authentication (\`${keptName}\` was kept)${
          extraFor(c.name)
            ? `; operations that need it send it from the \`${extraFor(c.name)?.parameter}\` connection parameter`
            : ''
        }`,
      );
  }

  return {
    scheme: keptName,
    securityDefinitions,
    connectionParameters,
    policies: mapped?.policies ?? [],
    credentials,
    requirementCredentials(value) {
      const names = satisfy(value) ?? [];
      const out: string[] = [];
      for (const name of names) {
        const credential = extraFor(name);
        if (!credential) continue;
        if (!credentials.includes(credential)) {
          credentials.push(credential);
          connectionParameters[credential.parameter] = credential.connectionParameter;
        }
        out.push(credential.parameter);
      }
      return out;
    },
    requirement(value, pointer) {
      if (!Array.isArray(value)) return undefined;
      if (value.length === 0) return [];
      const sent = satisfy(value) ?? [];
      const viaPolicy = (names: readonly string[]) =>
        names
          .filter((n) => sent.includes(n))
          .map(
            (n) => `\`${n}\` is sent by a policy from the \`${extraFor(n)?.parameter}\` connection parameter`,
          );
      if (!definitionName) {
        if (value.some((r) => isObject(r) && Object.keys(r).length > 0))
          losses.add(
            pointer,
            'security requirement',
            sent.length > 0
              ? `dropped from the swagger; ${viaPolicy(sent).join('; ')}`
              : 'dropped; none of the schemes it names could be kept',
          );
        return undefined;
      }
      const out: JsonValue[] = [];
      value.forEach((req, i) => {
        if (!isObject(req)) return;
        const scopes = req[definitionName];
        if (!Array.isArray(scopes)) {
          const names = Object.keys(req);
          const policy = viaPolicy(names);
          if (names.length > 0)
            losses.add(
              join(pointer, i),
              'security requirement',
              policy.length === names.length && policy.length > 0
                ? `dropped from the swagger; ${policy.join('; ')}`
                : `dropped; it names ${names.map((n) => `\`${n}\``).join(' and ')}, not the kept scheme`,
            );
          return;
        }
        const others = Object.keys(req).filter((n) => n !== definitionName);
        if (others.length > 0) {
          const policy = viaPolicy(others);
          losses.add(
            join(pointer, i),
            'security requirement',
            policy.length === others.length
              ? `${others.map((n) => `\`${n}\``).join(' and ')} dropped from it; ${policy.join('; ')}`
              : `${others.map((n) => `\`${n}\``).join(' and ')} dropped from it; only \`${definitionName}\` was kept`,
          );
        }
        if (!oauth && scopes.length > 0)
          losses.add(
            join(pointer, i, definitionName),
            'security roles',
            'dropped; only OAuth 2 requirements can list scopes',
          );
        const declared = ownObject(mapped?.definition, 'scopes') ?? {};
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
