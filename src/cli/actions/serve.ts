import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { discoverConnectors } from '../../connector/discover.ts';
import { type RawFile, readFolder } from '../../connector/files.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import { applyOverlays } from '../../connector/overlay.ts';
import { isFlowportError } from '../../errors.ts';
import { type AppDeps, createApp } from '../../server/app.ts';
import { importConnector } from '../../server/import.ts';
import { listen, type RunningServer } from '../../server/lifecycle.ts';
import { refreshLockFor } from '../../server/oauth/refresh-lock.ts';
import { openStore } from '../../store/open.ts';
import type { Store } from '../../store/types.ts';
import type { PresetName } from '../../validate/rule.ts';
import type { Io } from '../commands/validate.ts';
import { flowportHome, writeAdminToken } from '../home.ts';
import { readOverlays } from '../overlay-flag.ts';

export interface ServeFlags {
  port: number;
  host: string;
  publicUrl?: string;
  home?: string;
  databaseUrl?: string;
  backend: string[];
  preset?: PresetName;
  watch: boolean;
  logLevel: string;
  /** Requests per minute per API token; 0 turns the limit off. */
  rateLimit?: number;
  /** Backend calls per minute per connection, in this process (default 500); 0 turns the limit off. */
  connectionRateLimit?: number;
  /** This node's name in trigger leases (Postgres; default host:pid). */
  nodeId?: string;
  /** Base URL backends send webhook callbacks to (default the public URL). */
  callbackUrl?: string;
  /** `--no-triggers`: this node runs no polls or deliveries. */
  triggers?: boolean;
  /** Allow sink URLs on internal addresses (default: only when the public URL is one). */
  privateSinks?: boolean;
  /** Apply each connector folder's `overlays/<name>.json` before importing it. */
  overlayName?: string;
}

export interface StartedServer {
  readonly server: RunningServer;
  readonly store: Store;
  /** Set on the first start: the admin's token, shown once. */
  readonly adminToken: string | undefined;
  readonly imported: readonly {
    id: string;
    version: number;
    errors: number;
    path: string;
    /** The overlay file applied (`--overlay-name`), when the folder has one. */
    overlay?: string;
  }[];
  stop(): Promise<void>;
}

function parseBackends(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`\`--backend ${pair}\` must be \`connectorId=https://host/basePath\`.`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * A connector folder's files as the server imports them: with `overlayName`, its
 * `overlays/<name>.json` applied to the swagger and apiProperties.json (as `deploy --overlay` applies
 * it); `overlay` is the file applied, undefined when the folder has none (imported as it is).
 */
function folderFiles(folder: string, overlayName?: string): { files: RawFile[]; overlay?: string } {
  const files = readFolder(folder).filter((f) => f.bytes.length > 0);
  if (overlayName === undefined) return { files };
  const overlay = join(folder, 'overlays', `${overlayName}.json`);
  if (!existsSync(overlay)) return { files };
  const original = connectorFromFiles(files, { source: folder });
  const overlaid = applyOverlays(original, readOverlays([overlay]));
  const changed = new Map<string, Uint8Array>();
  for (const kind of ['swagger', 'apiProperties'] as const) {
    const file = overlaid.files[kind];
    if (file && file.text !== original.files[kind]?.text) changed.set(file.name, file.bytes);
  }
  const patched = files.map((f) => {
    const bytes = changed.get(f.name);
    changed.delete(f.name);
    return bytes ? { name: f.name, bytes } : f;
  });
  // A document the folder lacked and the overlay created (an apiProperties.json of its own).
  for (const [name, bytes] of changed) patched.push({ name, bytes });
  return { files: patched, overlay };
}

async function importFolder(
  deps: AppDeps,
  folder: string,
  preset: PresetName | undefined,
  overlayName: string | undefined,
) {
  const { files, overlay } = folderFiles(folder, overlayName);
  const result = await importConnector(
    deps.store,
    deps.registry,
    { files, sourcePath: folder, ...(preset && { preset }) },
    deps.validator,
  );
  return { ...result, overlay };
}

/**
 * Starts `flowport serve`: opens the store (SQLite under the home folder, or Postgres), creates the
 * first admin on an empty store, imports the connector folders given, starts the API and reloads a
 * folder when its files change.
 */
export async function startServer(
  dirs: readonly string[],
  flags: ServeFlags,
  io: Io,
): Promise<StartedServer> {
  const home = flowportHome(flags.home);
  const databaseUrl = flags.databaseUrl ?? process.env.FLOWPORT_DATABASE_URL;
  const store = await openStore({ home, ...(databaseUrl && { databaseUrl }) });
  let adminToken: string | undefined;
  if ((await store.countUsers()) === 0) {
    const admin = await store.createUser('admin', 'admin');
    adminToken = (await store.createToken(admin.id, 'first start')).token;
    writeAdminToken(home, adminToken);
  }
  const publicUrl =
    flags.publicUrl ?? `http://${flags.host.includes(':') ? `[${flags.host}]` : flags.host}:${flags.port}`;
  // One OAuth refresh per connection across every process sharing a Postgres store.
  const refresh = refreshLockFor(databaseUrl);
  const app = await createApp({
    store,
    publicUrl,
    oauth: { lock: refresh.lock },
    ...(flags.rateLimit !== undefined && {
      rateLimit: flags.rateLimit === 0 ? false : { max: flags.rateLimit },
    }),
    ...(flags.connectionRateLimit !== undefined && { connectionRateLimit: flags.connectionRateLimit }),
    logger: { level: flags.logLevel },
    backendOverrides: parseBackends(flags.backend),
    triggers: {
      run: flags.triggers !== false,
      ...(flags.nodeId && { nodeId: flags.nodeId }),
      ...(flags.callbackUrl && { callbackBaseUrl: flags.callbackUrl }),
      ...(flags.privateSinks !== undefined && { privateSinks: flags.privateSinks }),
    },
  });
  const folders = dirs.flatMap((d) => discoverConnectors(resolve(d)));
  const imported: StartedServer['imported'][number][] = [];
  for (const folder of folders) {
    try {
      const result = await importFolder(app.flowport, folder, flags.preset, flags.overlayName);
      imported.push({
        id: result.info.id,
        version: result.version.version,
        errors: result.version.validation.errors,
        path: folder,
        ...(result.overlay && { overlay: result.overlay }),
      });
    } catch (error) {
      io.stderr.write(
        `flowport: cannot load ${folder}: ${isFlowportError(error) || error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  const server = await listen(app, { port: flags.port, host: flags.host });

  const watchers: FSWatcher[] = [];
  if (flags.watch) {
    const timers = new Map<string, NodeJS.Timeout>();
    for (const dir of dirs) {
      const root = resolve(dir);
      try {
        watchers.push(
          watch(root, { recursive: true }, (_event, name) => {
            if (!name) return;
            const changed = resolve(root, name.toString());
            const folder = discoverConnectors(root).find((f) => changed === f || changed.startsWith(f + sep));
            if (!folder) return;
            clearTimeout(timers.get(folder));
            timers.set(
              folder,
              setTimeout(() => {
                timers.delete(folder);
                importFolder(app.flowport, folder, flags.preset, flags.overlayName)
                  .then((r) => {
                    if (!r.created) return;
                    const breaking = r.breaking?.summary.error ?? 0;
                    const note =
                      breaking > 0
                        ? `; ${breaking} ${breaking === 1 ? 'change breaks' : 'changes break'} flows built on version ${r.version.version - 1}, see \`flowport breaking\``
                        : '';
                    io.stdout.write(
                      `flowport: reloaded ${r.info.id} (version ${r.version.version}, ${r.version.validation.errors} errors${note})\n`,
                    );
                  })
                  .catch((error: unknown) =>
                    io.stderr.write(
                      `flowport: cannot reload ${folder}: ${error instanceof Error ? error.message : String(error)}\n`,
                    ),
                  );
              }, 300),
            );
          }),
        );
      } catch {
        io.stderr.write(`flowport: cannot watch ${root}; changes will not be reloaded.\n`);
      }
    }
  }
  return {
    server,
    store,
    adminToken,
    imported,
    stop: async () => {
      for (const w of watchers) w.close();
      await server.close('stop');
      await refresh.close();
    },
  };
}

/** What the start-up list says of a folder's overlay under `--overlay-name` (nothing without it). */
function overlayNote(applied: string | undefined, name: string | undefined): string {
  if (applied) return `, overlay ${applied}`;
  return name === undefined ? '' : `, no overlays/${name}.json: as it is`;
}

export async function runServe(dirs: string[], flags: ServeFlags, io: Io): Promise<number> {
  const started = await startServer(dirs, flags, io);
  const { server } = started;
  const out: string[] = [`flowport serve on ${server.url} (${started.store.engine})`];
  for (const c of started.imported)
    out.push(
      `  connector ${c.id} v${c.version}${c.errors ? ` — ${c.errors} validation errors` : ''}  (${c.path}${overlayNote(c.overlay, flags.overlayName)})`,
    );
  if (started.adminToken) {
    out.push(
      '',
      'First start: an admin user was created. Its API token (shown once; also saved in the home folder as admin.token):',
      `  ${started.adminToken}`,
    );
  }
  out.push('', `API: ${server.url}/api/v1 (described at ${server.url}/api/openapi.json). Stop with Ctrl-C.`);
  io.stdout.write(`${out.join('\n')}\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      started.stop().then(resolveStop, resolveStop);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
