import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, type JsonObject, ownObject, ownString, setOwn } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import { type Fetch, PowerAppsClient } from './client.ts';
import { DEFAULT_API_VERSION, DEFAULT_POWERAPPS_URL } from './settings.ts';

/** The `properties` paconn's download keeps in apiProperties.json (certification spec §5.5). */
export const KEPT = [
  'connectionParameters',
  'connectionParameterSets',
  'iconBrandColor',
  'scriptOperations',
  'capabilities',
  'policyTemplateInstances',
  'publisher',
  'stackOwner',
] as const;

export interface DownloadOptions {
  readonly token: string;
  readonly environment: string;
  readonly connectorId: string;
  /** Folder to write; default `./<connectorId>`. */
  readonly dest?: string;
  /** Write into a folder that is not empty (files of the same names are replaced). */
  readonly force?: boolean;
  readonly powerAppsUrl?: string;
  readonly apiVersion?: string;
  readonly fetch?: Fetch;
}

export interface DownloadResult {
  readonly dir: string;
  readonly files: readonly string[];
}

/**
 * Writes a custom connector of an environment as a connector folder, as `paconn download` does:
 * apiProperties.json (the connection parameters, policies, colour… the service keeps), the swagger
 * (from its `originalSwaggerUrl`, without a byte order mark, indented by two spaces), the icon and
 * the custom code when there are any, and a settings.json that `flowport deploy` updates it with.
 * Refuses a destination folder that is not empty unless `force` (`INIT_TARGET_EXISTS`).
 */
export async function downloadConnector(options: DownloadOptions): Promise<DownloadResult> {
  const dir = options.dest ?? options.connectorId;
  if (existsSync(dir) && readdirSync(dir).length > 0 && !options.force)
    throw new FlowportError(
      'INIT_TARGET_EXISTS',
      `${dir} is not empty; choose another folder (--dest) or pass --force to replace its connector files.`,
    );
  const powerAppsUrl = (options.powerAppsUrl ?? DEFAULT_POWERAPPS_URL).replace(/\/+$/, '');
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const client = new PowerAppsClient({
    baseUrl: powerAppsUrl,
    apiVersion,
    environment: options.environment,
    token: options.token,
    ...(options.fetch && { fetch: options.fetch }),
  });
  const { remote, swagger } = await readDeployed(client, options.connectorId);
  const properties = keptProperties(remote);
  const files: [string, string | Uint8Array][] = [
    ['apiDefinition.swagger.json', `${JSON.stringify(swagger, null, 2)}\n`],
    ['apiProperties.json', `${JSON.stringify({ properties }, null, 2)}\n`],
  ];
  const settings: JsonObject = {
    connectorId: options.connectorId,
    environment: options.environment,
    apiProperties: 'apiProperties.json',
    apiDefinition: 'apiDefinition.swagger.json',
    powerAppsUrl,
    powerAppsApiVersion: apiVersion,
  };
  const iconUri = ownString(remote, 'iconUri');
  if (iconUri && /^https?:\/\//.test(iconUri)) {
    files.push(['icon.png', await client.file(iconUri, 'the icon')]);
    settings.icon = 'icon.png';
  }
  const scriptUrl = ownString(remote, 'scriptDefinitionUrl');
  if (scriptUrl && /^https?:\/\//.test(scriptUrl)) {
    files.push(['script.csx', await client.file(scriptUrl, 'the custom code')]);
    settings.script = 'script.csx';
  }
  files.push(['settings.json', `${JSON.stringify(settings, null, 2)}\n`]);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return { dir, files: files.map(([name]) => name) };
}

/** A custom connector as its environment holds it: the service's `properties`, and the swagger. */
export interface Deployed {
  readonly remote: JsonObject;
  readonly swagger: JsonObject;
}

/**
 * Reads a custom connector of the environment and its swagger (from `originalSwaggerUrl`, without a
 * byte order mark); `UPSTREAM_INVALID_RESPONSE` for a managed connector, which has none.
 */
export async function readDeployed(client: PowerAppsClient, connectorId: string): Promise<Deployed> {
  const api = await client.get(connectorId);
  const remote = ownObject(api, 'properties') ?? {};
  const swaggerUrl = ownString(ownObject(remote, 'apiDefinitions'), 'originalSwaggerUrl');
  if (!swaggerUrl)
    throw new FlowportError(
      'UPSTREAM_INVALID_RESPONSE',
      `Connector ${connectorId} has no swagger to download (\`apiDefinitions.originalSwaggerUrl\`): only custom connectors have one.`,
    );
  const text = Buffer.from(await client.file(swaggerUrl, 'the swagger'))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let swagger: unknown;
  try {
    swagger = JSON.parse(text);
  } catch {
    throw new FlowportError(
      'UPSTREAM_INVALID_RESPONSE',
      `The swagger of connector ${connectorId} is not JSON.`,
    );
  }
  if (!isObject(swagger))
    throw new FlowportError(
      'UPSTREAM_INVALID_RESPONSE',
      `The swagger of connector ${connectorId} is not a JSON object.`,
    );
  return { remote, swagger };
}

/** The members of the service's `properties` that apiProperties.json holds ({@link KEPT}). */
export function keptProperties(properties: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const key of KEPT) if (properties[key] !== undefined) setOwn(kept, key, properties[key]);
  return kept;
}
