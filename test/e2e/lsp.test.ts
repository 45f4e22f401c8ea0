import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnLsp } from './lsp-session.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('`flowport lsp --stdio` from a checkout', () => {
  it('serves an editor session: findings of unsaved text and exit 0 after shutdown', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'flowport-lsp-e2e-'));
    const folder = join(workspace, 'certified-connectors', 'Tasklane');
    cpSync(join(root, 'examples/tasklane'), folder, { recursive: true });
    const swagger = join(folder, 'apiDefinition.swagger.json');
    const text = readFileSync(swagger, 'utf8');
    const lsp = spawnLsp(join(root, 'bin/flowport.js'));
    const init = await lsp.client.initialize({ rootPath: workspace });
    expect(init.serverInfo).toMatchObject({ name: 'flowport' });
    lsp.client.open(
      swagger,
      text.replace('"Only return tasks with this status."', '"Only return tasks with this status"'),
    );
    const found = await lsp.client.diagnostics(swagger);
    expect(found.map((d) => d.code)).toContain('parameter-description-sentence');
    expect(await lsp.stop()).toBe(0);
    // Nothing but the protocol on standard output, and nothing on standard error.
    expect(lsp.stderr()).toBe('');
  }, 60_000);
});
