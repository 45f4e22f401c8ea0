import { defineConfig, type OutputOptions, type Plugin } from 'rolldown';

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
 * What `validateFast` (src/cli/validate-fast.ts) runs, which goes to `rules.mjs`; not the server's
 * background validator (`background.ts`), which a fresh `flowport validate` has no use for, nor the
 * package builder (`src/package-build/`, fflate and child processes), which lives outside `src/package/`.
 */
const VALIDATE_PATH =
  /[\\/]src[\\/](validate|connector|package)[\\/](?!background|fix|suggestion|reporters[\\/](sarif|junit))|[\\/]src[\\/](errors|lazy|package-root|version)\.ts$|[\\/]src[\\/]cli[\\/](exit\.ts|actions[\\/]validate\.ts)$/;

/**
 * Node built-ins of the chunks a fresh `flowport validate` loads, taken with `process.getBuiltinModule`
 * rather than imported: an ESM import of `node:fs` makes a module of all its exports, whose getters
 * load `fs/promises`, streams and readline (4% of that process). Only these chunks, which import one
 * another without cycles (validate → rules → runtime), since a `const` is set when its chunk runs.
 */
const builtinsWithoutImports: Plugin = {
  name: 'builtins-without-imports',
  renderChunk(code, chunk) {
    if (!['validate', 'rules', 'rolldown-runtime'].includes(chunk.name)) return null;
    return code.replace(/^import (.+) from "(node:[\w/]+)";$/gm, (statement, clause: string, id: string) => {
      const builtin = `process.getBuiltinModule(${JSON.stringify(id)})`;
      const named = /^\{ (.+) \}$/.exec(clause)?.[1];
      if (named) return `const { ${named.replaceAll(' as ', ': ')} } = ${builtin};`;
      if (/^[\w$]+$/.test(clause)) return `const ${clause} = ${builtin};`;
      throw new Error(`builtins-without-imports: cannot rewrite \`${statement}\` in ${chunk.fileName}.`);
    });
  },
};

/**
 * The published CLI: a few ESM files, so a fresh `flowport` process loads a handful of modules instead
 * of ~400 (start-up time is part of the benchmark). The library itself ships as sources/declarations.
 */
export default defineConfig([
  {
    // `validate`: `validateFast`, which bin/flowport.js starts for `validate`, and `validate-command`
    // the validate command alone (`validateMain`), for the arguments `validateFast` leaves to commander.
    input: {
      cli: 'src/cli/main.ts',
      validate: 'src/cli/validate-fast.ts',
      'validate-command': 'src/cli/commands/validate.ts',
    },
    platform: 'node',
    resolve: { mainFields: ['module', 'main'] },
    plugins: [builtinsWithoutImports],
    output: {
      ...output,
      // What `validateFast` runs (the rules, the loader, the engine, the reporters) in `rules.mjs`, which
      // `bin/flowport.js` imports with eager compilation, so that the compile cache holds all of it.
      chunkFileNames: (chunk) => (chunk.name === 'rules' ? '[name].mjs' : '[name]-[hash].mjs'),
      codeSplitting: { groups: [{ name: 'rules', test: VALIDATE_PATH }] },
    },
  },
  {
    // The runtime's policy templates for `policy-instance-invalid` (src/validate/policy-compile-lazy.ts):
    // a file of their own, required on first use, so a fresh `flowport validate` of a connector without
    // policies does not load them.
    input: { 'policy-compile': 'src/validate/policy-compile.ts' },
    platform: 'node',
    resolve: { mainFields: ['module', 'main'] },
    output: { ...output, codeSplitting: false },
  },
  {
    // Validation workers: one file of their own, whose compile cache entry (lazily compiled) is not
    // the eagerly compiled `rules.mjs` of the main thread.
    input: { worker: 'src/validate/worker.ts' },
    platform: 'node',
    resolve: { mainFields: ['module', 'main'] },
    output: { ...output, codeSplitting: false },
  },
  {
    // The server's background validator (src/validate/background.ts): validation off its event loop.
    input: { 'background-worker': 'src/validate/background-worker.ts' },
    platform: 'node',
    resolve: { mainFields: ['module', 'main'] },
    output: { ...output, codeSplitting: false },
  },
]);
