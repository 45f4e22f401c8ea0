import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareConnectors } from '../../src/breaking/compare.ts';
import { discoverConnectors } from '../../src/connector/discover.ts';
import { readSource } from '../../src/connector/files.ts';
import { connectorFromFiles } from '../../src/connector/load.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const available = existsSync(root);
if (!available)
  console.warn(`Breaking-change sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
if (!available) it.skip(`breaking-change sweep: corpus not found at ${root}`, () => {});

/** The connector's files, with its swagger changed by `edit` when given (strict JSON only). */
function versions(source: string) {
  const read = readSource(source);
  const files = Object.values(read.discovered.files).flatMap((f) =>
    f ? [{ name: f.name, bytes: f.bytes }] : [],
  );
  const swagger = read.discovered.files.swagger;
  let doc: Record<string, Record<string, Record<string, { operationId?: unknown }>>> | undefined;
  try {
    doc = swagger?.text === undefined ? undefined : JSON.parse(swagger.text.replace(/^\uFEFF/, ''));
  } catch {
    doc = undefined;
  }
  return { files, swaggerName: swagger?.name, doc };
}

describe.skipIf(!available)(`breaking-change sweep over ${root}`, () => {
  const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
    (k) => discoverConnectors(join(root, k)),
  );

  it('finds no change between a connector and itself, and the one operation removed from a copy', () => {
    const failures: string[] = [];
    let removedChecked = 0;
    for (const source of sources) {
      const { files, swaggerName, doc } = versions(source);
      const before = connectorFromFiles(files, { source });
      const self = compareConnectors(before, connectorFromFiles(files, { source }));
      if (self.changes.length > 0) failures.push(`${source}: ${self.changes.length} changes against itself`);
      // Remove the first operation that has an id (a unique one: duplicates are matched to the first).
      const ids = before.operations.flatMap((o) => (o.id ? [o.id] : []));
      const target = before.operations.find((o) => o.id && ids.indexOf(o.id) === ids.lastIndexOf(o.id));
      if (!doc || !swaggerName || !target?.id) continue;
      delete doc.paths?.[target.path]?.[target.method];
      const edited = files.map((f) =>
        f.name === swaggerName ? { name: f.name, bytes: new TextEncoder().encode(JSON.stringify(doc)) } : f,
      );
      const removed = compareConnectors(before, connectorFromFiles(edited, { source }));
      const kinds = removed.changes.map((c) => `${c.kind} ${c.path}`);
      if (kinds.join('\n') !== `operation-deleted operation/${target.id}`)
        failures.push(`${source}: removing ${target.id} gave ${JSON.stringify(kinds)}`);
      removedChecked++;
    }
    expect(failures).toEqual([]);
    expect(sources.length).toBeGreaterThan(700);
    expect(removedChecked).toBeGreaterThan(600);
  }, 120_000);
});
