import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { validateMain } from './validate.ts';

/** Output and exit code of a CLI entry point. */
async function run(entry: typeof main, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await entry(argv, io);
  return { code, stdout, stderr };
}

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;

describe('validateMain', () => {
  it.each([
    [['validate', '--help']],
    [['validate']],
    [['validate', example, '--bogus']],
    [['validate', example, '--format', 'yaml']],
    [['validate', example, '--threads', '0']],
    [['validate', example, '--version']],
    [['validate', '/no/such/connector']],
    [['validate', example, '--no-color', '--format', 'json']],
    [['validate', example, '--no-color', '--preset', 'certification', '--fail-on', 'info']],
    [['validate', example, '--preset', 'certification', '--format', 'github']],
    [['validate', example, '--preset', 'certification', '--format', 'junit', '--fail-on', 'info']],
  ])('answers %j as the full CLI does', async (argv) => {
    const full = await run(main, argv);
    const alone = await run(validateMain, argv);
    const normalise = (s: string) => s.replace(/"generatedAt":\s*"[^"]*"/g, '');
    expect({ ...alone, stdout: normalise(alone.stdout) }).toEqual({
      ...full,
      stdout: normalise(full.stdout),
    });
  });
});

describe('validate --cache', () => {
  it('prints the same report from the cache, and says how much it took from it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'flowport-cli-cache-')), 'cache');
    try {
      const argv = ['validate', example, '--no-color', '--cache-location', dir];
      const first = await run(main, argv);
      const second = await run(main, argv);
      const plain = await run(main, ['validate', example, '--no-color']);
      expect(first.stderr).toMatch(/^cache: 0 of 1 connector unchanged, taken from /);
      expect(second.stderr).toMatch(/^cache: 1 of 1 connector unchanged, taken from /);
      expect(second.stdout).toBe(plain.stdout);
      expect(second.code).toBe(plain.code);
      // Machine-readable output stays clean: the note is for people reading text.
      expect((await run(main, [...argv, '--format', 'json'])).stderr).toBe('');
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});

describe('validate --format github and junit', () => {
  it('annotates each finding for GitHub and fails JUnit test cases as the exit code does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowport-cli-formats-'));
    const file = join(dir, 'apiDefinition.swagger.json');
    writeFileSync(
      file,
      JSON.stringify({
        swagger: '2.0',
        info: { title: 'Demo', version: '1.0' },
        host: 'api.example.com',
        paths: { '/a': { get: { responses: { 200: { description: 'OK' } } } } },
      }),
    );
    const argv = ['validate', file, '--preset', 'certification', '--fail-on', 'info'];
    const json = JSON.parse((await run(main, [...argv, '--format', 'json'])).stdout);
    const findings = json.summary.error + json.summary.warning + json.summary.info;
    expect(json.summary.error).toBeGreaterThan(0);
    expect(json.summary.warning).toBeGreaterThan(0);
    const github = await run(main, [...argv, '--format', 'github']);
    expect(github.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l))).toHaveLength(
      findings,
    );
    const junit = await run(main, [...argv, '--format', 'junit']);
    expect(junit.stdout).toContain(`failures="${findings}"`);
    expect(junit.code).toBe(1);
    expect(github.code).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
