import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FlowportError } from '../errors.ts';
import { type CustomRuleSpec, parseCustomRules } from './custom-rules.ts';
import type { RuleOverrides } from './presets.ts';
import { findRule } from './registry.ts';
import { PRESETS, type PresetName, SEVERITIES } from './rule.ts';

/** `flowport.config.json`, or the `flowport` key of package.json. */
export interface FlowportConfig {
  readonly preset?: PresetName;
  readonly rules?: RuleOverrides;
  /** The team's own rules (see custom-rules.ts), by id. */
  readonly customRules?: Readonly<Record<string, CustomRuleSpec>>;
  /** Where it was read from, for messages. */
  readonly path?: string;
}

const FILE = 'flowport.config.json';

/** Checks a parsed config; throws `CONFIG_INVALID` naming the key and the fix. */
export function parseConfig(value: unknown, path: string): FlowportConfig {
  const fail = (message: string): never => {
    throw new FlowportError('CONFIG_INVALID', `${path}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('the config must be a JSON object.');
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'preset' && key !== 'rules' && key !== 'customRules' && key !== '$schema')
      fail(`unknown key \`${key}\`; use \`preset\`, \`rules\` or \`customRules\`.`);
  }
  const preset = obj.preset;
  if (preset !== undefined && !PRESETS.includes(preset as PresetName)) {
    fail(`\`preset\` must be one of ${PRESETS.map((p) => `\`${p}\``).join(', ')}.`);
  }
  const customRules =
    obj.customRules === undefined
      ? undefined
      : parseCustomRules(obj.customRules, path, (id) => Boolean(findRule(id)));
  const rules: Record<string, 'off' | 'on' | (typeof SEVERITIES)[number]> = {};
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      fail('`rules` must be an object of rule id → "error" | "warning" | "info" | "off" | "on".');
    }
    for (const [id, level] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!findRule(id) && !customRules?.[id])
        fail(`\`rules.${id}\` names no rule; see docs/rules/README.md for the rule ids.`);
      if (level !== 'off' && level !== 'on' && !SEVERITIES.includes(level as 'error')) {
        fail(`\`rules.${id}\` must be "error", "warning", "info", "off" or "on" (the rule's own severity).`);
      }
      rules[id] = level as 'off';
    }
  }
  return {
    ...(preset !== undefined && { preset: preset as PresetName }),
    rules,
    ...(customRules && { customRules }),
    path,
  };
}

/** A JSON file of settings (a config, suppressions, accepted changes); bad JSON is `CONFIG_INVALID` naming it. */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new FlowportError('CONFIG_INVALID', `${path}: not valid JSON (${(cause as Error).message}).`, {
      cause,
    });
  }
}

/** Reads a config file given explicitly, or finds one from `dir` upwards. */
export function loadConfig(options: { file?: string; dir?: string } = {}): FlowportConfig | undefined {
  if (options.file) {
    const path = resolve(options.file);
    if (!existsSync(path))
      throw new FlowportError('CONFIG_INVALID', `${path}: the config file does not exist.`);
    return parseConfig(readJsonFile(path), path);
  }
  let dir = resolve(options.dir ?? '.');
  for (;;) {
    const file = join(dir, FILE);
    if (existsSync(file)) return parseConfig(readJsonFile(file), file);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const value = readJsonFile(pkg) as Record<string, unknown>;
      if (value && typeof value === 'object' && 'flowport' in value)
        return parseConfig(value.flowport, `${pkg}#flowport`);
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Whether `id` names a rule: one of flowport's (by its id or Microsoft's) or one of the config's own. */
export function namesRule(config: FlowportConfig | undefined, id: string): boolean {
  return Boolean(findRule(id)) || Object.hasOwn(config?.customRules ?? {}, id);
}
