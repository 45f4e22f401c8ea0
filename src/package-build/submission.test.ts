import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { certificationPackageOf } from '../package/read.ts';
import { INTRO, solutionTree, zipOf } from '../package/testing.ts';
import { validatePackage } from '../validate/validate-package.ts';
import { provisionalDeployer, submissionZip } from './submission.ts';

const encode = (s: string) => new TextEncoder().encode(s);

describe('submissionZip', () => {
  it('holds intro.md and the Package Deployer zip, and nothing else', () => {
    const zip = submissionZip(encode('# Intro'), {
      name: 'Contoso.pdpkg.zip',
      bytes: new Uint8Array([1, 2, 3]),
    });
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(['Contoso.pdpkg.zip', 'intro.md']);
    expect([...(entries['Contoso.pdpkg.zip'] as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it('with a stand-in deployer, passes the package rules when the solutions are right, and fails them when not', () => {
    const connector = { name: 'ContosoConnector.zip', bytes: zipOf(solutionTree('connector')) };
    const flows = { name: 'ContosoFlows.zip', bytes: zipOf(solutionTree('flow')) };
    const check = (solutions: (typeof connector)[]) => {
      const pkg = certificationPackageOf(
        's.zip',
        submissionZip(encode(INTRO), provisionalDeployer('Contoso', solutions)),
      );
      if (!pkg) throw new Error('not read as a package');
      return validatePackage(pkg)
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => d.ruleId);
    };
    expect(check([connector, flows])).toEqual([]);
    expect(check([connector])).toContain('package-solution-kinds');
  });
});
