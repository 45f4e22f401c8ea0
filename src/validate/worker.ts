import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import { packOutcome } from './outcome-transfer.ts';
import type { Job, WorkerMessage } from './pool.ts';

/**
 * A validation worker of a pool (src/validate/pool.ts). It lives as long as the pool and takes one
 * job at a time; a job's sources come from one queue shared with the other threads (an index in a
 * SharedArrayBuffer taken with `Atomics.add`), so no thread waits for another to hand out work.
 *
 * The compile cache is per thread: turned on before the validator's ~400 modules load, it spares a
 * worker compiling (from a checkout, type-stripping) them again on every start.
 */
module.enableCompileCache?.();
const { runOne } = await import('./run-one.ts');
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
parentPort?.on('message', ({ job, sources, next, options }: Job) => {
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= sources.length) break;
    try {
      post({ job, index, outcome: packOutcome(runOne(sources[index] as string, options)) });
    } catch (error) {
      post({ job, index, crash: String((error as Error)?.stack ?? error) });
      break;
    }
  }
  post({ job, done: true });
});
