import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionTree, zipOf } from '../../package/testing.ts';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowport-cli-package-'));
const good = join(dir, 'submission.zip');
writeFileSync(good, zipOf(submissionTree()));
const { 'intro.md': _, ...withoutIntro } = submissionTree({ root: { Contoso: { 'notes.txt': 'x' } } });
const bad = join(dir, 'bad-submission.zip');
writeFileSync(bad, zipOf(withoutIntro));
const example = new URL('../../../examples/tasklane', import.meta.url).pathname;

describe('flowport validate <certification package>', () => {
  it('checks a submission zip for the layout Partner Center requires, and says it checked a package', async () => {
    const ok = await runCli(['validate', good, '--no-color']);
    expect(ok).toEqual({ code: 0, stdout: '✔ 1 package checked: no problems.\n', stderr: '' });

    const run = await runCli(['validate', bad, '--no-color']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'The submission zip holds the folder `Contoso/`; it must hold no folder, only `intro.md` and the package zip',
    );
    expect(run.stdout).toContain('package-root-files');
    expect(run.stdout).toContain('✖ 2 problems (2 errors, 0 warnings, 0 info) in 1 package.');
  });

  it('checks packages and connectors in one run, with the certification preset for packages', async () => {
    const run = await runCli(['validate', bad, example, '-f', 'json']);
    const report = JSON.parse(run.stdout) as {
      results: { source: string; preset: string; subject?: string }[];
    };
    expect(report.results.map((r) => [r.source, r.preset, r.subject])).toEqual([
      [bad, 'certification', 'package'],
      [example, 'recommended', undefined],
    ]);
  });

  it('takes the config for package rules: a severity lowered below the fail level passes', async () => {
    const config = join(dir, 'flowport.config.json');
    writeFileSync(
      config,
      JSON.stringify({ rules: { 'package-root-folder': 'warning', 'package-root-files': 'off' } }),
    );
    const run = await runCli(['validate', bad, '--config', config, '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('⚠ 1 problem (0 errors, 1 warning, 0 info) in 1 package.');
  });

  it('reports a broken zip as before: not a package, not a connector', async () => {
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, 'PK not really');
    const run = await runCli(['validate', broken, '--no-color']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ZIP_INVALID');
  });
});
