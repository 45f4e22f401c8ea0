import { isObject, type JsonObject, ownString } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';

/** paconn's `settings.json` keys flowport reads (certification spec §5.4), with their defaults. */
export interface DeploySettings {
  readonly connectorId: string | undefined;
  readonly environment: string | undefined;
  readonly powerAppsUrl: string;
  readonly powerAppsApiVersion: string;
  /** Relative to the connector folder, as paconn writes them. */
  readonly icon: string | undefined;
  readonly script: string | undefined;
}

export const DEFAULT_POWERAPPS_URL = 'https://api.powerapps.com';
export const DEFAULT_API_VERSION = '2016-11-01';

/** The connector folder's `settings.json` as paconn writes it; defaults where it is silent or absent. */
export function deploySettings(connector: Connector): DeploySettings {
  const raw = connector.documents.settings?.value;
  const s: JsonObject | undefined = isObject(raw) ? raw : undefined;
  return {
    connectorId: ownString(s, 'connectorId') || undefined,
    environment: ownString(s, 'environment') || undefined,
    powerAppsUrl: (ownString(s, 'powerAppsUrl') || DEFAULT_POWERAPPS_URL).replace(/\/+$/, ''),
    powerAppsApiVersion: ownString(s, 'powerAppsApiVersion') || DEFAULT_API_VERSION,
    icon: ownString(s, 'icon') || undefined,
    script: ownString(s, 'script') || undefined,
  };
}
