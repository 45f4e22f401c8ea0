import { availableParallelism } from 'node:os';
import { type Outcome, type RunOptions, runOne } from './run-one.ts';

export interface ManyOptions extends RunOptions {
  /** Threads to use, the main one included; default: the machine's cores, at most 4. 1 = no workers. */
  readonly threads?: number;
  /** Called after each source, in completion order. */
  readonly onProgress?: (done: number, total: number, source: string) => void;
}

// Below this many sources a worker's start-up costs more than it saves.
const MIN_SOURCES_FOR_WORKERS = 8;

const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.mjs', import.meta.url);

/**
 * Validates many sources using every core: the main thread starts at once while worker threads
 * load, and all of them take the next source from one shared queue. Outcomes come back in input
 * order.
 */
export async function validateMany(
  sources: readonly string[],
  options: ManyOptions = {},
): Promise<Outcome[]> {
  const { onProgress, threads: wanted, ...runOptions } = options;
  const threads = Math.max(1, wanted ?? Math.min(4, availableParallelism()));
  const outcomes: Outcome[] = new Array(sources.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  const finish = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    done++;
    onProgress?.(done, sources.length, outcome.source);
  };

  const workers: Promise<void>[] = [];
  if (threads > 1 && sources.length >= MIN_SOURCES_FOR_WORKERS) {
    // Loaded here: `node:worker_threads` costs a fresh process checking one connector a few ms.
    const { Worker } = await import('node:worker_threads');
    for (let w = 0; w < threads - 1; w++) {
      workers.push(
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: { sources, next, options: runOptions } });
          worker.on('message', (m: { index: number; outcome?: Outcome; crash?: string }) => {
            if (m.outcome) finish(m.index, m.outcome);
            else reject(new Error(`validation worker failed on ${sources[m.index]}: ${m.crash}`));
          });
          worker.on('error', reject);
          worker.on('exit', () => resolve());
        }),
      );
    }
  }
  // The main thread works too, yielding now and then so that workers' results are taken in.
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= sources.length) break;
    finish(index, runOne(sources[index] as string, runOptions));
    if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return outcomes;
}
