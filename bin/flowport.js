#!/usr/bin/env node
// Cache compiled (and type-stripped) modules between runs: a CLI is started often and briefly.
import { existsSync } from 'node:fs';
import module from 'node:module';

module.enableCompileCache?.();
const argv = process.argv.slice(2);
// In a checkout, run the TypeScript sources (Node ≥ 22.18 strips types); the published package
// carries only the bundled dist/.
const src = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(src)) {
  const { main } = await import(src.href);
  process.exitCode = await main(argv);
} else if (argv[0] === 'validate') {
  // `validate` runs nearly every function of the rules: compiled eagerly, they all land in the
  // compile cache, and later runs load them instead of compiling each on its first call (a third of
  // a fresh process). Only this chunk: eager compilation of code that does not run is a loss.
  const v8 = module.createRequire(import.meta.url)('node:v8');
  v8.setFlagsFromString('--no-lazy');
  try {
    await import('../dist/rules.mjs');
  } finally {
    v8.setFlagsFromString('--lazy');
  }
  // The validate command alone: the other commands and their libraries stay unloaded.
  const { validateMain } = await import('../dist/validate.mjs');
  process.exitCode = await validateMain(argv);
} else {
  const { main } = await import('../dist/cli.mjs');
  process.exitCode = await main(argv);
}
