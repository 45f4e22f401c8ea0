import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverConnectors } from '../../src/connector/discover.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import { prBody } from '../../src/pr/body.ts';
import { prReport } from '../../src/pr/report.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const available = existsSync(root);
if (!available)
  console.warn(`pull request sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
if (!available) it.skip(`pull request sweep: corpus not found at ${root}`, () => {});

describe.skipIf(!available)(`pull request sweep over ${root}`, () => {
  it('prepares every certified and independent-publisher connector: its folder, files and a description', () => {
    const counts = { certified: 0, 'independent-publisher': 0, ready: 0 };
    const failures: string[] = [];
    for (const kind of ['certified', 'independent-publisher'] as const) {
      for (const source of discoverConnectors(join(root, `${kind}-connectors`))) {
        const report = prReport(loadConnectorSync(source), { kind });
        counts[kind]++;
        const body = prBody(report);
        if (!report.folder.startsWith(`${kind}-connectors/`) || /[\\:*?"<>|]/.test(report.folder))
          failures.push(`${source}: folder ${report.folder}`);
        // A folder without a swagger (one in the corpus) is prepared, and refused by the rules.
        const swagger = report.files.some((f) => f.name === 'apiDefinition.swagger.json');
        if (!swagger && report.validation.summary.error === 0)
          failures.push(`${source}: no swagger, no error`);
        if (report.files.some((f) => f.name === 'icon.png')) failures.push(`${source}: icon in the folder`);
        if (!body.includes('### Checklist') || body.includes(source)) failures.push(`${source}: description`);
        if (report.checklist.every((c) => c.state !== 'failed')) counts.ready++;
      }
    }
    console.log(
      `pull requests: ${counts.certified} certified, ${counts['independent-publisher']} independent-publisher; ${counts.ready} with every rule-decided item ticked`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(counts.certified).toBeGreaterThan(300);
    expect(counts['independent-publisher']).toBeGreaterThan(150);
  }, 120_000);
});
