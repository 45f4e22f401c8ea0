import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { beforeAll, describe, expect, it } from 'vitest';
import configs from '../../rolldown.config.ts';
import { main } from '../../src/cli/main.ts';
import { readFolder } from '../../src/connector/files.ts';
import { solutionTree, submissionTree, zipOf } from '../../src/package/testing.ts';
import { createBackgroundValidator, inProcessValidator } from '../../src/validate/background.ts';
import { spawnLsp } from './lsp-session.ts';

const root = new URL('../..', import.meta.url).pathname;
const example = join(root, 'examples/tasklane');
const installed = mkdtempSync(join(tmpdir(), 'flowport-published-'));
const cacheDir = join(installed, 'compile-cache');
const customConfig = join(installed, 'custom.config.json');
writeFileSync(
  customConfig,
  JSON.stringify({
    customRules: {
      'contoso-host-example': {
        description: 'Hosts end in example.com.',
        given: '$',
        // biome-ignore lint/suspicious/noThenProperty: a custom rule is written as Spectral writes it.
        then: { field: 'host', function: 'pattern', functionOptions: { match: 'example\\.com$' } },
      },
    },
  }),
);

// A policy the runtime cannot read: `policy-instance-invalid` requires the policy templates on first use.
const brokenPolicy = join(installed, 'broken-policy');
cpSync(example, brokenPolicy, { recursive: true });
{
  const file = join(brokenPolicy, 'apiProperties.json');
  const props = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, unknown> };
  props.properties.policyTemplateInstances = [
    {
      templateId: 'routerequesttoendpoint',
      title: 'Misspelt route',
      parameters: {
        'x-ms-apimTemplateParameter.newPath': "/v1/tasks/@queryParamters('id')",
        'x-ms-apimTemplate-operationName': ['GetTask'],
      },
    },
  ];
  writeFileSync(file, JSON.stringify(props, null, 2));
}

// A finding `--fix` can mend (a path parameter without `x-ms-url-encoding`): the fix machinery, jsonc-parser
// and diff are chunks of their own, loaded for `--diff`, `--fix` and SARIF only.
const fixable = join(installed, 'fixable');
cpSync(example, fixable, { recursive: true });
{
  const file = join(fixable, 'apiDefinition.swagger.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/,\s*"x-ms-url-encoding": "single"/, ''));
}

// Certification packages: fast-xml-parser, loaded only for them, from the bundle too.
const goodPackage = join(installed, 'submission.zip');
writeFileSync(goodPackage, zipOf(submissionTree()));
const badPackage = join(installed, 'broken-submission.zip');
writeFileSync(
  badPackage,
  zipOf(submissionTree({ assets: { 'ContosoTasksFlows_1_0_0_0.zip': zipOf(solutionTree('connector')) } })),
);

/** The package as published (bin/ and the bundled dist/), built here, with its dependencies beside it. */
beforeAll(async () => {
  for (const config of configs) {
    await build({
      ...config,
      logLevel: 'silent',
      output: { ...config.output, dir: join(installed, 'dist') },
    });
  }
  mkdirSync(join(installed, 'bin'));
  cpSync(join(root, 'bin/flowport.js'), join(installed, 'bin/flowport.js'));
  cpSync(join(root, 'package.json'), join(installed, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'));
}, 120_000);

/** `flowport …` as a fresh process of the published package, with its own compile cache. */
function published(argv: string[]) {
  const run = spawnSync(process.execPath, [join(installed, 'bin/flowport.js'), ...argv], {
    encoding: 'utf8',
    env: { ...process.env, NODE_COMPILE_CACHE: cacheDir },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function inProcess(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

const normalise = (r: { code: number | null; stdout: string; stderr: string }) => ({
  ...r,
  stdout: r.stdout.replace(/"generatedAt":\s*"[^"]*"/g, ''),
});

describe('the published `flowport validate`', () => {
  it('loads the validate path with built-ins taken without ESM imports', () => {
    for (const file of ['validate.mjs', 'rules.mjs']) {
      expect(readFileSync(join(installed, 'dist', file), 'utf8')).not.toMatch(/^import .* from "node:/m);
    }
  });

  it('keeps out of the validate path what only other commands need (zip writing, child processes)', () => {
    // A fresh `flowport validate` runs the top level of these chunks: fflate's (bundled, it loads
    // worker_threads) or child_process would cost it ~20 ms (`npm run bench:validate`, 29 November).
    for (const file of ['validate.mjs', 'rules.mjs']) {
      const text = readFileSync(join(installed, 'dist', file), 'utf8');
      expect(text, file).not.toContain('node_modules/fflate');
      expect(text, file).not.toContain('node:child_process');
      // The policy templates, required by `policy-instance-invalid` when a connector has policies.
      expect(text, file).not.toContain('src/runtime/policies/');
      // SARIF, JUnit and the fixes (jsonc-parser's editing, diff), loaded when asked for.
      expect(text, file).not.toContain('node_modules/diff');
      expect(text, file).not.toContain('node_modules/jsonc-parser');
      expect(text, file).not.toContain('src/validate/fix.ts');
    }
  });

  it.each([
    [['validate', example, '--no-color']],
    [['validate', example, '--no-color', '--preset', 'certification', '--fail-on', 'info']],
    [['validate', example, '-f', 'json']],
    [['validate', example, '--format', 'sarif', '-q']],
    [['validate', '/no/such/connector']],
    [['validate', example, '--help']],
    [['validate']],
    [['validate', example, '--bogus']],
    [['validate', example, '--format=pipeline']],
    [['validate', example, '--threads', '0']],
    // Custom rules: jsonpath-plus, loaded only for them, from the bundle too.
    [['validate', example, '--config', customConfig, '--no-color']],
    [['validate', badPackage, '--no-color']],
    [['validate', goodPackage, example, '-f', 'json']],
    [['validate', brokenPolicy, '-f', 'json']],
    [['validate', example, '--format', 'junit']],
    [['validate', fixable, '--format', 'sarif', '-q']],
    [['validate', fixable, '--diff', '--no-color']],
  ])(
    'answers %j as the CLI in process does, from a cold and a warm compile cache',
    async (argv) => {
      const expected = normalise(await inProcess(argv));
      expect(normalise(published(argv))).toEqual(expected);
      expect(normalise(published(argv))).toEqual(expected);
    },
    60_000,
  );
});

describe('the published background validator of `flowport serve`', () => {
  it('runs its bundled worker, which answers as the sources do', async () => {
    const lost: Error[] = [];
    const validator = createBackgroundValidator({
      worker: pathToFileURL(join(installed, 'dist/background-worker.mjs')),
      onLost: (e) => lost.push(e),
    });
    try {
      // Plain bytes, not Buffers: what crosses to a worker comes back as a Uint8Array.
      const files = readFolder(example).map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
      const options = { preset: 'certification', source: 'tasklane' } as const;
      const here = inProcessValidator();
      expect(await validator.validate(files, options)).toEqual(await here.validate(files, options));
      expect(await validator.fix(files, { ...options, diff: true })).toEqual(
        await here.fix(files, { ...options, diff: true }),
      );
      const versions = [
        { files, source: 'v1' },
        { files: files.filter((f) => f.name !== 'icon.png'), source: 'v2' },
      ] as const;
      expect(await validator.compare(...versions)).toEqual(await here.compare(...versions));
      expect(lost).toEqual([]);
    } finally {
      await validator.close();
    }
  }, 60_000);
});

describe('the published `flowport lsp`', () => {
  it('bundles the language server: it answers an editor session and exits 0', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'flowport-published-lsp-'));
    const folder = join(workspace, 'certified-connectors', 'Tasklane');
    cpSync(example, folder, { recursive: true });
    const swagger = join(folder, 'apiDefinition.swagger.json');
    const text = readFileSync(swagger, 'utf8');
    const lsp = spawnLsp(join(installed, 'bin/flowport.js'), {
      ...process.env,
      NODE_COMPILE_CACHE: cacheDir,
    });
    await lsp.client.initialize({ rootPath: workspace });
    lsp.client.open(
      swagger,
      text.replace('"Only return tasks with this status."', '"Only return tasks with this status"'),
    );
    expect((await lsp.client.diagnostics(swagger)).map((d) => d.code)).toContain(
      'parameter-description-sentence',
    );
    expect(await lsp.stop()).toBe(0);
    expect(lsp.stderr()).toBe('');
  }, 60_000);
});
