// biome-ignore-all lint/suspicious/noThenProperty: custom rules are written as Spectral writes them, with `then`.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;

/** A copy of the example with one operationId in camel case, and a config with a rule against it. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'flowport-custom-'));
  const folder = join(root, 'tasklane');
  cpSync(example, folder, { recursive: true });
  const swagger = join(folder, 'apiDefinition.swagger.json');
  writeFileSync(swagger, readFileSync(swagger, 'utf8').replace('"ListProjects"', '"listProjects"'));
  const config = join(root, 'flowport.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      customRules: {
        'contoso-operation-id-case': {
          description: 'Operation ids are PascalCase.',
          severity: 'error',
          given: '$.paths[*][get,put,post,patch,delete]',
          then: { field: 'operationId', function: 'casing', functionOptions: { type: 'pascal' } },
        },
      },
    }),
  );
  return { root, folder, config };
}

describe('flowport validate with custom rules', () => {
  it('reports them like any rule, with their place and exit code', async () => {
    const { folder, config } = workspace();
    const run = await runCli(['validate', folder, '--config', config, '--no-color']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/21:9 +error +`operationId` is not pascal case\. +contoso-operation-id-case/);
  });

  it('take --only, and describe themselves in SARIF', async () => {
    const { folder, config } = workspace();
    const only = await runCli([
      'validate',
      folder,
      '--config',
      config,
      '--only',
      'contoso-operation-id-case',
      '-f',
      'json',
    ]);
    const json = JSON.parse(only.stdout);
    expect(json.results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual([
      'contoso-operation-id-case',
    ]);
    const sarif = JSON.parse((await runCli(['validate', folder, '--config', config, '-f', 'sarif'])).stdout);
    expect(
      sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'contoso-operation-id-case'),
    ).toEqual({
      id: 'contoso-operation-id-case',
      shortDescription: { text: 'Operation ids are PascalCase.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['custom', 'config'] },
    });
  });

  it('are suppressed in bulk and read back from the suppressions file', async () => {
    const { root, folder, config } = workspace();
    const file = join(root, 'flowport-suppressions.json');
    const common = [
      'validate',
      folder,
      '--config',
      config,
      '--suppressions-location',
      file,
      '--only',
      'contoso-operation-id-case',
    ];
    expect((await runCli([...common, '--suppress-all'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('contoso-operation-id-case');
    expect((await runCli(common)).code).toBe(0);
  });

  it('name a mistake in the config with its place, as a usage error', async () => {
    const { folder, root } = workspace();
    const config = join(root, 'bad.json');
    writeFileSync(
      config,
      JSON.stringify({
        customRules: { 'contoso-a': { description: 'x', given: 'paths', then: { function: 'truthy' } } },
      }),
    );
    const run = await runCli(['validate', folder, '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /bad\.json: `customRules\.contoso-a`\.given must be a JSONPath starting with `\$`/,
    );
  });

  it('are listed and explained by flowport rules, from the config', async () => {
    const { config } = workspace();
    const list = await runCli(['rules', '--config', config, '--category', 'custom', '--no-color']);
    expect(list.stdout).toMatch(/^ {2}error {2}error {2}error {7}contoso-operation-id-case$/m);
    const one = await runCli(['rules', 'contoso-operation-id-case', '--config', config, '--no-color']);
    expect(one.stdout).toContain('Operation ids are PascalCase.');
    expect(one.stdout).toContain(`a custom rule of ${config}`);
  });
});
