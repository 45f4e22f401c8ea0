import type { JsonValue } from '../../connector/json.ts';
import type { DriftResult } from '../../deploy/drift.ts';
import { MAX_PER_FILE } from '../../deploy/drift.ts';

/** Widest value shown inline; longer ones are cut (strings) or summarised (objects and arrays). */
const WIDTH = 60;

/** A value in a drift line: short JSON as it is, longer text cut, long objects and arrays summarised. */
export function driftValue(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  const json = JSON.stringify(value);
  if (json.length <= WIDTH) return json;
  if (typeof value === 'string') return `${json.slice(0, WIDTH - 2)}…"`;
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  const n = Object.keys(value as object).length;
  return `{${n} member${n === 1 ? '' : 's'}}`;
}

const bytes = (n: number | undefined) => (n === undefined ? '(none)' : `${n.toLocaleString('en-US')} bytes`);

/** `flowport deploy --dry-run`'s report: each difference as deployed → local, grouped by file. */
export function driftText(drift: DriftResult): string {
  const head = `Connector ${drift.connectorId} in ${drift.environment}`;
  if (drift.differences.length === 0)
    return `${head} matches this connector: a deploy would change nothing.\n`;
  const count = `${drift.differences.length}${drift.truncated ? '+' : ''} difference${drift.differences.length === 1 ? '' : 's'}`;
  const lines = [`${head}: ${count}, as deployed → local (what a deploy would send).`];
  let file = '';
  for (const d of drift.differences) {
    if (d.pointer === undefined) {
      lines.push(`${d.file}  ${bytes(d.deployedBytes)} → ${bytes(d.localBytes)}`);
      file = '';
      continue;
    }
    if (d.file !== file) lines.push(d.file);
    file = d.file;
    lines.push(`  ${d.pointer || '/'}  ${driftValue(d.deployed)} → ${driftValue(d.local)}`);
  }
  if (drift.truncated) lines.push(`(only the first ${MAX_PER_FILE} differences of a file are listed)`);
  lines.push('Nothing was sent; `flowport deploy` without --dry-run makes the environment match.');
  return `${lines.join('\n')}\n`;
}
