import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * A validation worker. Sources come from one queue shared with the other threads: an index in a
 * SharedArrayBuffer taken with `Atomics.add`, so no thread waits for another to hand out work.
 *
 * The compile cache is per thread: turned on before the validator's ~400 modules load, it spares a
 * worker compiling (from a checkout, type-stripping) them again on every run.
 */
module.enableCompileCache?.();
const { runOne } = await import('./run-one.ts');
const { sources, next, options } = workerData as {
  sources: string[];
  next: Int32Array;
  options: import('./run-one.ts').RunOptions;
};
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
