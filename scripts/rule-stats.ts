/**
 * Precision report: runs a preset over a corpus folder and prints, per rule, how many findings and how
 * many connectors it fires on. Usage: node scripts/rule-stats.ts [folder] [preset] [--severity error] [--rule prefix]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConnectorSync } from '../src/connector/load.ts';
import type { PresetName } from '../src/validate/rule.ts';
import { validateConnector } from '../src/validate/validate.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const severity = flag('--severity');
const prefix = flag('--rule');
const examples = Number(flag('--examples') ?? 0);
const corpus = process.env.FLOWPORT_CORPUS ?? join(import.meta.dirname, '../../shared/corpus');
const folder = args[0] ?? join(corpus, 'certified-connectors');
const preset = (args[1] ?? 'certification') as PresetName;

const stats = new Map<string, { findings: number; connectors: Set<string>; samples: string[] }>();
const names = readdirSync(folder);
for (const name of names) {
  const result = validateConnector(loadConnectorSync(join(folder, name)), { preset });
  for (const d of result.diagnostics) {
    if (severity && d.severity !== severity) continue;
    if (prefix && !d.ruleId.startsWith(prefix)) continue;
    const key = `${d.ruleId} (${d.severity})`;
    const s = stats.get(key) ?? { findings: 0, connectors: new Set<string>(), samples: [] };
    stats.set(key, s);
    s.findings++;
    s.connectors.add(name);
    if (s.samples.length < examples) s.samples.push(`${name}: ${d.message} ${d.pointer ?? ''}`);
  }
}
const rows = [...stats].sort((a, b) => b[1].connectors.size - a[1].connectors.size);
console.log(`${names.length} connectors in ${folder}, preset ${preset}`);
console.log('rule (severity)'.padEnd(70), 'connectors', '  %', 'findings');
for (const [key, s] of rows) {
  console.log(
    key.padEnd(70),
    String(s.connectors.size).padStart(10),
    ((100 * s.connectors.size) / names.length).toFixed(1).padStart(5),
    String(s.findings).padStart(8),
  );
  for (const sample of s.samples) console.log(`    ${sample.slice(0, 220)}`);
}
const errors = rows.filter(([k]) => k.endsWith('(error)')).reduce((n, [, s]) => n + s.findings, 0);
console.log(`error-level findings per connector: ${(errors / names.length).toFixed(2)}`);
