import {
  caselessKey,
  isObject,
  type JsonObject,
  type JsonValue,
  ownObject,
  ownString,
} from '../connector/json.ts';
import { jsonDifferences } from '../connector/json-difference.ts';
import type { Connector } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { filesToUpload } from './deploy.ts';
import { keptProperties, readDeployed } from './download.ts';
import { deployPayload } from './payload.ts';
import { deployTarget, type TargetOptions } from './target.ts';

/** Flags first, else settings.json, as for `deployConnector`. */
export interface DriftOptions extends TargetOptions {
  /** As for `deployConnector`: a deploy leaves `stackOwner` out unless asked to send it. */
  readonly keepStackOwner?: boolean;
}

/**
 * One difference between the connector an environment holds and what a deploy would send: a JSON
 * member (`pointer`, the two values; undefined: absent on that side) or a file's bytes (sizes).
 */
export interface DriftEntry {
  readonly file: string;
  readonly pointer?: string;
  readonly deployed?: JsonValue;
  readonly local?: JsonValue;
  readonly deployedBytes?: number;
  readonly localBytes?: number;
}

export interface DriftResult {
  readonly environment: string;
  readonly connectorId: string;
  readonly differences: readonly DriftEntry[];
  /** More differences than a report lists ({@link MAX_PER_FILE} per file). */
  readonly truncated: boolean;
}

/** A file's JSON differences listed at most (a connector replaced wholesale would list every member). */
export const MAX_PER_FILE = 200;

/**
 * Compares a connector (overlays applied, as a deploy would send it) with the custom connector of
 * the same id in an environment, sending nothing: the swagger member by member, `apiProperties`'
 * members that paconn's download keeps (OAuth client secrets, which the service never gives back,
 * left out on both sides), and the icon and custom code byte for byte. What a `deploy --dry-run`
 * prints; no differences means a deploy would change nothing.
 */
export async function connectorDrift(connector: Connector, options: DriftOptions): Promise<DriftResult> {
  const { settings, environment, connectorId, client } = deployTarget(connector, options, 'compare with');
  if (!connectorId)
    throw new FlowportError(
      'USAGE',
      "No deployed connector to compare with: pass --connector-id <id>, or set `connectorId` in settings.json (a deploy without one creates a new connector; `flowport environments <id>` lists an environment's connectors).",
    );
  const local = deployPayload(connector, {
    environment,
    create: false,
    ...(options.keepStackOwner && { keepStackOwner: true }),
  }).body.properties as JsonObject;
  const { remote, swagger } = await readDeployed(client, connectorId);
  const differences: DriftEntry[] = [];
  let truncated = false;
  const compare = (file: string, prefix: string, deployed: JsonValue, mine: JsonValue) => {
    const found = jsonDifferences(deployed, mine, MAX_PER_FILE + 1);
    if (found.length > MAX_PER_FILE) truncated = true;
    for (const d of found.slice(0, MAX_PER_FILE))
      differences.push({
        file,
        pointer: `${prefix}${d.pointer}`,
        ...(d.left !== undefined && { deployed: d.left }),
        ...(d.right !== undefined && { local: d.right }),
      });
  };
  compare('apiDefinition.swagger.json', '', swagger, local.openApiDefinition as JsonValue);
  compare(
    'apiProperties.json',
    '/properties',
    withoutClientSecrets(keptProperties(remote)),
    withoutClientSecrets(keptProperties(local)),
  );
  const uploads = filesToUpload(connector, settings);
  for (const [kind, key, what] of [
    ['icon', 'iconUri', 'the icon'],
    ['script', 'scriptDefinitionUrl', 'the custom code'],
  ] as const) {
    const mine = uploads[kind];
    const url = ownString(remote, key);
    const theirs = url && /^https?:\/\//.test(url) ? await client.file(url, what) : undefined;
    if (!mine && !theirs) continue;
    if (mine && theirs && Buffer.from(mine.bytes).equals(Buffer.from(theirs))) continue;
    differences.push({
      file: mine?.name ?? (kind === 'icon' ? 'icon.png' : 'script.csx'),
      ...(theirs && { deployedBytes: theirs.length }),
      ...(mine && { localBytes: mine.bytes.length }),
    });
  }
  return { environment, connectorId, differences, truncated };
}

/** `properties` without the OAuth client secret of any connection parameter (a copy). */
function withoutClientSecrets(properties: JsonObject): JsonObject {
  const copy = structuredClone(properties);
  const strip = (params: JsonValue | undefined) => {
    if (!isObject(params)) return;
    for (const p of Object.values(params)) {
      const key = isObject(p) ? caselessKey(p, 'oAuthSettings') : undefined;
      const settings = key ? ownObject(p, key) : undefined;
      if (settings) delete settings.clientSecret;
    }
  };
  strip(copy.connectionParameters);
  const values = ownObject(copy, 'connectionParameterSets')?.values;
  if (Array.isArray(values)) for (const set of values) if (isObject(set)) strip(set.parameters);
  return copy;
}
