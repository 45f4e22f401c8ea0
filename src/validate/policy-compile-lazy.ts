import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { workerBeside } from './worker-url.ts';

type PolicyCompile = typeof import('./policy-compile.ts');

let loaded: PolicyCompile | undefined;

/**
 * `policy-compile` beside this module (the sources, the library or the bundle's own file), loaded
 * synchronously on first use: rules run synchronously, and most connectors have no policies.
 */
export function policyCompile(): PolicyCompile {
  loaded ??= createRequire(import.meta.url)(
    fileURLToPath(workerBeside('policy-compile', import.meta.url)),
  ) as PolicyCompile;
  return loaded;
}
