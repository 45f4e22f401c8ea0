#!/usr/bin/env node
// Cache compiled (and type-stripped) modules between runs: a CLI is started often and briefly.
import { existsSync } from 'node:fs';
import module from 'node:module';

module.enableCompileCache?.();
// In a checkout, run the TypeScript sources (Node ≥ 22.18 strips types); the published package
// carries only the bundled dist/cli.mjs.
const src = new URL('../src/cli/main.ts', import.meta.url);
const entry = existsSync(src) ? src : new URL('../dist/cli.mjs', import.meta.url);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
