import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type PostedOutcome, unpackOutcome } from './outcome-transfer.ts';
import { type Outcome, type RunOptions, runOne } from './run-one.ts';
import { workerBeside } from './worker-url.ts';

export interface JobOptions extends RunOptions {
  /** Called after each source, in completion order. */
  readonly onProgress?: (done: number, total: number, source: string) => void;
}

export interface ManyOptions extends JobOptions {
  /**
   * Threads to use, the main one included; default: one less than the machine's cores, at most 4
   * (see {@link oneShotThreads}). 1 = no workers.
   */
  readonly threads?: number;
}

/**
 * Threads kept for validating many connectors again and again (a server, a watcher, a benchmark):
 * the workers load the validator once and stay warm between calls.
 */
export interface ValidationPool {
  /** Threads in use, the main one included. */
  readonly threads: number;
  /** Like {@link validateMany}; calls made while one runs wait for it. */
  validateMany(sources: readonly string[], options?: JobOptions): Promise<Outcome[]>;
  /** Stops the workers; the pool cannot be used afterwards. */
  close(): Promise<void>;
}

// Below this many sources a worker's start-up costs more than it saves.
const MIN_SOURCES_FOR_WORKERS = 8;

const workerUrl = workerBeside('worker', import.meta.url);

/** A job as a worker receives it: sources and one shared queue index, taken with `Atomics.add`. */
export interface Job {
  readonly job: number;
  readonly sources: readonly string[];
  readonly next: Int32Array;
  readonly options: RunOptions;
}

/** What a worker posts: an outcome, a failure (a bug, not a bad connector), or the end of its share. */
export type WorkerMessage =
  | { readonly job: number; readonly index: number; readonly outcome: PostedOutcome }
  | { readonly job: number; readonly index: number; readonly crash: string }
  | { readonly job: number; readonly done: true };

interface Running {
  onMessage(message: WorkerMessage): void;
  fail(error: Error): void;
}

const defaultThreads = () => Math.min(4, availableParallelism());

/**
 * Threads for one call of {@link validateMany}, whose workers start cold: one less than the cores, at
 * most 4. A fresh thread runs slow code until V8's compiler threads have optimised it, and with every
 * core validating they get no time: on 2 cores, `flowport validate` over 8 to 100 connectors took 8
 * to 15% longer on 2 threads than on 1 (the published build; 10 to 25% from a checkout), and over
 * 300 or all 709 as long (docs/validation.md). A pool kept warm has its code optimised already and
 * uses every core.
 */
const oneShotThreads = () => Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * Starts `threads - 1` worker threads at once (they load the validator while the caller goes on);
 * the main thread is the last one. Close the pool when done with it.
 *
 * @example
 * const pool = createValidationPool();
 * const outcomes = await pool.validateMany(['connectors/a', 'connectors/b']);
 * await pool.close();
 */
export function createValidationPool(options: { readonly threads?: number } = {}): ValidationPool {
  return new Pool(Math.max(1, options.threads ?? defaultThreads()));
}

/**
 * Validates many sources on several threads: the main thread starts at once while worker threads
 * load, and all of them take the next source from one shared queue. Outcomes come back in input
 * order. The workers are started for this call and stopped after it, so by default one core is left
 * to V8's compiler ({@link oneShotThreads}); callers that validate again and again keep a
 * {@link createValidationPool} instead, which uses every core.
 */
export async function validateMany(
  sources: readonly string[],
  options: ManyOptions = {},
): Promise<Outcome[]> {
  const { threads, ...job } = options;
  const pool = new Pool(
    sources.length < MIN_SOURCES_FOR_WORKERS ? 1 : Math.max(1, threads ?? oneShotThreads()),
  );
  try {
    return await pool.validateMany(sources, job);
  } finally {
    await pool.close();
  }
}

class Pool implements ValidationPool {
  readonly threads: number;
  private readonly workers: Worker[] = [];
  private running: Running | undefined;
  private jobs = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Set when a worker failed: the pool goes on with the main thread alone. */
  private broken: Error | undefined;

  constructor(threads: number) {
    this.threads = threads;
    if (threads <= 1) return;
    // Not imported at the top: `node:worker_threads` costs a fresh process checking one connector a few ms.
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    for (let w = 0; w < threads - 1; w++) {
      const worker = new Worker(workerUrl);
      worker.on('message', (m: WorkerMessage) => this.running?.onMessage(m));
      worker.on('error', (error) => this.lost(error));
      worker.on('exit', () => this.lost(new Error('a validation worker stopped')));
      // An idle pool does not keep the process alive; a running job refs its workers.
      worker.unref();
      this.workers.push(worker);
    }
  }

  validateMany(sources: readonly string[], options: JobOptions = {}): Promise<Outcome[]> {
    const run = this.queue.then(() => this.run(sources, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.running?.fail(new Error('the validation pool is closed'));
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private lost(error: Error): void {
    if (this.closed) return;
    this.broken ??= error;
    this.running?.fail(error);
  }

  private async run(sources: readonly string[], options: JobOptions): Promise<Outcome[]> {
    if (this.closed) throw new Error('the validation pool is closed');
    const { onProgress, ...runOptions } = options;
    const outcomes: Outcome[] = new Array(sources.length);
    let done = 0;
    const finish = (index: number, outcome: Outcome) => {
      outcomes[index] = outcome;
      done++;
      onProgress?.(done, sources.length, outcome.source);
      if (done === sources.length) end();
    };
    const next = new Int32Array(new SharedArrayBuffer(4));
    const workers = sources.length >= MIN_SOURCES_FOR_WORKERS && !this.broken ? this.workers : [];
    let failure: Error | undefined;
    let settle: (() => void) | undefined;
    let pending = workers.length;
    const finished = new Promise<void>((resolve) => {
      settle = resolve;
    });
    // Done when every worker has said so, or as soon as every outcome is in: a worker still
    // loading has nothing of this job left to do.
    const end = () => {
      if (pending === 0 || done === sources.length) settle?.();
    };
    if (workers.length > 0) {
      const id = ++this.jobs;
      this.running = {
        onMessage: (m) => {
          if (m.job !== id) return;
          if ('outcome' in m) finish(m.index, unpackOutcome(m.outcome));
          else if ('crash' in m)
            failure ??= new Error(`validation worker failed on ${sources[m.index]}: ${m.crash}`);
          else {
            pending--;
            end();
          }
        },
        fail: (error) => {
          failure ??= error;
          pending = 0;
          end();
        },
      };
      const job: Job = { job: id, sources, next, options: runOptions };
      for (const worker of workers) {
        worker.ref();
        worker.postMessage(job);
      }
    }
    end();
    try {
      // The main thread works too, yielding now and then so that workers' results are taken in.
      while (failure === undefined) {
        const index = Atomics.add(next, 0, 1);
        if (index >= sources.length) break;
        finish(index, runOne(sources[index] as string, runOptions));
        if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await finished;
    } finally {
      // After a failure, workers take no more of this job's sources.
      Atomics.store(next, 0, sources.length);
      this.running = undefined;
      for (const worker of workers) worker.unref();
    }
    if (failure) throw failure;
    return outcomes;
  }
}
