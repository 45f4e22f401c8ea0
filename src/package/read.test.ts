import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificationPackageOf, readCertificationPackage } from './read.ts';
import { solutionTree, submissionTree, zipOf } from './testing.ts';

describe('reading a certification package', () => {
  it('reads the four levels: the submission, the package zip, PkgAssets and the solutions', () => {
    const pkg = certificationPackageOf('submission.zip', zipOf(submissionTree({ plugin: true })));
    expect(pkg?.root).toEqual({ path: '', files: ['ContosoTasks.pdpkg.zip', 'intro.md'], folders: [] });
    expect(pkg?.intro?.path).toBe('intro.md');
    expect(pkg?.deployer?.level?.folders).toEqual(['PkgAssets']);
    expect(pkg?.assets?.path).toBe('ContosoTasks.pdpkg.zip/PkgAssets/');
    expect(
      pkg?.solutions.map((s) => [s.path.split('/').at(-1), s.content?.workflows, s.content?.plugin]),
    ).toEqual([
      ['ContosoTasksConnector_1_0_0_0.zip', false, false],
      ['ContosoTasksFlows_1_0_0_0.zip', true, false],
      ['ContosoTasksPlugin_1_0_0_0.zip', false, true],
    ]);
    expect(pkg?.plugin).toBe(true);
    expect(pkg?.solutions[0]?.content?.connectorFiles).toEqual([
      'Connector/cr3f1_5Fcontoso-20tasks_openapidefinition.json',
      'Connector/cr3f1_5Fcontoso-20tasks_connectionparameters.json',
      'Connector/cr3f1_5Fcontoso-20tasks_iconblob.Png',
    ]);
    expect(pkg?.solutions[1]?.content?.workflowFiles).toEqual([
      'Workflows/Createatask-5B0BD3A0-3C43-4D61-9B4E-6A1C7B6A2F10.json',
    ]);
  });

  it('is not a package: a connector zip, with or without a folder around it, or a zip without zips', () => {
    const connector = {
      'apiDefinition.swagger.json': '{}',
      'apiProperties.json': '{}',
      'extra.zip': zipOf({}),
    };
    expect(certificationPackageOf('c.zip', zipOf(connector))).toBeUndefined();
    expect(certificationPackageOf('c.zip', zipOf({ Contoso: connector }))).toBeUndefined();
    expect(certificationPackageOf('c.zip', zipOf({ 'intro.md': '# Contoso' }))).toBeUndefined();
    expect(certificationPackageOf('c.zip', new TextEncoder().encode('not a zip'))).toBeUndefined();
  });

  it('reads paths written with backslashes, as some Windows tools write them', () => {
    const solution = zipOf(solutionTree('connector'));
    const deployer = zipOf({
      'PkgAssets\\Connector.zip': solution,
      'PkgAssets\\Flows.zip': zipOf(solutionTree('flow')),
    });
    const pkg = certificationPackageOf('s.zip', zipOf({ 'intro.md': '# x', 'p.pdpkg.zip': deployer }));
    expect(pkg?.assets?.files).toEqual(['Connector.zip', 'Flows.zip']);
  });

  it('takes a BOM before customizations.xml', () => {
    const tree = solutionTree('flow');
    const bom = { ...tree, 'customizations.xml': `\ufeff${tree['customizations.xml']}` };
    const pkg = certificationPackageOf(
      's.zip',
      zipOf(submissionTree({ assets: { 'ContosoTasksFlows_1_0_0_0.zip': zipOf(bom) } })),
    );
    expect(pkg?.solutions[1]?.content?.workflows).toBe(true);
  });

  it('reads only .zip files from disk, leaving unreadable paths to the connector loader', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowport-package-'));
    const file = join(dir, 'submission.zip');
    writeFileSync(file, zipOf(submissionTree()));
    expect(readCertificationPackage(file)?.source).toBe(file);
    expect(readCertificationPackage(join(dir, 'missing.zip'))).toBeUndefined();
    expect(readCertificationPackage(dir)).toBeUndefined();
  });
});
