import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../connector/load.ts';
import { isFlowportError } from '../errors.ts';
import { deployConnector } from './deploy.ts';
import { downloadConnector } from './download.ts';
import { fakeResourceProvider, fakeToken } from './testing.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
const token = fakeToken({ oid: 'o-1' });
const environment = 'Default-11111111-2222-3333-4444-555555555555';

describe('downloadConnector', () => {
  it('gives back the connector deployed: swagger, apiProperties as the service keeps them, icon, settings', async () => {
    const rp = await fakeResourceProvider();
    try {
      const { connectorId } = await deployConnector(loadConnectorSync(example), {
        token,
        environment,
        powerAppsUrl: rp.url,
      });
      const dest = join(mkdtempSync(join(tmpdir(), 'flowport-download-')), 'tasklane');
      const result = await downloadConnector({ token, environment, connectorId, dest, powerAppsUrl: rp.url });
      expect(result.files).toEqual([
        'apiDefinition.swagger.json',
        'apiProperties.json',
        'icon.png',
        'settings.json',
      ]);
      const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
      expect(JSON.parse(read(dest, 'apiDefinition.swagger.json'))).toEqual(
        JSON.parse(read(example, 'apiDefinition.swagger.json')),
      );
      expect(read(dest, 'apiDefinition.swagger.json').startsWith('{\n  "swagger"')).toBe(true);
      const original = JSON.parse(read(example, 'apiProperties.json')).properties;
      const { stackOwner: _, ...withoutStackOwner } = original;
      expect(JSON.parse(read(dest, 'apiProperties.json'))).toEqual({ properties: withoutStackOwner });
      expect(readFileSync(join(dest, 'icon.png')).equals(readFileSync(join(example, 'icon.png')))).toBe(true);
      expect(JSON.parse(read(dest, 'settings.json'))).toEqual({
        connectorId,
        environment,
        apiProperties: 'apiProperties.json',
        apiDefinition: 'apiDefinition.swagger.json',
        powerAppsUrl: rp.url,
        powerAppsApiVersion: '2016-11-01',
        icon: 'icon.png',
      });
      // The folder deploys again as it came: an update of the same connector.
      const again = await deployConnector(loadConnectorSync(dest), { token, validate: false });
      expect(again).toMatchObject({ action: 'updated', connectorId, environment });
    } finally {
      await rp.close();
    }
  });

  it('refuses a folder that is not empty, and says when the connector does not exist', async () => {
    const rp = await fakeResourceProvider();
    try {
      const dest = mkdtempSync(join(tmpdir(), 'flowport-download-'));
      mkdirSync(join(dest, 'x'));
      writeFileSync(join(dest, 'x', 'readme.md'), 'mine');
      const full = await downloadConnector({
        token,
        environment,
        connectorId: 'c',
        dest: join(dest, 'x'),
        powerAppsUrl: rp.url,
      }).catch((e: unknown) => e);
      expect(isFlowportError(full) && full.code).toBe('INIT_TARGET_EXISTS');
      expect(readFileSync(join(dest, 'x', 'readme.md'), 'utf8')).toBe('mine');
      const missing = await downloadConnector({
        token,
        environment,
        connectorId: 'nope',
        dest: join(dest, 'y'),
        powerAppsUrl: rp.url,
      }).catch((e: unknown) => e);
      expect(isFlowportError(missing) && missing.code).toBe('API_PROBLEM');
      expect((missing as Error).message).toBe(
        'Reading connector nope failed: HTTP 404 ApiNotFound: The API could not be found.',
      );
    } finally {
      await rp.close();
    }
  });
});
