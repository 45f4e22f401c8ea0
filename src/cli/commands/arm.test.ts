import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'flowport-cli-arm-'));

/** The example with a policy template added: something Logic Apps cannot run. */
function withPolicy(): string {
  const dir = join(tmp(), 'tasklane');
  cpSync(example, dir, { recursive: true });
  const path = join(dir, 'apiProperties.json');
  const props = JSON.parse(readFileSync(path, 'utf8'));
  props.properties.policyTemplateInstances = [
    { templateId: 'setheader', title: 'Accept', parameters: { 'x-ms-apimTemplateParameter.name': 'Accept' } },
  ];
  writeFileSync(path, JSON.stringify(props));
  return dir;
}

describe('flowport arm', () => {
  it("applies --overlay files first: the template carries the environment's host", async () => {
    const dir = tmp();
    const overlay = join(dir, 'prod.overlay.json');
    writeFileSync(
      overlay,
      JSON.stringify({ apiDefinition: { host: 'api.tasklane.example', basePath: '/v2' } }),
    );
    const run = await runCli(['arm', example, '--overlay', overlay, '-q']);
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text).toContain('api.tasklane.example');
    expect(text).toContain('/v2');
  });

  it('writes the template and a parameters file, and says what to fill in and how to deploy', async () => {
    const dir = tmp();
    const out = join(dir, 'azuredeploy.json');
    const params = join(dir, 'azuredeploy.parameters.json');
    const run = await runCli(['arm', example, '-o', out, '-p', params, '--connection']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const template = JSON.parse(readFileSync(out, 'utf8'));
    expect(template.resources.map((r: { type: string }) => r.type)).toEqual([
      'Microsoft.Web/customApis',
      'Microsoft.Web/connections',
    ]);
    expect(JSON.parse(readFileSync(params, 'utf8')).parameters.connectionApiKey.reference).toBeDefined();
    expect(run.stdout).toContain(
      `Wrote ${out}: Microsoft.Web/customApis and Microsoft.Web/connections, 6 parameters (secure: connectionApiKey).`,
    );
    expect(run.stdout).toContain(`Wrote ${params}: 4 parameters added; fill in connectionApiKey.`);
    expect(run.stdout).toContain('info    A template cannot upload icon.png');
    expect(run.stdout).toContain(
      `Deploy: az deployment group create --resource-group <group> --template-file ${out} --parameters @${params}`,
    );

    // Run again: the values someone filled in stay.
    const filled = JSON.parse(readFileSync(params, 'utf8'));
    filled.parameters.serviceUrl.value = 'https://staging.tasklane.io/v1';
    writeFileSync(params, JSON.stringify(filled));
    const again = await runCli(['arm', example, '-o', out, '-p', params, '--connection']);
    expect(again.stdout).toContain(`Updated ${params}: 0 parameters added; fill in connectionApiKey.`);
    expect(JSON.parse(readFileSync(params, 'utf8')).parameters.serviceUrl.value).toBe(
      'https://staging.tasklane.io/v1',
    );
  });

  it('prints the template alone on standard output, notes on standard error', async () => {
    const run = await runCli(['arm', example, '--icon-uri', 'https://tasklane.io/icon.png']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).parameters.iconUri.defaultValue).toBe('https://tasklane.io/icon.png');
    expect(run.stderr).toContain(
      '`publisher` ("Tasklane Labs") and `stackOwner` ("Tasklane Labs") have no place',
    );
    expect(run.stderr).not.toContain('icon.png:');
    const quiet = await runCli(['arm', example, '-q']);
    expect(quiet.stderr).toBe('');
  });

  it('fails with --strict when part of the connector is not carried over', async () => {
    const dir = withPolicy();
    const loose = await runCli(['arm', dir, '-q']);
    expect(loose.code).toBe(0);
    const strict = await runCli(['arm', dir, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('warning Policy template `setheader` ("Accept") is left out');
    expect(strict.stderr).toContain(
      '1 part of the connector is not carried over (the warnings above); --strict fails on them.',
    );
  });

  it('refuses bad options and unreadable input with exit code 2, writing nothing', async () => {
    const dir = tmp();
    const out = join(dir, 'azuredeploy.json');
    const params = join(dir, 'azuredeploy.parameters.json');
    writeFileSync(params, '{ "parameters": { "serviceUrl": ');
    const cases: [string[], string][] = [
      [['--icon-uri', 'icon.png'], '--icon-uri must be an absolute https URL'],
      [['--service-url', 'ftp://x'], '--service-url must be an absolute http(s) URL'],
      [['--name', 'has space'], '--name must be 1 to 80 letters'],
      [['-p', params], `${params} is not valid JSON`],
      [['--parameter-set', 'oauth'], 'has no `connectionParameterSets`'],
    ];
    for (const [flags, message] of cases) {
      const run = await runCli(['arm', example, '-o', out, ...flags]);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(params, 'utf8')).toBe('{ "parameters": { "serviceUrl": ');
    const missing = await runCli(['arm', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[CONNECTOR_NOT_FOUND]');
  });
});
