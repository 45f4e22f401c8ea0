import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { BackgroundReply, BackgroundRequest } from './background.ts';

/**
 * The worker of a background validator (src/validate/background.ts): it answers one request after
 * another. The compile cache is per thread: turned on before the validator's modules load, it spares
 * compiling (from a checkout, type-stripping) them again on every start.
 */
module.enableCompileCache?.();
const { runWork } = await import('./background.ts');
const post = (reply: BackgroundReply) => parentPort?.postMessage(reply);
parentPort?.on('message', async ({ id, ...work }: BackgroundRequest) => {
  try {
    post({ id, value: await runWork(work) });
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    post({
      id,
      error: {
        message: String((error as Error)?.message ?? error),
        ...(typeof code === 'string' && { code }),
      },
    });
  }
});
