/**
 * Validation (and fixing, breaking-change comparison, and converting an uploaded API description) of
 * in-memory connector files off the caller's thread, for a server: each takes 0.1–0.5 s of CPU for a large connector, during which a server's
 * event loop would answer no other request. A worker thread does it instead; the caller awaits it.
 */
import type { Worker } from 'node:worker_threads';
import type { BreakingResult } from '../breaking/change.ts';
import { compareConnectors } from '../breaking/compare.ts';
import { connectorFromFiles } from '../connector/load.ts';
import type { ConvertOptions, ConvertResult } from '../convert/convert.ts';
import { FlowportError, type FlowportErrorCode } from '../errors.ts';
import type { ValidationResult } from './engine.ts';
import { type FilesFix, fixFiles, type NamedFile } from './fix-files.ts';
import type { PresetName } from './rule.ts';
import { validateConnector } from './validate.ts';
import { workerBeside } from './worker-url.ts';

/** What to validate files with: the preset, and the name of the connector (its folder or id). */
export interface FilesOptions {
  readonly preset: PresetName;
  readonly source: string;
}

export interface FixOptions extends FilesOptions {
  /** Also give the changes as a unified diff (as `validate --diff` shows them). */
  readonly diff?: boolean;
}

/** `fixFiles`' result, with the diff when asked for. */
export interface FixResult extends FilesFix {
  readonly diff?: string;
}

/** A connector's files and the name they are shown under. */
export interface NamedFiles {
  readonly files: readonly NamedFile[];
  readonly source: string;
}

/** Validates, fixes and compares connectors given as files. */
export interface ConnectorValidator {
  /** The connector's findings, as `validateConnector(connectorFromFiles(files))` gives them. */
  validate(files: readonly NamedFile[], options: FilesOptions): Promise<ValidationResult>;
  /** The changes `--fix` makes (see `fixFiles`). */
  fix(files: readonly NamedFile[], options: FixOptions): Promise<FixResult>;
  /** What `after` changes for flows built on `before` (see `compareConnectors`). */
  compare(before: NamedFiles, after: NamedFiles): Promise<BreakingResult>;
  /** An API description converted into a connector (see `convert`); optional for validators made elsewhere. */
  convert?(text: string, options: ConvertOptions): Promise<ConvertResult>;
  close(): Promise<void>;
}

/** One piece of work, on whichever thread does it. */
export type Work =
  | { readonly kind: 'validate'; readonly files: readonly NamedFile[]; readonly options: FilesOptions }
  | { readonly kind: 'fix'; readonly files: readonly NamedFile[]; readonly options: FixOptions }
  | { readonly kind: 'compare'; readonly before: NamedFiles; readonly after: NamedFiles }
  | { readonly kind: 'convert'; readonly text: string; readonly options: ConvertOptions };

/** What each kind of work gives. */
type Output = ValidationResult | FixResult | BreakingResult | ConvertResult;

/** A request as the worker receives it. */
export type BackgroundRequest = Work & { readonly id: number };

/** What the worker answers: the value, or the error the work threw (a bug, or a `FlowportError`). */
export type BackgroundReply =
  | { readonly id: number; readonly value: Output }
  | { readonly id: number; readonly error: { readonly message: string; readonly code?: string } };

/** The work itself, on whichever thread does it. */
export async function runWork(work: Work): Promise<Output> {
  if (work.kind === 'convert') {
    // Loaded on demand: the converter is not part of what validation loads.
    const { convert } = await import('../convert/convert.ts');
    return convert(work.text, work.options);
  }
  if (work.kind === 'compare') {
    const { before, after } = work;
    return compareConnectors(
      connectorFromFiles(before.files, { source: before.source }),
      connectorFromFiles(after.files, { source: after.source }),
    );
  }
  const { preset, source } = work.options;
  if (work.kind === 'validate')
    return validateConnector(connectorFromFiles(work.files, { source }), { preset });
  const fixed = fixFiles(work.files, { preset, source });
  if (!work.options.diff) return fixed;
  // Loaded on demand: `diff` is not part of what a plain validation loads.
  const { filesDiff } = await import('./fix-diff.ts');
  return { ...fixed, diff: filesDiff(work.files, fixed.files, fixed.changed) };
}

/** The methods over a way of doing work (here, or on a worker). */
function validatorOver(run: (work: Work) => Promise<Output>, close: () => Promise<void>): ConnectorValidator {
  return {
    validate: (files, options) => run({ kind: 'validate', files, options }) as Promise<ValidationResult>,
    fix: (files, options) => run({ kind: 'fix', files, options }) as Promise<FixResult>,
    compare: (before, after) => run({ kind: 'compare', before, after }) as Promise<BreakingResult>,
    convert: (text, options) => run({ kind: 'convert', text, options }) as Promise<ConvertResult>,
    close,
  };
}

/** Validation on the calling thread (tests, and a background validator whose worker was lost). */
export function inProcessValidator(): ConnectorValidator {
  return validatorOver(runWork, async () => undefined);
}

const workerUrl = workerBeside('background-worker', import.meta.url);

interface Pending {
  readonly work: Work;
  resolve(value: Output): void;
  reject(error: Error): void;
}

/**
 * A validator whose work runs on one worker thread, started on the first request (it loads the
 * validator, ~0.2 s) and kept; requests queue there in order. An idle worker does not keep the process
 * alive. If the worker is lost, its unanswered requests and all later ones run on the calling thread,
 * after `onLost` is told why.
 *
 * @example
 * const validator = createBackgroundValidator();
 * const result = await validator.validate(version.files, { preset: 'certification', source: 'tasklane' });
 * await validator.close();
 */
export function createBackgroundValidator(
  options: {
    /** Told once when the worker is lost (an error in it, or its exit). */
    readonly onLost?: (error: Error) => void;
    /** The worker's module; the default is `background-worker` beside this one (tests pass others). */
    readonly worker?: URL;
  } = {},
): ConnectorValidator {
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let lost = false;
  let closed = false;
  let ids = 0;

  const settle = (reply: BackgroundReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker?.unref();
    if ('value' in reply) waiting.resolve(reply.value);
    else waiting.reject(rebuilt(reply.error));
  };
  const lose = (error: Error) => {
    if (lost || closed) return;
    lost = true;
    worker = undefined;
    options.onLost?.(error);
    const orphans = [...pending.values()];
    pending.clear();
    for (const { work, resolve, reject } of orphans) runWork(work).then(resolve, reject);
  };
  const started = (): Worker => {
    if (worker) return worker;
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const w = new Worker(options.worker ?? workerUrl);
    w.on('message', settle);
    w.on('error', lose);
    w.on('exit', (code) => lose(new Error(`the validation worker stopped (exit code ${code})`)));
    worker = w;
    return w;
  };
  const run = (work: Work): Promise<Output> => {
    if (closed) return Promise.reject(new Error('the background validator is closed'));
    if (lost) return runWork(work);
    let w: Worker;
    try {
      w = started();
    } catch (error) {
      // A worker that cannot even start (its module missing from a build) is lost at once.
      lose(error as Error);
      return runWork(work);
    }
    const id = ++ids;
    return new Promise<Output>((resolve, reject) => {
      pending.set(id, { work, resolve, reject });
      w.ref();
      w.postMessage({ ...work, id } satisfies BackgroundRequest);
    });
  };
  return validatorOver(run, async () => {
    closed = true;
    const w = worker;
    worker = undefined;
    for (const { reject } of pending.values()) reject(new Error('the background validator is closed'));
    pending.clear();
    await w?.terminate();
  });
}

function rebuilt(error: { readonly message: string; readonly code?: string }): Error {
  return error.code
    ? new FlowportError(error.code as FlowportErrorCode, error.message)
    : new Error(error.message);
}

/**
 * Remembers the last `max` validation results by the files' contents, preset and source: a stored
 * version's findings are asked for again and again (the console's validation page), and the same
 * files always give the same findings.
 *
 * @example
 * const validator = rememberingValidator(createBackgroundValidator());
 */
export function rememberingValidator(inner: ConnectorValidator, max = 32): ConnectorValidator {
  const results = new Map<string, Promise<ValidationResult>>();
  return {
    ...inner,
    validate: (files, options) => {
      const key = contentKey(files, options);
      const known = results.get(key);
      if (known) {
        // Most recently used last: the first entry is the one to drop.
        results.delete(key);
        results.set(key, known);
        return known;
      }
      const result = inner.validate(files, options);
      results.set(key, result);
      // A failure is not remembered: the next call tries again.
      result.catch(() => {
        if (results.get(key) === result) results.delete(key);
      });
      if (results.size > max) results.delete(results.keys().next().value as string);
      return result;
    },
  };
}

function contentKey(files: readonly NamedFile[], options: FilesOptions): string {
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  hash.update(`${options.preset}\0${options.source}\0`);
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(`${file.name}\0${file.bytes.length}\0`);
    hash.update(file.bytes);
  }
  return hash.digest('base64');
}
