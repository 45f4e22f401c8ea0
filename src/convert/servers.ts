import { isObject, type JsonObject, ownArray, ownObject, ownString } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Losses } from './loss.ts';
import { titleCase } from './text.ts';

/** Where requests go, in Swagger 2.0 terms, plus what a varying server needs in `apiProperties.json`. */
export interface Target {
  readonly host: string | undefined;
  readonly basePath: string | undefined;
  readonly schemes: readonly string[];
  readonly connectionParameters: JsonObject;
  readonly policies: readonly JsonObject[];
}

const NO_TARGET: Target = {
  host: undefined,
  basePath: undefined,
  schemes: ['https'],
  connectionParameters: {},
  policies: [],
};

/** Splits an absolute URL into host, base path and scheme; undefined when it is not absolute. */
export function splitUrl(
  url: string,
): { host: string; basePath: string | undefined; scheme: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const path = decodeURI(parsed.pathname).replace(/\/+$/, '');
  return { host: parsed.host, basePath: path === '' ? undefined : path, scheme };
}

/** A connection parameter name for a server variable (`^[0-9a-zA-Z_]+$`). */
export function connectionParameterName(name: string): string {
  const cleaned = name.replace(/[^0-9a-zA-Z_]/g, '_');
  return cleaned === '' ? 'server' : cleaned;
}

/**
 * OpenAPI `servers` → `host`, `basePath`, `schemes`. The first server is used. Variables that can
 * take more than one value become connection parameters and a `dynamichosturl` policy that builds
 * the base URL from them; fixed variables are replaced by their default.
 */
export function convertServers(root: JsonObject, losses: Losses): Target {
  const servers = ownArray(root, 'servers') ?? [];
  const first = servers.find(isObject);
  if (!first) {
    losses.add(
      '/servers',
      'servers',
      'none given; `host` is left out, so set it before the connector can call the API',
    );
    return NO_TARGET;
  }
  servers.forEach((s, i) => {
    if (i > 0 && isObject(s))
      losses.add(
        join('/servers', i),
        'server',
        `\`${ownString(s, 'url') ?? ''}\` not kept; a connector has one base URL (the first server, \`${ownString(first, 'url') ?? ''}\`)`,
      );
  });
  const url = ownString(first, 'url') ?? '';
  const variables = ownObject(first, 'variables') ?? {};
  const connectionParameters: JsonObject = {};
  let concrete = url;
  let template = url;
  let varying = 0;
  for (const name of url.match(/\{[^}]+\}/g) ?? []) {
    const key = name.slice(1, -1);
    const variable = ownObject(variables, key);
    const fallback = ownString(variable, 'default') ?? '';
    concrete = concrete.split(name).join(fallback);
    const values = (ownArray(variable, 'enum') ?? []).filter((v): v is string => typeof v === 'string');
    if (values.length === 1 || (variable === undefined && fallback === '')) {
      template = template.split(name).join(values[0] ?? fallback);
      continue;
    }
    varying++;
    const param = connectionParameterName(key);
    template = template.split(name).join(`@connectionParameters('${param}')`);
    const description = ownString(variable, 'description');
    const constraints: JsonObject = { required: 'true', tabIndex: varying };
    if (values.length > 1) constraints.allowedValues = values.map((v) => ({ text: v, value: v }));
    connectionParameters[param] = {
      type: 'string',
      ...(fallback !== '' && { defaultValue: fallback }),
      uiDefinition: {
        displayName: titleCase(key),
        description: description ?? `The ${titleCase(key).toLowerCase()} part of the service URL.`,
        tooltip: `Part of the service URL: ${url}`,
        constraints,
      },
    };
  }
  const parts = splitUrl(concrete);
  if (!parts) {
    const path = concrete.startsWith('/') ? concrete.replace(/\/+$/, '') : undefined;
    losses.add(
      '/servers/0/url',
      'server',
      `\`${url}\` is not an absolute http(s) URL; \`host\` is left out${path ? ` and \`${path}\` became the base path` : ''}`,
    );
    return { ...NO_TARGET, basePath: path || undefined };
  }
  const policies: JsonObject[] = [];
  if (varying > 0) {
    policies.push({
      templateId: 'dynamichosturl',
      title: 'Set the host from the connection',
      parameters: { 'x-ms-apimTemplateParameter.urlTemplate': template.replace(/\/+$/, '') },
    });
    losses.add(
      '/servers/0/variables',
      'server variables',
      `${varying} variable(s) became connection parameters and a \`dynamichosturl\` policy; \`host\` holds the defaults`,
    );
  }
  return {
    host: parts.host,
    basePath: parts.basePath,
    schemes: [parts.scheme],
    connectionParameters,
    policies,
  };
}
