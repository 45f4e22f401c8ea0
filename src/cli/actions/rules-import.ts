/**
 * `flowport rules --import <ruleset>`: a Spectral ruleset's rules written into flowport.config.json
 * as custom rules, each checked as the config will be; what cannot be carried over is listed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FlowportError, isFlowportError } from '../../errors.ts';
import { parseConfig, readJsonFile } from '../../validate/config.ts';
import { importSpectral, type Skipped } from '../../validate/spectral-import.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';

export interface ImportFlags {
  /** The config written (created when missing); `flowport.config.json` here by default. */
  config?: string;
  /** Put before every imported rule's id (`contoso-`). */
  prefix?: string;
}

export function runRulesImport(ruleset: string, flags: ImportFlags, io: Io): number {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(ruleset, 'utf8'));
  } catch (cause) {
    throw new FlowportError(
      'USAGE',
      `Cannot read the Spectral ruleset \`${ruleset}\`: ${(cause as Error).message.split('\n')[0]}`,
      { cause },
    );
  }
  const file = resolve(flags.config ?? 'flowport.config.json');
  const config = existsSync(file) ? readJsonFile(file) : {};
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new FlowportError('CONFIG_INVALID', `${file}: the config must be a JSON object.`);
  const current = config as Record<string, unknown>;
  // The config as it is must be right: the import only adds to it.
  parseConfig(current, file);
  const existing = (current.customRules ?? {}) as Record<string, unknown>;
  const { customRules, renamed, skipped, notes } = importSpectral(parsed, flags.prefix ?? '');
  const added: Record<string, unknown> = {};
  const refused: Skipped[] = [...skipped];
  for (const [id, rule] of Object.entries(customRules)) {
    const from = renamed[id] ?? id;
    if (Object.hasOwn(existing, id)) {
      refused.push({ rule: from, reason: `the config already has a custom rule \`${id}\`` });
      continue;
    }
    try {
      parseConfig({ customRules: { [id]: rule } }, file);
      added[id] = rule;
    } catch (error) {
      if (!isFlowportError(error)) throw error;
      refused.push({ rule: from, reason: error.message.slice(`${file}: `.length) });
    }
  }
  const out: string[] = [];
  const count = Object.keys(added).length;
  if (count > 0) {
    writeFileSync(
      file,
      `${JSON.stringify({ ...current, customRules: { ...existing, ...added } }, null, 2)}\n`,
    );
    out.push(`Imported ${count} rule${count === 1 ? '' : 's'} into ${file}:`);
    for (const id of Object.keys(added)) out.push(`  ${id}${renamed[id] ? ` (from ${renamed[id]})` : ''}`);
  } else out.push(`No rule imported; ${file} is unchanged.`);
  if (refused.length > 0) {
    out.push('', `Not imported (${refused.length}):`);
    for (const s of refused) out.push(`  ${s.rule}: ${s.reason}`);
  }
  if (notes.length > 0) out.push('', ...notes.map((n) => `Note: ${n}`));
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
