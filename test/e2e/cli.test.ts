import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { VERSION } from '../../src/version.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

function brokenConnector(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowport-cli-'));
  writeFileSync(join(dir, 'apiDefinition.swagger.json'), '{\n  "swagger": "2.0"\n  "info": {}\n}\n');
  writeFileSync(join(dir, 'apiProperties.json'), '{"properties": {"iconBrandColor": "#123456"}}');
  return dir;
}

describe('flowport CLI', () => {
  it('prints its version', async () => {
    const { code, stdout } = await run('--version');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(VERSION);
  });

  it('prints help for validate and exits 0', async () => {
    const { code, stdout } = await run('validate', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--format <format>/);
    expect(stdout).toMatch(/Exit codes/);
  });

  it('passes the example connector under the certification preset', async () => {
    const { code, stdout } = await run('validate', example, '--preset', 'certification');
    expect(stdout).toMatch(/1 connector checked: no problems/);
    expect(code).toBe(0);
  });

  it('exits 1 with a positioned finding and a code frame for a broken connector', async () => {
    const { code, stdout } = await run('validate', brokenConnector(), '--no-color');
    expect(code).toBe(1);
    expect(stdout).toMatch(/3:3 +error +Invalid JSON: a comma is missing between two values\. +json-syntax/);
    expect(stdout).toMatch(/> 3 \| {3}"info": \{\}/);
  });

  it('exits 2 for a path that does not exist, naming it', async () => {
    const { code, stderr } = await run('validate', '/no/such/connector');
    expect(code).toBe(2);
    expect(stderr).toMatch(/`\/no\/such\/connector` does not exist.*CONNECTOR_NOT_FOUND/);
  });

  it('exits 2 for an unknown option value without a stack trace', async () => {
    const { code, stderr } = await run('validate', example, '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Allowed choices are text, json, sarif, pipeline, paconn/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('writes JSON with rule id, severity, pointer and position', async () => {
    const { code, stdout } = await run('validate', brokenConnector(), '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary.error).toBeGreaterThan(0);
    const d = report.results[0].diagnostics.find((x: { ruleId: string }) => x.ruleId === 'json-syntax');
    expect(d).toMatchObject({ severity: 'error', line: 3, column: 3, fileKind: 'swagger' });
  });

  it('writes SARIF 2.1.0 with rules, levels and regions', async () => {
    const { stdout } = await run('validate', brokenConnector(), '--format', 'sarif');
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.name).toBe('flowport');
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'json-syntax');
    expect(result.level).toBe('error');
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('json-syntax');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 3 });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(
      /apiDefinition\.swagger\.json$/,
    );
  });

  it('puts the changes --fix would make into SARIF as fixes', async () => {
    const dir = brokenConnector();
    writeFileSync(
      join(dir, 'apiDefinition.swagger.json'),
      JSON.stringify(
        {
          swagger: '2.0',
          info: { title: 'Tasks', version: '1.0' },
          paths: {
            '/t/{id}': {
              get: {
                operationId: 'GetT',
                parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
                responses: { 200: { description: 'OK' } },
              },
            },
          },
        },
        null,
        2,
      ),
    );
    const { stdout } = await run('validate', dir, '--format', 'sarif', '--fail-on', 'never');
    const result = JSON.parse(stdout).runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'path-parameter-missing-encoding',
    );
    const [replacement] = result.fixes[0].artifactChanges[0].replacements;
    expect(replacement.insertedContent.text).toContain('"x-ms-url-encoding": "single"');
    expect(replacement.deletedRegion).toMatchObject({ charLength: 0 });
  });

  it('writes the pipeline format with ValuePath', async () => {
    const dir = brokenConnector();
    writeFileSync(
      join(dir, 'apiDefinition.swagger.json'),
      JSON.stringify({ swagger: '2.0', paths: { '/a': { get: { responses: {} } } } }),
    );
    const { stdout } = await run('validate', dir, '--format', 'pipeline', '--fail-on', 'never');
    expect(stdout).toMatch(
      /##\[error\].*OperationIdRequired: Operation `GET \/a` has no `operationId`\. ValuePath: \/paths\/~1a\/get/,
    );
  });

  it("writes paconn's format: the verdict line, then Error lines with the path", async () => {
    const dir = brokenConnector();
    writeFileSync(
      join(dir, 'apiDefinition.swagger.json'),
      JSON.stringify({ swagger: '2.0', paths: { '/a': { get: { responses: {} } } } }),
    );
    const { code, stdout } = await run('validate', dir, '--format', 'paconn');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'Swagger certification failed with errors. Please fix the errors and validate again.',
    );
    expect(lines).toContain('Error : paths/~1a/get : Operation `GET /a` has no `operationId`.');
    expect(lines.filter((l) => l.startsWith('Error : ')).length).toBeGreaterThan(1);
    const ok = await run('validate', example, '--format', 'paconn');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Swagger certification succeeded$/m);
    expect(ok.stdout).not.toMatch(/^Error : /m);
  });

  it('honours --fail-on warning and a config file that turns a rule off', async () => {
    const dir = brokenConnector();
    writeFileSync(
      join(dir, 'apiDefinition.swagger.json'),
      '\uFEFF{"swagger": "2.0", "info": {"title": "X", "version": "1"}, "paths": {}}',
    );
    const warn = await run('validate', dir, '--fail-on', 'warning', '--preset', 'recommended');
    expect(warn.stdout).toMatch(/byte order mark/);
    expect(warn.code).toBe(1);
    const config = join(dir, 'flowport.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'json-strict': 'off' } }));
    const off = await run(
      'validate',
      dir,
      '--config',
      config,
      '--preset',
      'recommended',
      '--format',
      'json',
      '--fail-on',
      'never',
    );
    expect(
      JSON.parse(off.stdout).results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId),
    ).not.toContain('json-strict');
  });

  it('rejects a config that names an unknown rule, with exit 2', async () => {
    const dir = brokenConnector();
    const config = join(dir, 'flowport.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const { code, stderr } = await run('validate', dir, '--config', config);
    expect(code).toBe(2);
    expect(stderr).toMatch(/`rules.no-such-rule` names no rule.*CONFIG_INVALID/);
  });

  it('checks every connector in a folder of connectors and prints a summary table', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'flowport-many-'));
    for (const name of ['a', 'b']) {
      const dir = join(parent, name);
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir);
      for (const f of ['apiDefinition.swagger.json', 'apiProperties.json']) {
        writeFileSync(join(dir, f), readFileSync(join(example, f)));
      }
    }
    const { stdout } = await run('validate', parent, '--preset', 'recommended');
    expect(stdout).toMatch(/connector +preset +errors +warnings +info/);
    expect(stdout).toMatch(/2 connectors/);
  });
});

describe('flowport-suppressions.json in the working directory', () => {
  it('is used without being named, also by the fast path of a fresh process', async () => {
    const { spawnSync } = await import('node:child_process');
    const { cpSync, existsSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'flowport-cli-suppressions-'));
    cpSync(brokenConnector(), join(dir, 'broken'), { recursive: true });
    const bin = new URL('../../bin/flowport.js', import.meta.url).pathname;
    const flowport = (...argv: string[]) =>
      spawnSync(process.execPath, [bin, 'validate', 'broken', '--no-color', ...argv], {
        cwd: dir,
        encoding: 'utf8',
      });
    expect(flowport().status).toBe(1);
    expect(flowport('--suppress-all').status).toBe(0);
    expect(existsSync(join(dir, 'flowport-suppressions.json'))).toBe(true);
    const again = flowport();
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/\d+ findings suppressed by flowport-suppressions\.json\./);
  });
});
