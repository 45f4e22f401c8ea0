import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeDeviceCodeProvider, fakeResourceProvider, fakeToken } from '../../deploy/testing.ts';
import { runCli } from '../testing.ts';

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;
const token = fakeToken({ oid: '7d9c1a52-0000-4000-8000-000000000001' });
const env = 'Default-11111111-2222-3333-4444-555555555555';
const copy = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'flowport-cli-deploy-')), 'tasklane');
  cpSync(example, dir, { recursive: true });
  return dir;
};
// A flowport home of its own: never the user's stored sign-in.
beforeEach(() => {
  process.env.FLOWPORT_HOME = mkdtempSync(join(tmpdir(), 'flowport-cli-deploy-home-'));
});
afterEach(() => {
  delete process.env.FLOWPORT_HOME;
  delete process.env.FLOWPORT_POWERAPPS_TOKEN;
  delete process.env.TASKLANE_SECRET;
});

describe('flowport deploy', () => {
  it('creates the connector, remembers its id in settings.json, and updates it the next time', async () => {
    const rp = await fakeResourceProvider();
    try {
      const dir = copy();
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ icon: 'icon.png', powerAppsUrl: rp.url }));
      process.env.FLOWPORT_POWERAPPS_TOKEN = token;
      const first = await runCli(['deploy', dir, '-e', env]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(
        `Created connector shared_tasklane-5f0a1b2c3d4e5f6a7b in environment ${env} (uploaded icon.png).`,
      );
      expect(first.stdout).toContain('the next `flowport deploy` updates this connector.');
      expect(first.stderr).toContain('validating the swagger (validateApiSwagger)…');
      expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({
        icon: 'icon.png',
        powerAppsUrl: rp.url,
        connectorId: 'shared_tasklane-5f0a1b2c3d4e5f6a7b',
        environment: env,
      });
      const second = await runCli(['deploy', dir, '--no-validate']);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(
        `Updated connector shared_tasklane-5f0a1b2c3d4e5f6a7b in environment ${env}`,
      );
      expect(rp.requests.at(-1)?.method).toBe('PATCH');
      for (const out of [first, second]) {
        expect(out.stdout + out.stderr).not.toContain(token);
        expect(out.stdout + out.stderr).not.toContain('SASSECRET');
      }
    } finally {
      await rp.close();
    }
  });

  it("applies --overlay files before deploying: the environment's host and properties", async () => {
    const rp = await fakeResourceProvider();
    try {
      const dir = copy();
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ powerAppsUrl: rp.url }));
      const overlay = join(dir, '..', 'qa.overlay.json');
      writeFileSync(
        overlay,
        JSON.stringify({
          apiDefinition: { host: 'api-qa.tasklane.example' },
          apiProperties: { properties: { publisher: 'Tasklane QA' } },
        }),
      );
      process.env.FLOWPORT_POWERAPPS_TOKEN = token;
      const run = await runCli([
        'deploy',
        dir,
        '-e',
        env,
        '--no-validate',
        '--no-settings',
        '--overlay',
        overlay,
      ]);
      expect(run.code).toBe(0);
      const sent = JSON.parse(
        rp.requests.find((r) => r.method === 'POST' && r.url.includes('/apis'))?.body.toString() ?? '{}',
      );
      expect(sent.properties.openApiDefinition.host).toBe('api-qa.tasklane.example');
      expect(sent.properties.backendService.serviceUrl).toMatch(/^https:\/\/api-qa\.tasklane\.example/);
      expect(sent.properties.publisher).toBe('Tasklane QA');
      // The connector's own files are as they were.
      expect(readFileSync(join(dir, 'apiDefinition.swagger.json'), 'utf8')).not.toContain('api-qa');
      writeFileSync(overlay, '{ "apiDefinition": [] }');
      const bad = await runCli(['deploy', dir, '-e', env, '--overlay', overlay]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('has an `apiDefinition` that is not an object');
    } finally {
      await rp.close();
    }
  });

  it('--dry-run prints what a deploy would change, sends nothing, and exits 1 when it differs', async () => {
    const rp = await fakeResourceProvider();
    try {
      const dir = copy();
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ powerAppsUrl: rp.url }));
      process.env.FLOWPORT_POWERAPPS_TOKEN = token;
      const deployed = await runCli(['deploy', dir, '-e', env, '--no-validate']);
      expect(deployed.code).toBe(0);
      const sent = rp.requests.length;
      const same = await runCli(['deploy', dir, '--dry-run']);
      expect(same.stdout).toBe(
        `Connector shared_tasklane-5f0a1b2c3d4e5f6a7b in ${env} matches this connector: a deploy would change nothing.\n`,
      );
      expect(same.code).toBe(0);
      const overlay = join(dir, '..', 'qa.overlay.json');
      writeFileSync(
        overlay,
        JSON.stringify({
          apiDefinition: { host: 'api-qa.tasklane.example' },
          apiProperties: { properties: { iconBrandColor: '#da3b01' } },
        }),
      );
      const drift = await runCli(['deploy', dir, '--dry-run', '--overlay', overlay]);
      expect(drift.code).toBe(1);
      expect(drift.stdout).toBe(
        [
          `Connector shared_tasklane-5f0a1b2c3d4e5f6a7b in ${env}: 2 differences, as deployed → local (what a deploy would send).`,
          'apiDefinition.swagger.json',
          '  /host  "api.tasklane.io" → "api-qa.tasklane.example"',
          'apiProperties.json',
          '  /properties/iconBrandColor  "#2f6f4f" → "#da3b01"',
          'Nothing was sent; `flowport deploy` without --dry-run makes the environment match.',
          '',
        ].join('\n'),
      );
      const json = await runCli(['deploy', dir, '--dry-run', '--overlay', overlay, '-f', 'json']);
      expect(JSON.parse(json.stdout)).toMatchObject({
        connectorId: 'shared_tasklane-5f0a1b2c3d4e5f6a7b',
        environment: env,
        truncated: false,
        differences: [
          { file: 'apiDefinition.swagger.json', pointer: '/host', deployed: 'api.tasklane.io' },
          { file: 'apiProperties.json', pointer: '/properties/iconBrandColor', local: '#da3b01' },
        ],
      });
      // Only reads: the connector, its swagger and its icon.
      expect(rp.requests.slice(sent).every((r) => r.method === 'GET')).toBe(true);
      for (const out of [same, drift, json]) expect(out.stdout + out.stderr).not.toContain('SASSECRET');
    } finally {
      await rp.close();
    }
  });

  it("says where the token comes from when it is missing, and shows the service's refusal", async () => {
    const missing = await runCli(['deploy', example, '-e', env]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'No Power Platform sign-in: run `flowport login`, or set the environment variable FLOWPORT_POWERAPPS_TOKEN (--token-env)',
    );
    const rp = await fakeResourceProvider({ fail: /\/apis$/ });
    try {
      process.env.FLOWPORT_POWERAPPS_TOKEN = token;
      const refused = await runCli(['deploy', copy(), '-e', env, '--powerapps-url', rp.url]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        'Creating the connector failed: HTTP 400 SwaggerCertificationFailedWithErrors',
      );
      const noSecret = await runCli(['deploy', example, '-e', env, '--secret-env', 'TASKLANE_SECRET']);
      expect(noSecret.code).toBe(2);
      expect(noSecret.stderr).toContain(
        "The OAuth app's client secret is read from the environment variable TASKLANE_SECRET",
      );
    } finally {
      await rp.close();
    }
  });
});

describe('flowport login, deploy, logout', () => {
  it('signs in with a device code, deploys with the stored token, and forgets it', async () => {
    const idp = await fakeDeviceCodeProvider({ pending: 1, interval: 1, token });
    const rp = await fakeResourceProvider();
    try {
      const login = await runCli(['login', '--authority', idp.url, '--tenant', 'contoso.onmicrosoft.com']);
      expect(login.code).toBe(0);
      expect(login.stderr).toContain('enter the code FLOW-PORT to authenticate.');
      expect(login.stdout).toContain(
        'Signed in to the Power Platform (user object id 7d9c1a52-0000-4000-8000-000000000001)',
      );
      expect(login.stdout + login.stderr).not.toContain(token);
      const deploy = await runCli(['deploy', copy(), '-e', env, '--powerapps-url', rp.url, '--no-validate']);
      expect(deploy.code).toBe(0);
      expect(rp.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
      const dest = join(mkdtempSync(join(tmpdir(), 'flowport-cli-download-')), 'downloaded');
      const download = await runCli([
        'download',
        'shared_tasklane-5f0a1b2c3d4e5f6a7b',
        '-e',
        env,
        '-d',
        dest,
        '--powerapps-url',
        rp.url,
      ]);
      expect(download.code).toBe(0);
      expect(download.stdout).toBe(
        `Wrote apiDefinition.swagger.json, apiProperties.json, icon.png, settings.json to ${dest}. \`flowport validate ${dest}\` checks it; \`flowport deploy ${dest}\` updates the connector.\n`,
      );
      expect(download.stdout).not.toContain('SASSECRET');
      const refused = await runCli([
        'download',
        'shared_tasklane-5f0a1b2c3d4e5f6a7b',
        '-e',
        env,
        '-d',
        dest,
        '--powerapps-url',
        rp.url,
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('is not empty; choose another folder (--dest) or pass --force');
      const envs = await runCli(['environments', '--powerapps-url', rp.url]);
      expect(envs.stdout.split('\n')).toEqual([
        'ENVIRONMENT                                   NAME',
        'Default-11111111-2222-3333-4444-555555555555  Contoso (default)  default',
        '6c0b0f3e-7d2a-4b8e-9f10-2a3b4c5d6e7f          Contoso Test',
        '',
      ]);
      const custom = await runCli(['environments', env, '--powerapps-url', rp.url]);
      expect(custom.stdout).toBe(
        'CONNECTOR                           NAME      CREATED BY\nshared_tasklane-5f0a1b2c3d4e5f6a7b  Tasklane  Ada Lovelace\n',
      );
      const all = await runCli(['environments', env, '--all', '-f', 'json', '--powerapps-url', rp.url]);
      expect(JSON.parse(all.stdout).map((c: { id: string; custom: boolean }) => [c.id, c.custom])).toEqual([
        ['shared_office365', false],
        ['shared_tasklane-5f0a1b2c3d4e5f6a7b', true],
      ]);
      expect((await runCli(['logout'])).stdout).toBe('Signed out: powerapps-token.json removed.\n');
      const after = await runCli(['deploy', copy(), '-e', env, '--powerapps-url', rp.url]);
      expect(after.code).toBe(2);
      expect(after.stderr).toContain('No Power Platform sign-in');
    } finally {
      await idp.close();
      await rp.close();
    }
  });
});
