import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { runCli } from '../testing.ts';
import { validateMain } from './validate.ts';

/** Output and exit code of a CLI entry point. */
const run = (entry: typeof main, argv: string[]) => runCli(argv, entry);

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

describe('validate bulk suppressions', () => {
  it('records today’s findings, fails only on new ones, and makes fixed ones be pruned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowport-cli-suppress-'));
    const connector = join(dir, 'demo');
    const swagger = (operations: number) => {
      const paths: Record<string, unknown> = {};
      for (let i = 0; i < operations; i++)
        paths[`/items${i}`] = { get: { operationId: `Get${i}`, responses: { 200: { description: 'OK' } } } };
      mkdirSync(connector, { recursive: true });
      writeFileSync(
        join(connector, 'apiDefinition.swagger.json'),
        JSON.stringify({
          swagger: '2.0',
          info: { title: 'Demo', version: '1.0' },
          host: 'api.example.com',
          paths,
        }),
      );
    };
    const file = join(dir, 'flowport-suppressions.json');
    const argv = [
      'validate',
      connector,
      '--no-color',
      '-p',
      'certification',
      '--suppressions-location',
      file,
    ];
    try {
      swagger(2);
      const plain = await run(main, ['validate', connector, '-p', 'certification', '--format', 'json']);
      const errors = JSON.parse(plain.stdout).summary.error;
      expect(errors).toBeGreaterThan(0);
      // A file named but missing is a usage error: nothing would be suppressed.
      expect((await run(main, argv)).stderr).toContain(
        'the suppressions file does not exist; create it with `--suppress-all`',
      );

      const recorded = await run(main, [...argv, '--suppress-all']);
      expect(recorded.code).toBe(0);
      expect(recorded.stderr).toContain(
        `flowport-suppressions.json: ${errors} findings suppressed (0 before).`,
      );
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['demo']);
      const again = await run(main, [...argv, '--format', 'json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).summary.error).toBe(0);
      expect(again.stderr).toContain(`${errors} findings suppressed by`);

      // A third operation brings new findings of the same rules: all of those rules' findings show.
      swagger(3);
      const more = await run(main, [...argv, '--format', 'json']);
      expect(more.code).toBe(1);
      const shown = JSON.parse(more.stdout).results[0].diagnostics.filter(
        (d: { severity: string }) => d.severity === 'error',
      );
      expect(shown.map((d: { ruleId: string }) => d.ruleId)).toEqual(
        Array(3).fill('operation-summary-required'),
      );

      // Back to one operation: fewer findings than recorded fail the run until pruned.
      swagger(1);
      const fixed = await run(main, argv);
      expect(fixed.code).toBe(1);
      expect(fixed.stderr).toContain(
        'demo → operation-summary-required allows 2, 1 left: fixed ones no longer need suppressing',
      );
      expect(fixed.stderr).toContain('run again with --prune-suppressions');
      expect((await run(main, [...argv, '--pass-on-unpruned-suppressions'])).code).toBe(0);
      const pruned = await run(main, [...argv, '--prune-suppressions']);
      expect(pruned.code).toBe(0);
      expect(Object.values(JSON.parse(readFileSync(file, 'utf8')).demo)).toContainEqual({ count: 1 });
      expect((await run(main, argv)).code).toBe(0);

      // Unknown rules and malformed files are usage errors that say what to do.
      expect((await run(main, [...argv, '--suppress-rule', 'no-such-rule'])).stderr).toContain(
        '`--suppress-rule no-such-rule` names no rule',
      );
      writeFileSync(file, '{"demo": {"consumes-missing": {"count": -1}}}');
      const bad = await run(main, argv);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(
        '`demo` → `consumes-missing` must be { "count": n } with a whole number n ≥ 1. [CONFIG_INVALID]',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('validate --fix', () => {
  it('makes the changes findings offer in the files, reports what is left and says what it did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowport-cli-fix-'));
    const connector = join(dir, 'demo');
    mkdirSync(connector);
    const file = join(connector, 'apiDefinition.swagger.json');
    const original = `${JSON.stringify(
      {
        swagger: '2.0',
        info: { title: 'Demo', version: '1.0' },
        host: 'api.example.com',
        paths: {
          '/items/{id}': {
            get: {
              operationId: 'GetItem',
              summary: 'Get One Item By Its Number',
              parameters: [
                {
                  name: 'id',
                  in: 'path',
                  required: true,
                  type: 'string',
                  'x-ms-summary': 'Item number?',
                  description: 'The item to get',
                },
              ],
              responses: { 200: { description: 'OK' } },
            },
          },
        },
      },
      null,
      4,
    )}\n`;
    writeFileSync(file, original);
    const argv = ['validate', connector, '--no-color', '-p', 'certification'];
    try {
      const before = await run(main, argv);
      expect(before.stdout).toMatch(/5 of them can be fixed with the `--fix` option\./);
      // Two changes of the summary (`?` dropped, words capitalised) are made in two passes.
      // --only: one rule's findings, and its changes alone with --fix --diff; a misspelt rule is named.
      const only = await run(main, [
        ...argv,
        '--only',
        'PathParameterMissingEncoding,parameter-summary-title-case',
        '-f',
        'json',
      ]);
      const ruleIds = JSON.parse(only.stdout).results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
      expect([...new Set(ruleIds)].sort()).toEqual([
        'parameter-summary-title-case',
        'path-parameter-missing-encoding',
      ]);
      const oneRule = await run(main, [...argv, '--only', 'parameter-summary-title-case', '--diff']);
      expect(oneRule.stderr).toContain('--fix would fix 1 finding in 1 file');
      expect(oneRule.stdout).toContain('+                        "x-ms-summary": "Item Number?",');
      const typo = await run(main, [...argv, '--only', 'parameter-summary-titlecase']);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('did you mean `parameter-summary-title-case`?');
      // --diff shows what --fix would change, writes nothing and exits 1.
      const diff = await run(main, [...argv, '--diff']);
      expect(diff.code).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(original);
      expect(diff.stderr).toContain('flowport: --fix would fix 5 findings in 1 file; nothing was written.');
      expect(diff.stdout).toContain(`--- a/${file}\n+++ b/${file}\n`);
      expect(diff.stdout).toContain('-                "summary": "Get One Item By Its Number",');
      expect(diff.stdout).toContain('+                "summary": "Get one item by its number",');
      expect(diff.stdout).toContain('+                        "x-ms-summary": "Item Number",');
      expect(diff.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
      expect((await run(main, [...argv, '--diff', '--fix'])).code).toBe(2);
      const fixed = await run(main, [...argv, '--fix']);
      expect(fixed.stderr).toContain('flowport: fixed 5 findings in 1 file.');
      expect(fixed.stdout).not.toContain('can be fixed');
      const text = readFileSync(file, 'utf8');
      const op = JSON.parse(text).paths['/items/{id}'].get;
      expect(op.summary).toBe('Get one item by its number');
      expect(op.parameters[0]).toMatchObject({
        'x-ms-summary': 'Item Number',
        description: 'The item to get.',
        'x-ms-url-encoding': 'single',
      });
      // The file keeps its four-space indentation; only the changed lines differ.
      expect(text).toContain('\n                        "x-ms-url-encoding": "single"\n');
      const lines = new Set(original.split('\n'));
      expect(text.split('\n').filter((line) => !lines.has(line))).toEqual([
        '                "summary": "Get one item by its number",',
        '                        "x-ms-summary": "Item Number",',
        '                        "description": "The item to get.",',
        '                        "x-ms-url-encoding": "single"',
      ]);
      // In a zip nothing is changed, and the note says why.
      const { zipSync } = await import('fflate');
      const zip = join(dir, 'demo.zip');
      writeFileSync(zip, zipSync({ 'apiDefinition.swagger.json': new TextEncoder().encode(original) }));
      const zipped = await run(main, ['validate', zip, '-p', 'certification', '--fix']);
      expect(zipped.stderr).toContain(
        'nothing fixed: 5 findings --fix could fix are in files inside a zip: unzip the connector',
      );
      const again = await run(main, [...argv, '--fix']);
      expect(again.stderr).toContain('nothing fixed: no finding has a change --fix can make.');
      const none = await run(main, [...argv, '--diff']);
      expect(none).toMatchObject({ code: 0, stdout: '' });
      expect(none.stderr).toContain('--fix would change nothing: no finding has a change it can make.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('validate --overlay', () => {
  it('validates the connector as the overlay changes it, findings in the overlaid document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-overlay-'));
    try {
      const overlay = join(dir, 'qa.overlay.json');
      writeFileSync(
        overlay,
        JSON.stringify({
          overlay: '1.0.0',
          info: { title: 'QA', version: '1' },
          actions: [{ target: "$.paths['/projects'].get", update: { summary: 'list projects' } }],
        }),
      );
      const plain = await runCli(['validate', example, '--preset', 'certification']);
      expect(plain.code).toBe(0);
      const run = await runCli([
        'validate',
        example,
        '--preset',
        'certification',
        '--overlay',
        overlay,
        '-f',
        'json',
      ]);
      const report = JSON.parse(run.stdout) as { results: { diagnostics: { pointer: string }[] }[] };
      expect(report.results[0]?.diagnostics.map((d) => d.pointer)).toEqual(['/paths/~1projects/get/summary']);
      const text = await runCli(['validate', example, '--preset', 'certification', '--overlay', overlay]);
      expect(text.stdout).toContain('"summary": "list projects"');
      // Its fixes would edit the overlaid text, not the files: none is offered.
      expect(text.stdout).toMatch(/1 problem/);
      expect(text.stdout).not.toContain('--fix');
      expect(text.stderr).toContain('lines and columns are in the overlaid documents');
      const fix = await runCli(['validate', example, '--overlay', overlay, '--fix']);
      expect(fix.code).toBe(2);
      expect(fix.stderr).toContain('use it without --fix (which works on the files themselves)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
