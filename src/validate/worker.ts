import { parentPort, workerData } from 'node:worker_threads';
import { type RunOptions, runOne } from './run-one.ts';

/**
 * A validation worker. Sources come from one queue shared with the other threads: an index in a
 * SharedArrayBuffer taken with `Atomics.add`, so no thread waits for another to hand out work.
 */
const { sources, next, options } = workerData as { sources: string[]; next: Int32Array; options: RunOptions };
for (;;) {
  const index = Atomics.add(next, 0, 1);
  if (index >= sources.length) break;
  try {
    parentPort?.postMessage({ index, outcome: runOne(sources[index] as string, options) });
  } catch (error) {
    parentPort?.postMessage({ index, crash: String((error as Error)?.stack ?? error) });
    break;
  }
}
