import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSource } from '../connector/files.ts';
import type { ConnectorFileKind } from '../connector/model.ts';
import { isFlowportError } from '../errors.ts';
import { VERSION } from '../version.ts';
import type { FlowportConfig } from './config.ts';
import type { ValidationResult } from './engine.ts';
import { type JobOptions, validateMany } from './pool.ts';
import { type Outcome, positionedTexts } from './run-one.ts';

/** Where `flowport validate --cache` keeps its results unless told otherwise. */
export const DEFAULT_CACHE_DIR = '.flowportcache';

/** Entries not used for this long are deleted at the end of a cached run. */
const KEEP_MS = 30 * 24 * 3600 * 1000;

/** Bump when the entry format or what a key covers changes. */
const FORMAT = 1;

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
  const scope = scopeOf(job.preset, job.config);
  const outcomes: (Outcome | undefined)[] = new Array(sources.length);
  const keys: (string | undefined)[] = new Array(sources.length);
  const misses: number[] = [];
  let done = 0;
  sources.forEach((source, i) => {
    const probe = probeSource(source, scope);
    keys[i] = probe?.key;
    const entry = probe && readEntry(folder, probe.key);
    if (!probe || !entry) {
      misses.push(i);
      return;
    }
    outcomes[i] = {
      source,
      result: entry,
      ...(job.texts && { texts: positionedTexts(entry, (kind) => probe.texts[kind]) }),
    };
    job.onProgress?.(++done, sources.length, source);
  });
  if (misses.length > 0) {
    const fresh = await validateMany(
      misses.map((i) => sources[i] as string),
      { ...job, onProgress: (_d, _t, source) => job.onProgress?.(++done, sources.length, source) },
    );
    mkdirSync(folder, { recursive: true });
    misses.forEach((i, n) => {
      const outcome = fresh[n] as Outcome;
      outcomes[i] = outcome;
      const key = keys[i];
      if (key && outcome.result) writeEntry(folder, key, outcome.result);
    });
  }
  prune(folder);
  return {
    outcomes: outcomes as Outcome[],
    stats: { hits: sources.length - misses.length, misses: misses.length, dir: folder },
  };
}

interface Probe {
  readonly key: string;
  readonly texts: Partial<Record<ConnectorFileKind, string>>;
}

/** The cache key of a source and its files' texts, or `undefined` when it cannot be read (no entry). */
function probeSource(source: string, scope: string): Probe | undefined {
  let read: ReturnType<typeof readSource>;
  try {
    read = readSource(source);
  } catch (error) {
    // Unreadable sources are validated, which reports them; they are never cached.
    if (isFlowportError(error)) return undefined;
    throw error;
  }
  // Loaded here, not at the top: a `validate` without `--cache` does not need node:crypto.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256').update(scope).update(`\0${read.type}\0${source}\0`);
  const texts: Partial<Record<ConnectorFileKind, string>> = {};
  for (const [kind, file] of Object.entries(read.discovered.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!file) continue;
    hash.update(`${kind}\0${file.name}\0${file.bytes.byteLength}\0`).update(file.bytes);
    if (file.text !== undefined) texts[kind as ConnectorFileKind] = file.text;
  }
  hash.update(`\0${[...read.discovered.otherFiles].sort().join('\0')}`);
  return { key: hash.digest('hex'), texts };
}

/** What every key of a run shares: the entry format, flowport's code, the preset and the config. */
function scopeOf(preset: string | undefined, config: FlowportConfig | undefined): string {
  return JSON.stringify([
    FORMAT,
    VERSION,
    codeStamp(),
    preset ?? null,
    config?.preset ?? null,
    config?.rules ?? null,
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

function readEntry(folder: string, key: string): ValidationResult | undefined {
  const path = join(folder, `${key}.json`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // absent, or damaged: validated again and rewritten
  }
  const result = (value as { result?: ValidationResult } | null)?.result;
  if (!result || !Array.isArray(result.diagnostics) || typeof result.summary !== 'object') return undefined;
  const now = new Date();
  try {
    utimesSync(path, now, now); // used: kept by `prune`
  } catch {
    // a read-only cache still answers
  }
  return result;
}

/** Writes an entry whole or not at all (a temporary file renamed), so concurrent runs never see half. */
function writeEntry(folder: string, key: string, result: ValidationResult): void {
  const path = join(folder, `${key}.json`);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, result }));
    renameSync(temporary, path);
  } catch {
    // A cache that cannot be written only makes the next run slower.
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
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
