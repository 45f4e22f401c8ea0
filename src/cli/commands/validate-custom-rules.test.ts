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

  it('imports a Spectral ruleset into the config, and says what it leaves out', async () => {
    const { root, folder, config } = workspace();
    const ruleset = join(root, '.spectral.yaml');
    writeFileSync(
      ruleset,
      [
        'extends: spectral:oas',
        'rules:',
        '  info-contact:',
        '    description: Connectors name a contact.',
        '    given: $.info',
        '    then: { field: contact, function: truthy }',
        '  contoso-operation-id-case:',
        '    given: $',
        '    then: { function: truthy }',
        '  bad-path:',
        '    given: "$.paths[?(@.x"',
        '    then: { function: truthy }',
      ].join('\n'),
    );
    const run = await runCli(['rules', '--import', ruleset, '--config', config]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Imported 1 rule into .*flowport\.config\.json:\n {2}info-contact$/m);
    expect(run.stdout).toMatch(/contoso-operation-id-case: the config already has a custom rule/);
    expect(run.stdout).toMatch(
      /bad-path: `customRules\.bad-path`\.given `\$\.paths\[\?\(@\.x` is not a JSONPath/,
    );
    const written = JSON.parse(readFileSync(config, 'utf8'));
    expect(Object.keys(written.customRules)).toEqual(['contoso-operation-id-case', 'info-contact']);
    const validated = await runCli(['validate', folder, '--config', config, '-f', 'json']);
    const ids = JSON.parse(validated.stdout).results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids).toContain('contoso-operation-id-case');
    // The example names its contact: the imported rule finds nothing.
    expect(ids).not.toContain('info-contact');
    const unreadable = await runCli(['rules', '--import', join(root, 'missing.yaml'), '--config', config]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/Cannot read the Spectral ruleset/);
  });

  it("turn a JSONPath that fails on a document's values into a finding of the rule, not a crash", async () => {
    const { root, folder } = workspace();
    const config = join(root, 'calls.json');
    writeFileSync(
      config,
      JSON.stringify({
        customRules: {
          'contoso-no-amazon': {
            description: 'No AWS extensions.',
            given: "$..[?(@property.startsWith('x-amazon'))]",
            then: { function: 'undefined' },
          },
        },
      }),
    );
    const run = await runCli(['validate', folder, '--config', config, '--no-color']);
    expect(run.stdout).toMatch(
      /The custom rule could not apply its `given` .*; correct it in the config\. +contoso-no-amazon/,
    );
    expect(run.stdout).not.toMatch(/internal-error/);
  });
});
