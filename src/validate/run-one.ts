import { readSource } from '../connector/files.ts';
import { connectorFromRead, loadConnectorSync, sourcePath } from '../connector/load.ts';
import type { ConnectorFileKind } from '../connector/model.ts';
import { isFlowportError } from '../errors.ts';
import { readCertificationPackage } from '../package/read.ts';
import { type CacheUse, cacheKey, readEntry, writeEntry } from './cache-entry.ts';
import type { FlowportConfig } from './config.ts';
import type { ValidationResult } from './engine.ts';
import type { PresetName } from './rule.ts';
import { type ValidateOptions, validateConnector } from './validate.ts';
import { validatePackage } from './validate-package.ts';

/** What validating one source gives: a result, or the error that kept it from being read. */
export interface Outcome {
  readonly source: string;
  readonly result?: ValidationResult;
  readonly error?: { readonly code: string; readonly message: string };
  /** Texts of the files findings point into, for code frames (when asked for). */
  readonly texts?: Partial<Record<ConnectorFileKind, string>>;
  /** The result came from the cache (`validateManyCached`). */
  readonly cached?: boolean;
}

export interface RunOptions {
  readonly preset?: PresetName;
  readonly config?: FlowportConfig;
  /** Keep the texts of files with positioned findings (the text report shows source lines). */
  readonly texts?: boolean;
  /** Take results of unchanged sources from this cache and store the others' (`validateManyCached`). */
  readonly cache?: CacheUse;
}

/** Loads and validates one source; only a `FlowportError` becomes an `error`, anything else is a bug. */
export function runOne(source: string, options: RunOptions): Outcome {
  try {
    // A certification package (a zip of zips) is checked for its layout instead; never cached.
    const pkg = readCertificationPackage(source);
    if (pkg) return { source, result: validatePackage(pkg, settings(options)) };
    if (options.cache) return runCached(source, options, options.cache);
    const connector = loadConnectorSync(source);
    const result = validateConnector(connector, settings(options));
    if (!options.texts) return { source, result };
    return { source, result, texts: positionedTexts(result, (kind) => connector.files[kind]?.text) };
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    return { source, error: { code: error.code, message: error.message } };
  }
}

/** The preset and config a run validates with. */
function settings(options: RunOptions): ValidateOptions {
  return {
    ...(options.preset && { preset: options.preset }),
    ...(options.config && { config: options.config }),
  };
}

/**
 * One source through the cache: its files are read once, for the key and, on a miss, for validating;
 * a miss's result is stored. Unreadable sources throw as in {@link runOne} and are never cached.
 */
function runCached(source: string, options: RunOptions, cache: CacheUse): Outcome {
  const path = sourcePath(source);
  const read = readSource(path);
  const key = cacheKey(source, read, cache.scope);
  const files = read.discovered.files;
  const textOf = (kind: ConnectorFileKind) => files[kind]?.text;
  const entry = readEntry(cache.folder, key);
  if (entry) {
    if (!options.texts) return { source, result: entry, cached: true };
    return { source, result: entry, cached: true, texts: positionedTexts(entry, textOf) };
  }
  const result = validateConnector(connectorFromRead(path, read), settings(options));
  writeEntry(cache.folder, key, result);
  if (!options.texts) return { source, result };
  return { source, result, texts: positionedTexts(result, textOf) };
}

/** Texts of the files a result's findings have positions in (for code frames), from `textOf`. */
export function positionedTexts(
  result: ValidationResult,
  textOf: (kind: ConnectorFileKind) => string | undefined,
): Partial<Record<ConnectorFileKind, string>> {
  const texts: Partial<Record<ConnectorFileKind, string>> = {};
  for (const d of result.diagnostics) {
    if (d.fileKind && d.line !== undefined && texts[d.fileKind] === undefined) {
      const text = textOf(d.fileKind);
      if (text !== undefined) texts[d.fileKind] = text;
    }
  }
  return texts;
}
