import { defineConfig } from 'rolldown';

/**
 * The published CLI: one ESM file, so a fresh `flowport` process loads one module instead of ~200
 * (start-up time is part of the benchmark). The library itself ships as sources/declarations.
 * ASCII output without JSDoc: Node's compile cache hashes each module's text as UTF-8, which is
 * quick for one-byte text and slow for the two-byte strings a single `—` in a comment makes.
 */
export default defineConfig({
  input: { cli: 'src/cli/main.ts', worker: 'src/validate/worker.ts' },
  platform: 'node',
  resolve: { mainFields: ['module', 'main'] },
  output: {
    dir: 'dist',
    format: 'esm',
    entryFileNames: '[name].mjs',
    chunkFileNames: '[name]-[hash].mjs',
    charset: 'ascii',
    comments: { legal: true, annotation: false, jsdoc: false },
  },
});
