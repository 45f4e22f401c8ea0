/**
 * `flowport validate --fix` over the corpus, in memory: for every connector, the edits its findings
 * offer are made in its swagger and the fixed connector validated again, in passes as `validate --fix`
 * makes them. What --fix promises: every fixable finding is gone (a fixed point: no edit left to
 * make), the file is still JSON, and no other finding appears that was not there before.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverConnectors } from '../../src/connector/discover.ts';
import { readSource } from '../../src/connector/files.ts';
import { connectorFromFiles, loadConnectorSync } from '../../src/connector/load.ts';
import type { Diagnostic } from '../../src/validate/diagnostic.ts';
import { fixText, MAX_FIX_PASSES } from '../../src/validate/fix.ts';
import { findRule } from '../../src/validate/registry.ts';
import { applySuggestions } from '../../src/validate/suggestion.ts';
import { validateConnector } from '../../src/validate/validate.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const available = existsSync(root);
if (!available) console.warn(`--fix sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
if (!available) it.skip(`--fix sweep: corpus not found at ${root}`, () => {});

describe.skipIf(!available)(`--fix sweep over ${root}`, () => {
  it('fixes every fixable finding, keeps the files JSON and brings no new finding', () => {
    const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
      (k) => discoverConnectors(join(root, k)),
    );
    const problems: string[] = [];
    const fixedByRule = new Map<string, number>();
    let connectors = 0;
    let mostPasses = 0;
    for (const source of sources) {
      const connector = loadConnectorSync(source);
      const before = validateConnector(connector);
      const isFixable = (d: Diagnostic) => d.edit !== undefined && d.fileKind === 'swagger';
      let fixable = before.diagnostics.filter(isFixable);
      if (fixable.length === 0) continue;
      const read = readSource(source);
      const swagger = read.discovered.files.swagger;
      if (!swagger?.text) continue;
      connectors++;
      // As `validate --fix` does: changes made in passes, validating again after each.
      let text = swagger.text;
      let again = before;
      const offering = new Set<string>();
      let passes = 0;
      while (fixable.length > 0 && passes < MAX_FIX_PASSES) {
        for (const d of fixable) {
          offering.add(d.ruleId);
          if (!findRule(d.ruleId)?.fixable)
            problems.push(`${source}: ${d.ruleId} offers a change but is not marked fixable`);
        }
        const { after, fixed } = fixText(text, fixable);
        if (fixed === 0) break;
        for (const d of fixable) fixedByRule.set(d.ruleId, (fixedByRule.get(d.ruleId) ?? 0) + 1);
        text = after;
        passes++;
        const files = Object.values(read.discovered.files).flatMap((f) =>
          !f ? [] : [{ name: f.name, bytes: f === swagger ? new TextEncoder().encode(text) : f.bytes }],
        );
        again = validateConnector(connectorFromFiles(files, { source, kind: connector.kind }));
        fixable = again.diagnostics.filter(isFixable);
      }
      mostPasses = Math.max(mostPasses, passes);
      // The same finding may read differently once fixed (messages quote the text): matched by place.
      const key = (d: { ruleId: string; file?: string | undefined; pointer?: string | undefined }) =>
        `${d.ruleId} ${d.file} ${d.pointer}`;
      const known = new Set(before.diagnostics.map(key));
      const fresh = again.diagnostics.filter((d) => !known.has(key(d)) && !offering.has(d.ruleId));
      if (fixable.length > 0)
        problems.push(`${source}: still fixable after --fix: ${fixable.map(key).slice(0, 3).join('; ')}`);
      if (fresh.length > 0)
        problems.push(`${source}: new after --fix: ${fresh.map(key).slice(0, 3).join('; ')}`);
    }
    console.log(
      `--fix sweep: ${connectors} connectors fixed in memory in at most ${mostPasses} passes; ${[...fixedByRule].map(([r, n]) => `${r} ${n}`).join(', ')}`,
    );
    expect(problems).toEqual([]);
    expect(connectors).toBeGreaterThan(100);
  }, 120_000);

  it('suggests removing duplicate keys: taken, they change nothing any JSON reader sees', () => {
    const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
      (k) => discoverConnectors(join(root, k)),
    );
    let files = 0;
    for (const source of sources) {
      const connector = loadConnectorSync(source);
      const duplicate = (d: Diagnostic) => d.ruleId === 'json-duplicate-key' && d.suggestion !== undefined;
      for (const kind of ['swagger', 'apiProperties'] as const) {
        const file = connector.files[kind];
        let found = validateConnector(connector).diagnostics.filter(
          (d) => duplicate(d) && d.fileKind === kind,
        );
        if (!file?.text || found.length === 0) continue;
        files++;
        let text = file.text;
        for (let pass = 0; pass < MAX_FIX_PASSES && found.length > 0; pass++) {
          text = applySuggestions(text, found);
          const files = Object.values(readSource(source).discovered.files).flatMap((f) =>
            !f ? [] : [{ name: f.name, bytes: f.kind === kind ? new TextEncoder().encode(text) : f.bytes }],
          );
          found = validateConnector(
            connectorFromFiles(files, { source, kind: connector.kind }),
          ).diagnostics.filter((d) => duplicate(d) && d.fileKind === kind);
        }
        expect(found, source).toEqual([]);
        expect(JSON.parse(text.replace(/^\ufeff/, '')), `${source} ${kind}`).toEqual(
          connector.documents[kind]?.value,
        );
      }
    }
    // Three swaggers and one apiProperties.json of the corpus repeat a key.
    expect(files).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
