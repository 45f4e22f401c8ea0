import { defineConfig, type OutputOptions } from 'rolldown';

/**
 * - ASCII output without JSDoc: Node's compile cache hashes each module's text as UTF-8, which is
 *   quick for one-byte text and slow for the two-byte strings a single `—` in a comment makes.
 */
const output: OutputOptions = {
  dir: 'dist',
  format: 'esm',
  entryFileNames: '[name].mjs',
  charset: 'ascii',
  comments: { legal: true, annotation: false, jsdoc: false },
};

/**
 * The published CLI: a few ESM files, so a fresh `flowport` process loads a handful of modules instead
 * of ~400 (start-up time is part of the benchmark). The library itself ships as sources/declarations.
 */
export default defineConfig([
  {
    // `validate`: the validate command alone (`validateMain`), which bin/flowport.js starts for it.
    input: { cli: 'src/cli/main.ts', validate: 'src/cli/commands/validate.ts' },
    platform: 'node',
    resolve: { mainFields: ['module', 'main'] },
    output: {
      ...output,
      // The rules and their helpers in `rules.mjs`, a name `bin/flowport.js` knows: `validate`
      // compiles it eagerly, so that the compile cache holds all of it (see there).
      chunkFileNames: (chunk) => (chunk.name === 'rules' ? '[name].mjs' : '[name]-[hash].mjs'),
      codeSplitting: { groups: [{ name: 'rules', test: /[\\/]src[\\/]validate[\\/](rules|helpers)[\\/]/ }] },
    },
  },
  {
    // Validation workers: one file of their own, whose compile cache entry (lazily compiled) is not
    // the eagerly compiled `rules.mjs` of the main thread.
    input: { worker: 'src/validate/worker.ts' },
    platform: 'node',
    resolve: { mainFields: ['module', 'main'] },
    output: { ...output, codeSplitting: false },
  },
]);
