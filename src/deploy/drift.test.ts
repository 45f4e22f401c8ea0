import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../connector/load.ts';
import { applyOverlays, overlayOf } from '../connector/overlay.ts';
import { isFlowportError } from '../errors.ts';
import { deployConnector } from './deploy.ts';
import { connectorDrift, MAX_PER_FILE } from './drift.ts';
import { fakeResourceProvider, fakeToken } from './testing.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
const token = fakeToken({ oid: 'o-1' });
const environment = 'Default-11111111-2222-3333-4444-555555555555';

/** A connector (Tasklane) deployed to a stand-in service; `run` gets its id and the service's address. */
async function withDeployed(
  run: (connectorId: string, url: string) => Promise<void>,
  source = example,
): Promise<void> {
  const rp = await fakeResourceProvider();
  try {
    const { connectorId } = await deployConnector(loadConnectorSync(source), {
      token,
      environment,
      powerAppsUrl: rp.url,
    });
    await run(connectorId, rp.url);
  } finally {
    await rp.close();
  }
}

describe('connectorDrift', () => {
  it('finds no difference between a folder and what it deployed', async () => {
    await withDeployed(async (connectorId, url) => {
      const drift = await connectorDrift(loadConnectorSync(example), {
        token,
        environment,
        connectorId,
        powerAppsUrl: url,
      });
      expect(drift).toEqual({ environment, connectorId, differences: [], truncated: false });
    });
  });

  it('lists each member an overlay changes, in the swagger and apiProperties, as deployed → local', async () => {
    await withDeployed(async (connectorId, url) => {
      const overlay = overlayOf(
        {
          apiDefinition: { host: 'api-qa.tasklane.io', paths: { '/hooks/{hookId}': null } },
          apiProperties: { properties: { iconBrandColor: '#da3b01' } },
        },
        'qa.json',
      );
      const drift = await connectorDrift(applyOverlays(loadConnectorSync(example), [overlay]), {
        token,
        environment,
        connectorId,
        powerAppsUrl: url,
      });
      expect(drift.differences.map(({ file, pointer }) => `${file} ${pointer}`)).toEqual([
        'apiDefinition.swagger.json /host',
        'apiDefinition.swagger.json /paths/~1hooks~1{hookId}',
        'apiProperties.json /properties/iconBrandColor',
      ]);
      expect(drift.differences[0]).toMatchObject({
        deployed: 'api.tasklane.io',
        local: 'api-qa.tasklane.io',
      });
      expect(drift.differences[1]?.local).toBeUndefined();
      expect(drift.differences[1]?.deployed).toMatchObject({ delete: {} });
    });
  });

  it('compares the icon byte for byte, and names custom code the environment has and the folder not', async () => {
    const withScript = mkdtempSync(join(tmpdir(), 'flowport-drift-script-'));
    cpSync(example, withScript, { recursive: true });
    writeFileSync(join(withScript, 'script.csx'), 'public class Script : ScriptBase { }\n');
    await withDeployed(async (connectorId, url) => {
      const dir = mkdtempSync(join(tmpdir(), 'flowport-drift-'));
      cpSync(example, dir, { recursive: true });
      writeFileSync(join(dir, 'icon.png'), Buffer.from('not the same icon'));
      const drift = await connectorDrift(loadConnectorSync(dir), {
        token,
        environment,
        connectorId,
        powerAppsUrl: url,
      });
      expect(drift.differences).toEqual([
        { file: 'icon.png', deployedBytes: expect.any(Number), localBytes: 17 },
        { file: 'script.csx', deployedBytes: 37 },
      ]);
    }, withScript);
  });

  it('stops listing at MAX_PER_FILE differences a file, and says so', async () => {
    await withDeployed(async (connectorId, url) => {
      const many = Object.fromEntries(
        Array.from({ length: MAX_PER_FILE + 5 }, (_, i) => [`x-extra-${i}`, i]),
      );
      const connector = applyOverlays(loadConnectorSync(example), [
        overlayOf({ apiDefinition: many }, 'many.json'),
      ]);
      const drift = await connectorDrift(connector, { token, environment, connectorId, powerAppsUrl: url });
      expect(drift.differences).toHaveLength(MAX_PER_FILE);
      expect(drift.truncated).toBe(true);
    });
  });

  it('needs a connector id and an environment, and names where to give them', async () => {
    const missing = async (options: { environment?: string }) => {
      try {
        await connectorDrift(loadConnectorSync(example), { token, ...options });
      } catch (error) {
        return isFlowportError(error) ? `${error.code} ${error.message}` : String(error);
      }
      return 'no error';
    };
    expect(await missing({})).toMatch(/^USAGE No environment to compare with: pass --environment/);
    expect(await missing({ environment })).toMatch(
      /^USAGE No deployed connector to compare with: pass --connector-id/,
    );
  });
});
