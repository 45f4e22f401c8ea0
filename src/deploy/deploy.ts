import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Connector } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { putBlob } from './blob.ts';
import type { Fetch } from './client.ts';
import { deployPayload } from './payload.ts';
import type { DeploySettings } from './settings.ts';
import { deployTarget } from './target.ts';
import { objectIdOf } from './token.ts';

export interface DeployOptions {
  /** A Microsoft Entra access token for https://service.powerapps.com/. */
  readonly token: string;
  /** Environment id (a GUID or `Default-<tenant>`); default: settings.json's `environment`. */
  readonly environment?: string;
  /** Update this connector; default: settings.json's `connectorId`; neither: create one. */
  readonly connectorId?: string;
  readonly clientSecret?: string;
  /** Default: settings.json's `powerAppsUrl`, else https://api.powerapps.com. */
  readonly powerAppsUrl?: string;
  readonly apiVersion?: string;
  readonly keepStackOwner?: boolean;
  /** Ask the resource provider to validate the swagger first, as paconn does; default true. */
  readonly validate?: boolean;
  readonly fetch?: Fetch;
  readonly onStep?: (step: string) => void;
}

export interface DeployResult {
  readonly action: 'created' | 'updated';
  readonly connectorId: string;
  readonly environment: string;
  readonly uploaded: readonly string[];
  readonly secretsSet: readonly string[];
  readonly strippedStackOwner: boolean;
}

/**
 * Creates or updates the connector as a custom connector of a Power Platform environment, as
 * `paconn create` / `paconn update` do (certification spec §5.3): validate the swagger, upload the
 * icon and custom code to the storage the resource provider gives, then create (POST) or update
 * (PATCH) the connector. Throws `USAGE` without an environment, `AUTH_UNSUPPORTED` for a token
 * without `oid`, `API_PROBLEM` with the resource provider's error when a call fails.
 *
 * @example
 * const { connectorId } = await deployConnector(await loadConnector('my-connector'), { token, environment: 'Default-…' });
 */
export async function deployConnector(connector: Connector, options: DeployOptions): Promise<DeployResult> {
  const { settings, environment, connectorId, client } = deployTarget(connector, options, 'deploy to');
  const create = connectorId === undefined;
  const payload = deployPayload(connector, {
    environment,
    create,
    ...(options.clientSecret !== undefined && { clientSecret: options.clientSecret }),
    ...(options.keepStackOwner && { keepStackOwner: true }),
  });
  const objectId = objectIdOf(options.token);
  const step = options.onStep ?? (() => {});
  const properties = payload.body.properties as Record<string, unknown>;
  if (options.validate !== false) {
    step('validating the swagger (validateApiSwagger)');
    await client.validateSwagger(objectId, properties.openApiDefinition as never);
  }
  const uploads = filesToUpload(connector, settings);
  const uploaded: string[] = [];
  if (uploads.icon || uploads.script) {
    step('asking for upload storage (generateResourceStorage)');
    const sas = await client.resourceStorage(objectId);
    for (const [key, file] of [
      ['iconUri', uploads.icon],
      ['scriptDefinitionUrl', uploads.script],
    ] as const) {
      if (!file) continue;
      step(`uploading ${file.name}`);
      properties[key] = await putBlob(sas, file.name, file.bytes, options.fetch);
      uploaded.push(file.name);
    }
  }
  // Without custom code, an update clears the connector's script, as paconn does.
  if (!uploads.script) properties.scriptDefinitionUrl = '';
  let id: string;
  if (create) {
    step(`creating the connector in ${environment}`);
    id = await client.create(payload.body);
  } else {
    step(`updating connector ${connectorId} in ${environment}`);
    await client.update(connectorId, payload.body);
    id = connectorId;
  }
  return {
    action: create ? 'created' : 'updated',
    connectorId: id,
    environment,
    uploaded,
    secretsSet: payload.secretsSet,
    strippedStackOwner: payload.strippedStackOwner,
  };
}

export interface Upload {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The icon and script: settings.json's paths when given (relative to the folder), else the folder's files. */
export function filesToUpload(
  connector: Connector,
  settings: DeploySettings,
): { icon: Upload | undefined; script: Upload | undefined } {
  const base = connector.sourceType === 'folder' ? connector.source : dirname(connector.source);
  const pick = (path: string | undefined, kind: 'icon' | 'script'): Upload | undefined => {
    if (path !== undefined) {
      try {
        return { name: basename(path), bytes: readFileSync(resolve(base, path)) };
      } catch {
        throw new FlowportError(
          'USAGE',
          `settings.json names ${kind} \`${path}\`, which cannot be read in ${base}.`,
        );
      }
    }
    const file = connector.files[kind];
    return file ? { name: file.name, bytes: file.bytes } : undefined;
  };
  return { icon: pick(settings.icon, 'icon'), script: pick(settings.script, 'script') };
}
