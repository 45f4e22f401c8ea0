import type { Connector } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { type Fetch, PowerAppsClient } from './client.ts';
import { type DeploySettings, deploySettings } from './settings.ts';

/** Where a deploy (or its dry run) goes: flags first, else settings.json. */
export interface TargetOptions {
  readonly token: string;
  readonly environment?: string;
  readonly connectorId?: string;
  readonly powerAppsUrl?: string;
  readonly apiVersion?: string;
  readonly fetch?: Fetch;
}

export interface Target {
  readonly settings: DeploySettings;
  readonly environment: string;
  /** Undefined: no connector yet (a deploy creates one). */
  readonly connectorId: string | undefined;
  readonly client: PowerAppsClient;
}

/**
 * The environment, connector id and resource provider client of a deploy; `USAGE` naming both ways
 * to give the environment when there is none (`doing`: "deploy to", "compare with").
 */
export function deployTarget(connector: Connector, options: TargetOptions, doing: string): Target {
  const settings = deploySettings(connector);
  const environment = options.environment ?? settings.environment;
  if (!environment)
    throw new FlowportError(
      'USAGE',
      `No environment to ${doing}: pass --environment <id> (a GUID, or Default-<tenant id>), or set \`environment\` in settings.json.`,
    );
  const client = new PowerAppsClient({
    baseUrl: (options.powerAppsUrl ?? settings.powerAppsUrl).replace(/\/+$/, ''),
    apiVersion: options.apiVersion ?? settings.powerAppsApiVersion,
    environment,
    token: options.token,
    ...(options.fetch && { fetch: options.fetch }),
  });
  return { settings, environment, connectorId: options.connectorId ?? settings.connectorId, client };
}
