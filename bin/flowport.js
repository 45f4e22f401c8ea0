#!/usr/bin/env node
// Cache compiled (and type-stripped) modules between runs: a CLI is started often and briefly.
// Built-ins without `import`, which would make ESM facades of them (see rolldown.config.ts).
const { existsSync } = process.getBuiltinModule('node:fs');
const module = process.getBuiltinModule('node:module');

module.enableCompileCache?.();
// Output piped into a reader that stops early (`flowport run --help | head`): the reader is gone,
// so stop quietly, as other command-line tools do, instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `flowport: needs Node.js 22.12 or newer; this is ${process.version}. Install a current LTS release and run it again. [NODE_TOO_OLD]\n`,
  );
  process.exit(2);
}
const argv = process.argv.slice(2);
// In a checkout, run the TypeScript sources (Node ≥ 22.18 strips types); the published package
// carries only the bundled dist/.
const src = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(src)) {
  if (!process.features.typescript) {
    process.stderr.write(
      `flowport: a checkout runs its TypeScript sources, which needs Node.js 22.18 or newer; this is ${process.version}. Run it as \`npx flowport …\`, which uses the Node.js the project pins. [NODE_TOO_OLD]\n`,
    );
    process.exit(2);
  }
  const { main } = await import(src.href);
  process.exitCode = await main(argv);
} else if (argv[0] === 'validate') {
  // `validate` runs nearly every function of the rules and of the validate chunk: compiled eagerly,
  // they all land in the compile cache, and later runs load them instead of compiling each on its
  // first call (a third of a fresh process). Only these: eager compilation of code that does not run
  // is a loss.
  const v8 = module.createRequire(import.meta.url)('node:v8');
  v8.setFlagsFromString('--no-lazy');
  let validateFast;
  try {
    ({ validateFast } = await import('../dist/validate.mjs'));
  } finally {
    v8.setFlagsFromString('--lazy');
  }
  // Usual arguments without commander (`validateFast`); help, errors and the rest with the validate
  // command alone. Either way the other commands and their libraries stay unloaded.
  const code = await validateFast(argv);
  if (code !== undefined) process.exitCode = code;
  else {
    const { validateMain } = await import('../dist/validate-command.mjs');
    process.exitCode = await validateMain(argv);
  }
} else {
  const { main } = await import('../dist/cli.mjs');
  process.exitCode = await main(argv);
}
