import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.ts';
import { FORMAT } from './cache-entry.ts';
import type { FlowportConfig } from './config.ts';
import { type JobOptions, validateMany } from './pool.ts';
import type { Outcome } from './run-one.ts';

/** Where `flowport validate --cache` keeps its results unless told otherwise. */
export const DEFAULT_CACHE_DIR = '.flowportcache';

/** Entries not used for this long are deleted at the end of a cached run. */
const KEEP_MS = 30 * 24 * 3600 * 1000;

export interface CacheOptions extends JobOptions {
  /** Cache folder; default `.flowportcache` in the working directory. */
  readonly dir?: string;
  readonly threads?: number;
}

/** Figures of one cached run, for the CLI to print. */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly dir: string;
}

/**
 * Like {@link validateMany}, but a source whose files, rules and settings are the same as in an
 * earlier run takes that run's result from the cache folder instead of being validated again (as
 * ESLint's `--cache` does; the key is a content hash, so touching a file without changing it keeps
 * its entry). The key covers the source's path as given, every file of the connector (the bytes of
 * those flowport reads, the names of the others), the preset and config, and flowport's code: its
 * version and the newest modification time of its own files, so that a changed rule from a checkout
 * is never answered from the cache.
 */
export async function validateManyCached(
  sources: readonly string[],
  options: CacheOptions = {},
): Promise<{ outcomes: Outcome[]; stats: CacheStats }> {
  const { dir = DEFAULT_CACHE_DIR, ...job } = options;
  const folder = resolve(dir);
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    // A cache that cannot be written still answers what it holds; misses are only not stored.
  }
  // Each thread of the pool reads a source once, looks its key up and validates it only on a miss.
  const outcomes = await validateMany(sources, {
    ...job,
    cache: { folder, scope: scopeOf(job.preset, job.config) },
  });
  prune(folder);
  const hits = outcomes.filter((o) => o.cached).length;
  return { outcomes, stats: { hits, misses: sources.length - hits, dir: folder } };
}

/** What every key of a run shares: the entry format, flowport's code, the preset and the config (custom rules too). */
function scopeOf(preset: string | undefined, config: FlowportConfig | undefined): string {
  return JSON.stringify([
    FORMAT,
    VERSION,
    codeStamp(),
    preset ?? null,
    config?.preset ?? null,
    config?.rules ?? null,
    config?.customRules ?? null,
  ]);
}

let stamp: number | undefined;

/**
 * Newest modification time of flowport's own code: the sources' folder from a checkout (`.ts`),
 * the bundle's folder when installed.
 */
function codeStamp(): number {
  if (stamp !== undefined) return stamp;
  const root = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '..' : '.', import.meta.url));
  let newest = 0;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  stamp = newest;
  return newest;
}

/** Deletes entries (and temporary files left by killed runs) not used for 30 days. */
function prune(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const oldest = Date.now() - KEEP_MS;
  for (const name of names) {
    if (!name.endsWith('.json') && !name.endsWith('.tmp')) continue;
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs < oldest) unlinkSync(path);
    } catch {
      // gone already
    }
  }
}
