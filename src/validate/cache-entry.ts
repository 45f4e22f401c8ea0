import { readFileSync, renameSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { readSource } from '../connector/files.ts';
import type { ValidationResult } from './engine.ts';

/** Bump when the entry format or what a key covers changes. */
export const FORMAT = 1;

/**
 * Where a run keeps its results and what all of its keys share (format, flowport's code, preset and
 * config: see `validateManyCached`). Plain data, handed to the pool's workers with each job.
 */
export interface CacheUse {
  readonly folder: string;
  readonly scope: string;
}

/**
 * The key of a source's entry: a SHA-256 of the run's scope, the source's path as given, the bytes
 * of every file flowport reads and the names of the other files (rules look at them).
 */
export function cacheKey(source: string, read: ReturnType<typeof readSource>, scope: string): string {
  // Loaded here, not at the top: a `validate` without `--cache` does not need node:crypto.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256').update(scope).update(`\0${read.type}\0${source}\0`);
  for (const [kind, file] of Object.entries(read.discovered.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!file) continue;
    hash.update(`${kind}\0${file.name}\0${file.bytes.byteLength}\0`).update(file.bytes);
  }
  hash.update(`\0${[...read.discovered.otherFiles].sort().join('\0')}`);
  return hash.digest('hex');
}

/** The result stored under `key`, or `undefined` when absent or damaged (validated again, rewritten). */
export function readEntry(folder: string, key: string): ValidationResult | undefined {
  const path = join(folder, `${key}.json`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const result = (value as { result?: ValidationResult } | null)?.result;
  if (!result || !Array.isArray(result.diagnostics) || typeof result.summary !== 'object') return undefined;
  const now = new Date();
  try {
    utimesSync(path, now, now); // used: kept by the pruning
  } catch {
    // a read-only cache still answers
  }
  return result;
}

/**
 * Writes an entry whole or not at all (a temporary file renamed), so that concurrent runs, and the
 * threads of one run, never see half of one.
 */
export function writeEntry(folder: string, key: string, result: ValidationResult): void {
  const path = join(folder, `${key}.json`);
  // Not imported at the top: node:worker_threads costs a fresh process checking one connector time.
  const { threadId } = process.getBuiltinModule('node:worker_threads');
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
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
