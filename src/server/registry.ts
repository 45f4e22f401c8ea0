import { connectorFromFiles } from '../connector/load.ts';
import { createRuntime } from '../runtime/runtime.ts';
import type { TransportOptions } from '../runtime/send/transport.ts';
import type { Store } from '../store/types.ts';
import type { ConnectorRegistry, LoadedConnector } from './deps.ts';

export interface RegistryOptions {
  readonly store: Store;
  /** Base of links that route back through the server (`updatenextlink`). */
  readonly publicUrl: string;
  /** Most connector versions kept loaded; the least recently used is closed beyond it. Default 64. */
  readonly maxLoaded?: number;
  /**
   * Backend base URL per connector id, replacing the swagger's scheme, host and basePath: for tests
   * and staging (a local mock of `api.tasklane.io`). Set by whoever starts the server, never by the API.
   */
  readonly backendOverrides?: Readonly<Record<string, string>>;
  readonly transportOptions?: TransportOptions;
}

/** Where URLs made for a connector (`createNotificationUrl`, routed links) reach flowport again. */
export function relayBase(publicUrl: string, connectorId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/relay/${encodeURIComponent(connectorId)}`;
}

/**
 * Loads connector versions from the store on demand, one runtime per version (policies compiled
 * once, one keep-alive transport), least recently used closed past `maxLoaded`. The latest version
 * is asked of the store on every `get` without a version, so a version imported by another process
 * (Postgres) is seen at once.
 *
 * @example
 * const registry = createRegistry({ store, publicUrl: 'http://127.0.0.1:4321' });
 * const loaded = await registry.get('tasklane');
 */
export function createRegistry(options: RegistryOptions): ConnectorRegistry {
  const { store } = options;
  const max = options.maxLoaded ?? 64;
  const loaded = new Map<string, Promise<LoadedConnector | undefined>>();
  const overrides = new Map(Object.entries(options.backendOverrides ?? {}));
  // The key inserted last into `loaded`.
  let newest: string | undefined;

  async function load(id: string, version: number): Promise<LoadedConnector | undefined> {
    const stored = await store.getConnectorVersion(id, version);
    if (!stored) return undefined;
    const connector = connectorFromFiles(stored.files, { source: `${id}@${version}` });
    const baseUrl = overrides.get(id);
    const runtime = createRuntime(connector, {
      // Links and `createNotificationUrl` of this connector route back through `/relay/<id>` (relay.ts).
      runtimeBaseUrl: relayBase(options.publicUrl, id),
      ...(baseUrl !== undefined && { baseUrl }),
      ...(options.transportOptions && { transportOptions: options.transportOptions }),
    });
    return { id, version, connector, runtime };
  }

  async function drop(key: string): Promise<void> {
    const entry = loaded.get(key);
    loaded.delete(key);
    const value = await entry?.catch(() => undefined);
    await value?.runtime.close();
  }

  return {
    async get(connectorId, version) {
      const wanted = version ?? (await store.getConnector(connectorId))?.latestVersion;
      if (wanted === undefined) return undefined;
      const key = `${connectorId}@${wanted}`;
      let entry = loaded.get(key);
      if (entry) {
        // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
        // Not needed when it is the last one already (the usual case: one connector in use).
        if (key !== newest) {
          loaded.delete(key);
          loaded.set(key, entry);
          newest = key;
        }
      } else {
        entry = load(connectorId, wanted);
        loaded.set(key, entry);
        newest = key;
        // A failed or empty load is not cached: the version may appear (or the store recover).
        entry.then(
          (value) => {
            if (value === undefined && loaded.get(key) === entry) loaded.delete(key);
          },
          () => {
            if (loaded.get(key) === entry) loaded.delete(key);
          },
        );
        while (loaded.size > max) {
          const oldest = loaded.keys().next().value;
          if (oldest === undefined) break;
          await drop(oldest);
        }
      }
      return entry;
    },
    async invalidate(connectorId) {
      const prefix = `${connectorId}@`;
      await Promise.all([...loaded.keys()].filter((k) => k.startsWith(prefix)).map(drop));
    },
    async close() {
      await Promise.all([...loaded.keys()].map(drop));
    },
  };
}
