import { defineConfig } from 'rolldown';

/**
 * The published CLI: one ESM file, so a fresh `flowport` process loads one module instead of ~200
 * (start-up time is part of the benchmark). The library itself ships as sources/declarations.
 */
export default defineConfig({
  input: { cli: 'src/cli/main.ts', worker: 'src/validate/worker.ts' },
  platform: 'node',
  resolve: { mainFields: ['module', 'main'] },
  output: { dir: 'dist', format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
});
