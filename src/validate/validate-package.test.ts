import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawIcon } from '../convert/icon.ts';
import { certificationPackageOf } from '../package/read.ts';
import { customizationsXml, solutionTree, submissionTree, type Tree, zipOf } from '../package/testing.ts';
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

  /** A package whose connector solution has this icon and brand colour. */
  const withIcon = (icon: Uint8Array, color = '#1f344a') => {
    const connector = solutionTree('connector');
    const files = connector.Connector as Tree;
    const xml = customizationsXml({ connector: true }).replace('#1f344a', color);
    return pkgOf(
      submissionTree({
        assets: {
          'ContosoTasksConnector_1_0_0_0.zip': zipOf({
            ...connector,
            'customizations.xml': xml,
            Connector: { ...files, 'cr3f1_5Fcontoso-20tasks_iconblob.Png': icon },
          }),
        },
      }),
    );
  };

  it("checks the packaged connector's icon and brand colour with the icon rules, naming the file", () => {
    const result = validatePackage(withIcon(drawIcon('#ffffff')));
    const solution = 'ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksConnector_1_0_0_0.zip';
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      [
        'icon-background-match',
        'error',
        `In \`${solution}/customizations.xml\` (the connector's \`<iconbrandcolor>\`): The icon background is \`#ffffff\` but \`iconBrandColor\` is \`#1f344a\`; they must be the same colour.`,
      ],
      [
        'icon-background-color',
        'error',
        `In \`${solution}/Connector/cr3f1_5Fcontoso-20tasks_iconblob.Png\` (the connector's icon): The icon background is white; certified connectors need a coloured background.`,
      ],
    ]);
    expect(result.diagnostics.every((d) => d.file === '/tmp/submission.zip' && d.line === undefined)).toBe(
      true,
    );
  });

  it('reports the default brand colour, and an icon that is not square', () => {
    expect(
      validatePackage(withIcon(drawIcon('#007ee5'), '#007ee5')).diagnostics.map((d) => d.ruleId),
    ).toEqual(['brand-color-forbidden', 'icon-background-color']);
    const wide = new PNG({ width: 300, height: 200 });
    for (let i = 0; i < wide.data.length; i += 4) wide.data.set([0x1f, 0x34, 0x4a, 255], i);
    expect(
      validatePackage(withIcon(new Uint8Array(PNG.sync.write(wide)))).diagnostics.map((d) => d.ruleId),
    ).toContain('icon-size');
  });

  it('runs only the icon rules the preset has, as the config sets them', () => {
    const pkg = withIcon(drawIcon('#ffffff'));
    expect(validatePackage(pkg, { preset: 'recommended' }).diagnostics.map((d) => d.ruleId)).toEqual([]);
    const config = { rules: { 'icon-background-color': 'off' as const } };
    expect(validatePackage(pkg, { config }).diagnostics.map((d) => d.ruleId)).toEqual([
      'icon-background-match',
    ]);
  });
});
