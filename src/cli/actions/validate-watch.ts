import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { discoverConnectors } from '../../connector/discover.ts';
import { plural } from '../../validate/reporters/text.ts';
import { EXIT } from '../exit.ts';
import { type Io, runValidate, type ValidateFlags } from './validate.ts';

/** Quiet time after the last change to a connector before it is validated again. */
const SETTLE_MS = 200;
/** Folders of flowport's own that change without the connector changing. */
const OWN = /(^|[\\/])(\.flowportcache|\.flowport|node_modules|\.git)([\\/]|$)/;

/**
 * `flowport validate --watch`: validates the connectors once, then again each time one of their files
 * changes (only that connector, once its files have been quiet for a moment), until `signal` aborts.
 * Runs never overlap; each starts with the time and what changed.
 */
export async function watchValidate(
  paths: string[],
  flags: ValidateFlags,
  io: Io,
  signal: AbortSignal,
): Promise<number> {
  const once: ValidateFlags = { ...flags, watch: false, progress: false };
  let queue = runValidate(paths, once, io).catch((error: unknown) => report(io, error));
  await queue;
  const sources = paths.flatMap((p) => discoverConnectors(p)).map((s) => ({ given: s, at: resolve(s) }));
  const timers = new Map<string, NodeJS.Timeout>();
  const changed = (source: string) => {
    clearTimeout(timers.get(source));
    timers.set(
      source,
      setTimeout(() => {
        timers.delete(source);
        queue = queue.then(async () => {
          if (signal.aborted) return;
          io.stdout.write(`\n[${new Date().toLocaleTimeString()}] ${source} changed\n`);
          await runValidate([source], once, io).catch((error: unknown) => report(io, error));
        });
      }, SETTLE_MS),
    );
  };
  const watchers: FSWatcher[] = [];
  for (const { given, at } of sources) {
    // A folder is watched whole; a zip or a swagger file through its folder, by name.
    const folder = statSync(at, { throwIfNoEntry: false })?.isDirectory() === true;
    try {
      watchers.push(
        watch(folder ? at : dirname(at), { recursive: folder }, (_event, name) => {
          if (!name || OWN.test(name.toString())) return;
          if (!folder && name.toString() !== basename(at)) return;
          changed(given);
        }),
      );
    } catch {
      io.stderr.write(`flowport: cannot watch ${given}; its changes will not be validated.\n`);
    }
  }
  io.stderr.write(`flowport: watching ${plural(sources.length, 'connector')} for changes; Ctrl-C to stop.\n`);
  await new Promise<void>((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
  for (const w of watchers) w.close();
  for (const t of timers.values()) clearTimeout(t);
  await queue;
  return EXIT.ok;
}

/** A run that failed (a connector folder removed while watched, a bad config) is said, and watching goes on. */
function report(io: Io, error: unknown): void {
  io.stderr.write(`flowport: ${error instanceof Error ? error.message : String(error)}\n`);
}
