/**
 * Writes every finding over a corpus (each connector with the preset its folder implies) as sorted
 * lines, to compare two versions of flowport: a change meant to be behaviour-neutral must leave the
 * file identical. Usage: node scripts/findings-snapshot.ts <out-file> [corpus folder]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverConnectors } from '../src/connector/discover.ts';
import { loadConnectorSync } from '../src/connector/load.ts';
import { validateConnector } from '../src/validate/validate.ts';

const [
  out = 'findings.txt',
  corpus = process.env.FLOWPORT_CORPUS ?? join(import.meta.dirname, '../../shared/corpus'),
] = process.argv.slice(2);
const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
  (k) => discoverConnectors(join(corpus, k)),
);
const lines: string[] = [];
for (const source of sources) {
  for (const d of validateConnector(loadConnectorSync(source)).diagnostics) {
    lines.push(
      [d.file, d.line, d.column, d.length, d.severity, d.ruleId, d.pointer, d.message, d.fix].join('\t'),
    );
  }
}
lines.sort();
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} findings from ${sources.length} connectors written to ${out}`);
