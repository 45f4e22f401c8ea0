import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const example = join(root, 'examples/tasklane');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'flowport-package-'));
const pkg = join(work, 'package');
const app = join(work, 'app');
let files: string[] = [];

// The package as `npm pack` makes it from the build `npm ci` ran (scripts off: no rebuild here),
// unpacked, with the checkout's node_modules standing in for what `npm install` would fetch.
const built = existsSync(join(root, 'dist/lib/index.js')) && existsSync(join(root, 'dist/cli.mjs'));

beforeAll(() => {
  if (!built) return;
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  execFileSync('tar', ['xzf', join(work, packed[0]!.filename), '-C', work]);
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(app, 'node_modules', 'flowport'));
  writeFileSync(join(app, 'package.json'), '{"type": "module"}');
}, 120_000);

function node(args: string[], cwd = app) {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!built)('the npm package', () => {
  it('holds the CLI, the library, the console and the docs, and no tests or sources', () => {
    for (const f of [
      'bin/flowport.js',
      'dist/cli.mjs',
      'dist/lib/index.js',
      'dist/lib/index.d.ts',
      'web/dist/index.html',
    ])
      expect(files, f).toContain(f);
    expect(files.some((f) => f.startsWith('docs/rules/'))).toBe(true);
    expect(files.filter((f) => /\.test\.|^src\/|^test\/|^bench\//.test(f))).toEqual([]);
  });

  it('runs as a command: version, validate (one and many, on worker threads), operations', () => {
    const bin = join(pkg, 'bin/flowport.js');
    expect(node([bin, '--version']).stdout.trim()).toBe(version);
    const validated = node([bin, 'validate', example]);
    expect(validated.code, validated.stderr).toBe(0);
    const many = node([
      bin,
      'validate',
      ...Array.from({ length: 8 }, () => example),
      '--format',
      'json',
      '--threads',
      '2',
    ]);
    expect(many.code, many.stderr).toBe(0);
    expect((JSON.parse(many.stdout) as { results: unknown[] }).results).toHaveLength(8);
    expect(node([bin, 'operations', example]).stdout).toMatch(/Tasklane — \d+ operations/);
  });

  it('imports as a library: load, validate, a validation pool on worker threads, build a request, version', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { createRuntime, createValidationPool, loadConnector, validateConnector, VERSION } from 'flowport';
const connector = await loadConnector(${JSON.stringify(example)});
const result = validateConnector(connector, { preset: 'certification' });
const runtime = createRuntime(connector);
await runtime.close();
const pool = createValidationPool({ threads: 2 });
const many = await pool.validateMany(Array.from({ length: 8 }, () => ${JSON.stringify(example)}));
await pool.close();
console.log(JSON.stringify({ operations: connector.operations.length, errors: result.summary.error, many: many.filter((o) => o.result).length, VERSION }));`,
    );
    const run = node(['use.mjs']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      operations: expect.any(Number),
      errors: 0,
      many: 8,
      VERSION: version,
    });
  });
});
