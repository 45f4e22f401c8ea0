#!/usr/bin/env node
// Runs the TypeScript sources directly (Node ≥ 22.18 / 23.6 strips types); a published package runs dist/.
import { existsSync } from 'node:fs';

const src = new URL('../src/cli/main.ts', import.meta.url);
const { main } = await import(existsSync(src) ? src.href : new URL('../dist/cli/main.js', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
