import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runOne } from '../../validate/run-one.ts';
import { fixableSwagger } from '../../validate/testing.ts';
import { fixConnectors } from './fix-connectors.ts';

const swagger = fixableSwagger('Get a task', 'Task ID');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function connector(): { root: string; folder: string; file: string } {
  dir = mkdtempSync(join(tmpdir(), 'flowport-fix-connectors-'));
  const folder = join(dir, 'demo');
  mkdirSync(folder);
  const file = join(folder, 'apiDefinition.swagger.json');
  writeFileSync(file, swagger);
  return { root: dir, folder, file };
}

describe('fixConnectors', () => {
  it('shows the changes as a git-style diff, paths relative to the working folder, and writes nothing', async () => {
    const { root, folder, file } = connector();
    const outcomes = [runOne(folder, {})];
    const run = await fixConnectors(outcomes, {}, 'diff', root);
    expect(run.files).toBe(1);
    expect(run.note).toBe('--fix would fix 1 finding in 1 file; nothing was written.');
    expect(run.diff).toContain(
      '--- a/demo/apiDefinition.swagger.json\n+++ b/demo/apiDefinition.swagger.json\n',
    );
    expect(run.diff).toContain('+            "x-ms-url-encoding": "single"\n');
    expect(readFileSync(file, 'utf8')).toBe(swagger);
  });

  it('writes the changes and validates the connector again', async () => {
    const { folder, file } = connector();
    const outcomes = [runOne(folder, {})];
    const run = await fixConnectors(outcomes, {}, 'write');
    expect(run.note).toBe('fixed 1 finding in 1 file.');
    expect(JSON.parse(readFileSync(file, 'utf8')).paths['/tasks/{id}'].get.parameters[0]).toMatchObject({
      'x-ms-url-encoding': 'single',
    });
    expect(outcomes[0]?.result?.diagnostics.filter((d) => d.edit)).toEqual([]);
  });

  it('fixes a swagger given as a file of any name', async () => {
    const { root } = connector();
    const file = join(root, 'openapi.json');
    writeFileSync(file, swagger);
    const run = await fixConnectors([runOne(file, {})], {}, 'diff', root);
    expect(run.note).toBe('--fix would fix 1 finding in 1 file; nothing was written.');
    expect(run.diff).toContain('--- a/openapi.json\n+++ b/openapi.json\n');
  });

  it('changes nothing in a zip, and says how to fix it', async () => {
    const { root } = connector();
    const zip = join(root, 'demo.zip');
    writeFileSync(zip, zipSync({ 'apiDefinition.swagger.json': new TextEncoder().encode(swagger) }));
    const before = readFileSync(zip);
    for (const mode of ['write', 'diff'] as const) {
      const run = await fixConnectors([runOne(zip, {})], {}, mode);
      expect(run.files).toBe(0);
      expect(run.note).toContain('1 finding --fix could fix is in files inside a zip: unzip the connector');
    }
    expect(readFileSync(zip)).toEqual(before);
  });
});
