import { describe, expect, it } from 'vitest';
import { certificationPackageOf } from '../package/read.ts';
import { submissionTree, zipOf } from '../package/testing.ts';
import { validatePackage } from './validate-package.ts';

const pkgOf = (tree = submissionTree()) => {
  const pkg = certificationPackageOf('/tmp/submission.zip', zipOf(tree));
  if (!pkg) throw new Error('not a package');
  return pkg;
};

describe('validatePackage', () => {
  it('finds nothing in a package Partner Center takes, under the certification preset by default', () => {
    const result = validatePackage(pkgOf());
    expect(result).toEqual({
      source: '/tmp/submission.zip',
      subject: 'package',
      preset: 'certification',
      diagnostics: [],
      summary: { error: 0, warning: 0, info: 0 },
    });
  });

  it("reports findings as data on the zip, in the order of the levels, with the rules' fixes", () => {
    const { 'intro.md': _, ...tree } = submissionTree({ root: { Docs: { 'a.md': 'x' } } });
    const result = validatePackage(pkgOf(tree));
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.file, d.line])).toEqual([
      ['package-root-folder', 'error', '/tmp/submission.zip', undefined],
      ['package-root-files', 'error', '/tmp/submission.zip', undefined],
    ]);
    expect(result.diagnostics[0]?.fix).toBe('Zip the two files themselves, not the folder that holds them.');
    expect(result.summary).toEqual({ error: 2, warning: 0, info: 0 });
  });

  it('applies the config: severities changed and rules turned off', () => {
    const { 'intro.md': _, ...tree } = submissionTree({ root: { Docs: { 'a.md': 'x' } } });
    const config = {
      rules: { 'package-root-folder': 'off' as const, 'package-root-files': 'warning' as const },
    };
    const result = validatePackage(pkgOf(tree), { config });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['package-root-files', 'warning'],
    ]);
  });
});
