import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverConnectors } from '../../src/connector/discover.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import { folderFindings } from '../../src/lsp/folder-findings.ts';
import { findingRange } from '../../src/lsp/lsp-diagnostic.ts';
import { validateConnector } from '../../src/validate/validate.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const available = existsSync(root);
if (!available) console.warn(`LSP sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
if (!available) it.skip(`LSP sweep: corpus not found at ${root}`, () => {});

/** The offset flowport's 1-based line and column name in the text it read (lines end at `\n`). */
function engineOffset(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

describe.skipIf(!available)(`LSP sweep over ${root}`, () => {
  it("puts every finding of every connector where the CLI's line and column point, in the editor's text", () => {
    const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
      (k) => discoverConnectors(join(root, k)),
    );
    const misplaced: string[] = [];
    let placed = 0;
    let total = 0;
    let connectors = 0;
    for (const folder of sources) {
      const found = folderFindings(folder, new Map());
      if (!found) continue;
      connectors++;
      const expected = validateConnector(loadConnectorSync(folder)).diagnostics.length;
      const published = [...found.files.values()].reduce((n, f) => n + f.findings.length, 0);
      if (published !== expected)
        misplaced.push(`${folder}: ${published} findings published, ${expected} found`);
      total += published;
      for (const [path, file] of found.files) {
        if (path.endsWith('.png')) continue;
        const read = readFileSync(path, 'utf8');
        for (const d of file.findings) {
          if (d.line === undefined || d.file !== path) continue;
          const range = findingRange(d, file.document, file.bom);
          const at = file.document.offsetAt(range.start) + (file.bom ? 1 : 0);
          // The byte order mark is not in the editor's text: a finding at it is at the start.
          const want = Math.max(
            Math.min(engineOffset(read, d.line, d.column ?? 1), read.length),
            file.bom ? 1 : 0,
          );
          if (at === want) placed++;
          else misplaced.push(`${path}:${d.line}:${d.column} ${d.ruleId} → offset ${at}, not ${want}`);
        }
      }
    }
    console.log(`LSP sweep: ${connectors} connectors, ${total} findings published, ${placed} placed checked`);
    expect(connectors).toBeGreaterThan(700);
    expect(misplaced.slice(0, 20)).toEqual([]);
  }, 300_000);
});
