import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { INTRO, solutionTree, submissionTree, zipOf } from '../../package/testing.ts';
import { runCli } from '../testing.ts';

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;
const fflate = new URL('../../../node_modules/fflate', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'flowport-cli-package-build-'));
const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

/**
 * Stand-ins for `pac` and `dotnet` on PATH, doing what the real ones do to a Package Deployer
 * project (init, add the solutions under PkgAssets/, publish bin/Release/<name>.<ver>.pdpkg.zip),
 * each call logged; `failPublish` makes `dotnet publish` fail as a broken build does.
 */
function fakeTools(options: { failPublish?: boolean } = {}): { bin: string; log: string } {
  const bin = tmp();
  const log = join(bin, 'calls.log');
  const script = (body: string) => `#!/usr/bin/env node
const fs = require('node:fs'), path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, path.basename(process.argv[1]) + ' ' + args.join(' ') + '\\n');
${body}`;
  writeFileSync(
    join(bin, 'pac'),
    script(`if (args[1] === 'init') {
  const dir = args[args.indexOf('--outputDirectory') + 1];
  fs.mkdirSync(path.join(dir, 'PkgAssets'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.name'), args[args.indexOf('--package-name') + 1]);
} else if (args[1] === 'add-solution') {
  const from = args[args.indexOf('--path') + 1];
  fs.copyFileSync(from, path.join(process.cwd(), 'PkgAssets', path.basename(from)));
} else process.exit(3);`),
  );
  writeFileSync(
    join(bin, 'dotnet'),
    script(`${options.failPublish ? "console.error('error MSB3073: the command exited with code 1.'); process.exit(1);" : ''}
const { zipSync } = require(${JSON.stringify(fflate)});
const name = fs.readFileSync('.name', 'utf8');
const assets = {};
for (const f of fs.readdirSync('PkgAssets')) assets[f] = fs.readFileSync(path.join('PkgAssets', f));
assets['ImportConfig.xml'] = Buffer.from('<configdatastorage />');
fs.mkdirSync('bin/Release', { recursive: true });
fs.writeFileSync('bin/Release/' + name + '.1.0.0.pdpkg.zip', zipSync({ [name + '.dll']: Buffer.from('MZ'), PkgAssets: assets }));`),
  );
  chmodSync(join(bin, 'pac'), 0o755);
  chmodSync(join(bin, 'dotnet'), 0o755);
  return { bin, log };
}

function solutions(kinds: ('connector' | 'flow')[]): string[] {
  const dir = tmp();
  return kinds.map((kind, i) => {
    const path = join(dir, `Tasklane${kind === 'flow' ? 'Flows' : 'Connector'}_1_0_0_${i}.zip`);
    writeFileSync(path, zipOf(solutionTree(kind)));
    return path;
  });
}

/** The standard test package, its connector solution holding the example's definition, parameters and colour. */
function examplePackage(): Uint8Array {
  const name = 'cr3f1_5Fcontoso-20tasks';
  const tree = solutionTree('connector') as Record<string, string | Record<string, string | Uint8Array>>;
  const props = JSON.parse(readFileSync(join(example, 'apiProperties.json'), 'utf8')).properties;
  const connector = {
    ...(tree.Connector as Record<string, string | Uint8Array>),
    [`${name}_openapidefinition.json`]: readFileSync(join(example, 'apiDefinition.swagger.json'), 'utf8'),
    [`${name}_connectionparameters.json`]: JSON.stringify(props.connectionParameters),
    [`${name}_iconblob.Png`]: readFileSync(join(example, 'icon.png')),
  };
  const xml = (tree['customizations.xml'] as string).replace('#1f344a', props.iconBrandColor);
  const solution = zipOf({ ...tree, 'customizations.xml': xml, Connector: connector });
  return submissionTree({ assets: { 'ContosoTasksConnector_1_0_0_0.zip': solution } })[
    'ContosoTasks.pdpkg.zip'
  ] as Uint8Array;
}

describe('flowport package', () => {
  it("wraps a Package Deployer zip built already with the connector's intro.md, and checks both", async () => {
    const dir = tmp();
    const pdpkg = join(dir, 'ContosoTasks.pdpkg.zip');
    writeFileSync(pdpkg, examplePackage());
    const out = join(dir, 'submission.zip');
    const run = await runCli(['package', '--connector', example, '--pdpkg', pdpkg, '-o', out, '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ 1 connector and 1 package checked: no problems.');
    expect(run.stderr).toMatch(
      /^Wrote .*submission\.zip \(\d+ kB\): intro\.md and ContosoTasks\.pdpkg\.zip\./,
    );
    const entries = unzipSync(readFileSync(out));
    expect(Object.keys(entries).sort()).toEqual(['ContosoTasks.pdpkg.zip', 'intro.md']);
    expect(Buffer.from(entries['intro.md'] as Uint8Array).toString()).toBe(
      readFileSync(join(example, 'intro.md'), 'utf8'),
    );

    const again = await runCli(['package', '--connector', example, '--pdpkg', pdpkg, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists; pass --force to replace it. [OUTPUT_EXISTS]');
  });

  it("warns when the packaged connector is not the folder's, and still writes the package", async () => {
    const dir = tmp();
    const pdpkg = join(dir, 'ContosoTasks.pdpkg.zip');
    writeFileSync(pdpkg, submissionTree()['ContosoTasks.pdpkg.zip'] as Uint8Array);
    const out = join(dir, 'submission.zip');
    const run = await runCli(['package', '--connector', example, '--pdpkg', pdpkg, '-o', out, '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `differs from \`${join(example, 'apiDefinition.swagger.json')}\`: at \`/info\` the package has nothing`,
    );
    expect(run.stdout).toContain('⚠ 2 problems (0 errors, 2 warnings, 0 info) in 1 connector and 1 package.');
    expect(existsSync(out)).toBe(true);
    const strict = await runCli([
      'package',
      '--connector',
      example,
      '--pdpkg',
      pdpkg,
      '-o',
      out,
      '--force',
      '--fail-on',
      'warning',
    ]);
    expect(strict.code).toBe(1);
  });

  it('builds the Package Deployer zip from solutions with pac and dotnet, in the order given', async () => {
    const tools = fakeTools();
    process.env.PATH = `${tools.bin}${delimiter}${originalPath}`;
    const dir = tmp();
    const intro = join(dir, 'Intro.md');
    writeFileSync(intro, INTRO);
    const out = join(dir, 'submission.zip');
    const [connector, flows] = solutions(['connector', 'flow']) as [string, string];
    const run = await runCli([
      'package',
      '--intro',
      intro,
      '--solution',
      connector,
      '--solution',
      flows,
      '--name',
      'Tasklane',
      '-o',
      out,
    ]);
    expect(run.stderr).toContain('running: pac package init --outputDirectory');
    expect(run.code).toBe(0);
    const calls = readFileSync(tools.log, 'utf8').trim().split('\n');
    expect(calls.map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual([
      'pac package init',
      'pac package add-solution',
      'pac package add-solution',
      'dotnet publish --configuration',
    ]);
    expect(calls[1]).toContain('TasklaneConnector');
    expect(calls[2]).toContain('TasklaneFlows');
    const entries = unzipSync(readFileSync(out));
    expect(Object.keys(entries).sort()).toEqual(['Tasklane.1.0.0.pdpkg.zip', 'intro.md']);
    const inner = unzipSync(entries['Tasklane.1.0.0.pdpkg.zip'] as Uint8Array);
    // The solutions keep their names inside the package.
    expect(
      Object.keys(inner)
        .filter((k) => k.startsWith('PkgAssets/') && k !== 'PkgAssets/')
        .sort(),
    ).toEqual([
      'PkgAssets/ImportConfig.xml',
      `PkgAssets/${basename(connector)}`,
      `PkgAssets/${basename(flows)}`,
    ]);
  });

  it('checks the solutions before building, and builds nothing when one is missing', async () => {
    const tools = fakeTools();
    process.env.PATH = `${tools.bin}${delimiter}${originalPath}`;
    const dir = tmp();
    const out = join(dir, 'submission.zip');
    const run = await runCli([
      'package',
      '--connector',
      example,
      '--solution',
      ...solutions(['connector']),
      '-o',
      out,
      '--no-color',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('package-solution-kinds');
    expect(run.stderr).toContain('checked in a stand-in package before building');
    expect(run.stderr).toContain('nothing was built or written.');
    expect(existsSync(tools.log)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('says what is missing or what failed, with exit code 2', async () => {
    const dir = tmp();
    const out = join(dir, 'submission.zip');
    const both = solutions(['connector', 'flow']);
    process.env.PATH = tmp();
    const missing = await runCli([
      'package',
      '--connector',
      example,
      '--solution',
      ...both.flatMap((s) => ['--solution', s]).slice(1),
      '-o',
      out,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'needs `pac` (Power Platform CLI) and `dotnet` (the .NET SDK), not found on PATH',
    );
    expect(missing.stderr).toContain('[PACKAGE_TOOLS_MISSING]');

    const tools = fakeTools({ failPublish: true });
    process.env.PATH = `${tools.bin}${delimiter}${originalPath}`;
    const failed = await runCli([
      'package',
      '--connector',
      example,
      '--solution',
      ...both.flatMap((s) => ['--solution', s]).slice(1),
      '-o',
      out,
    ]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('`dotnet publish --configuration Release` exited with 1:');
    expect(failed.stderr).toContain('error MSB3073');
    expect(existsSync(out)).toBe(false);

    const cases: [string[], string][] = [
      [['-o', out], 'Give the Package Deployer zip with --pdpkg'],
      [['--pdpkg', 'a.pdpkg.zip', '--solution', 'b.zip', '-o', out], 'not both'],
      [
        ['--pdpkg', join(dir, 'nope.pdpkg.zip'), '-o', out, '--connector', example],
        'nope.pdpkg.zip: no such file',
      ],
      [['--pdpkg', 'a.pdpkg.zip', '-o', join(dir, 'submission.tar')], 'name it <something>.zip'],
      [['--pdpkg', 'a.pdpkg.zip', '-o', out], 'The submission needs intro.md'],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['package', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});

describe('flowport package with a connector that fails certification', () => {
  it("reports the connector's errors and writes nothing", async () => {
    const dir = tmp();
    const connector = join(dir, 'broken');
    mkdirSync(connector);
    writeFileSync(
      join(connector, 'apiDefinition.swagger.json'),
      '{"swagger": "2.0", "info": {"title": "X", "version": "1"}, "paths": {}}',
    );
    writeFileSync(join(connector, 'intro.md'), INTRO);
    const pdpkg = join(dir, 'ContosoTasks.pdpkg.zip');
    writeFileSync(pdpkg, submissionTree()['ContosoTasks.pdpkg.zip'] as Uint8Array);
    const out = join(dir, 'submission.zip');
    const run = await runCli([
      'package',
      '--connector',
      connector,
      '--pdpkg',
      pdpkg,
      '-o',
      out,
      '-f',
      'json',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { results: { source: string; summary: { error: number } }[] };
    expect(report.results.map((r) => r.source)).toEqual([connector, out]);
    expect(report.results[0]?.summary.error).toBeGreaterThan(0);
    expect(report.results[1]?.summary.error).toBe(0);
    expect(existsSync(out)).toBe(false);
    const anyway = await runCli([
      'package',
      '--connector',
      connector,
      '--pdpkg',
      pdpkg,
      '-o',
      out,
      '--fail-on',
      'never',
    ]);
    expect(anyway.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
