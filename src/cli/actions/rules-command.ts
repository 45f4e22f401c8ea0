/**
 * `flowport rules`: the rules, or one explained (its metadata and doc page), offline. The rule named
 * in a pipeline's output (`ConsumesMissing`) works as well as flowport's id (`consumes-missing`).
 */
import pc from 'picocolors';
import { FlowportError } from '../../errors.ts';
import { loadConfig } from '../../validate/config.ts';
import { compileCustomRules } from '../../validate/custom-rules.ts';
import { findRule, nearestRuleIds, RULES } from '../../validate/registry.ts';
import { PRESETS, type PresetName, type Rule, type Severity } from '../../validate/rule.ts';
import { ruleDocPage } from '../../validate/rule-docs.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';

export interface RulesFlags {
  format: 'text' | 'json';
  /** The config whose custom rules are listed too (found from the working folder up without it). */
  config?: string;
  preset?: PresetName;
  category?: string;
  fixable?: boolean;
  color?: boolean;
}

/** A rule's severity in a preset, or undefined when the preset leaves it out. */
function severityIn(rule: Rule, preset: PresetName): Severity | undefined {
  if (!rule.presets.includes(preset)) return undefined;
  return rule.presetSeverity?.[preset] ?? rule.severity;
}

function ruleJson(rule: Rule, configPath?: string) {
  return {
    id: rule.id,
    microsoftId: rule.microsoftId,
    category: rule.category,
    source: rule.source,
    description: rule.description,
    fix: rule.fix,
    fixable: rule.fixable === true,
    presets: Object.fromEntries(
      PRESETS.flatMap((p) => (severityIn(rule, p) ? [[p, severityIn(rule, p)]] : [])),
    ),
    docs: rule.source === 'config' ? configPath : `docs/rules/${rule.id}.md`,
  };
}

function ruleOf(name: string, custom: readonly Rule[]): Rule {
  const rule = findRule(name) ?? custom.find((r) => r.id === name);
  if (rule) return rule;
  const near = nearestRuleIds(name);
  throw new FlowportError(
    'USAGE',
    `No rule \`${name}\`${near.length ? `; did you mean ${near.map((id) => `\`${id}\``).join(', ')}?` : '.'} \`flowport rules\` lists them all.`,
  );
}

function explainText(rule: Rule, color: boolean, configPath?: string): string {
  const c = color ? pc : pc.createColors(false);
  const presets = PRESETS.flatMap((p) => {
    const s = severityIn(rule, p);
    return s ? [`${p} (${s})`] : [];
  });
  const head = [
    c.bold(`${rule.id}${rule.microsoftId ? ` (Microsoft: ${rule.microsoftId})` : ''}`),
    `${rule.description}`,
    `category ${rule.category} · from ${rule.source} · ${presets.length ? `in ${presets.join(', ')}` : 'in no preset (turn it on in flowport.config.json)'}${rule.fixable ? ' · `flowport validate --fix` fixes it' : ''}`,
  ];
  const doc = ruleDocPage(rule.id);
  // The page's own title repeats the id: the rest of it, headings in bold on a terminal.
  const body = doc
    ?.replace(/^# .*\n+/, '')
    .split('\n')
    .map((line) => (/^#{2,} /.test(line) ? c.bold(line) : line))
    .join('\n')
    .trimEnd();
  const text = body ?? (rule.fix ? `Fix: ${rule.fix}` : undefined);
  return [
    ...head,
    '',
    ...(text ? [text, ''] : []),
    c.dim(
      rule.source === 'config'
        ? `a custom rule of ${configPath ?? 'the config'}`
        : doc
          ? `docs/rules/${rule.id}.md`
          : '(the rule docs are not installed beside this copy of flowport)',
    ),
  ].join('\n');
}

const SHORT: Record<Severity, string> = { error: 'error', warning: 'warn', info: 'info' };

/**
 * The rules by category, one line each: the severity in each preset (`rec`ommended, `cert`ification,
 * `ip`: independent-publisher; `-` when left out), whether `--fix` fixes it, the id and Microsoft's.
 * The fixed-width columns come first, so that long ids do not push them off a narrow terminal.
 */
function listText(rules: readonly Rule[], color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const out: string[] = [];
  for (const category of [...new Set(rules.map((r) => r.category))]) {
    out.push('', c.bold(category), c.dim('  rec    cert   ip     fix  rule'));
    for (const r of rules.filter((x) => x.category === category)) {
      const severities = PRESETS.map((p) => {
        const s = severityIn(r, p);
        return (s ? SHORT[s] : '-').padEnd(5);
      }).join('  ');
      const ms = r.microsoftId ? c.dim(` (${r.microsoftId})`) : '';
      out.push(`  ${severities}  ${r.fixable ? 'yes' : '   '}  ${r.id}${ms}`);
    }
  }
  const fixable = rules.filter((r) => r.fixable).length;
  out.push(
    '',
    `${rules.length} rules (${fixable} fixable with --fix); \`flowport rules <rule>\` explains one, by its id or Microsoft's.`,
  );
  return out.join('\n').replace(/^\n/, '');
}

/** Lists the rules (filtered by the flags) or explains one; returns the exit code. */
export function runRulesCommand(name: string | undefined, flags: RulesFlags, io: Io): number {
  const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
  // The team's own rules (customRules) beside flowport's.
  const config = loadConfig(flags.config ? { file: flags.config } : {});
  const custom = config?.customRules ? compileCustomRules(config.customRules) : [];
  const all = [...RULES, ...custom];
  if (name !== undefined) {
    const rule = ruleOf(name, custom);
    const doc = flags.format === 'json' ? ruleDocPage(rule.id) : undefined;
    io.stdout.write(
      flags.format === 'json'
        ? `${JSON.stringify({ ...ruleJson(rule, config?.path), ...(doc !== undefined && { doc }) }, null, 2)}\n`
        : `${explainText(rule, color, config?.path)}\n`,
    );
    return EXIT.ok;
  }
  const categories = new Set(all.map((r) => r.category));
  if (flags.category !== undefined && !categories.has(flags.category as Rule['category']))
    throw new FlowportError(
      'USAGE',
      `No category \`${flags.category}\`; the categories are ${[...categories].map((x) => `\`${x}\``).join(', ')}.`,
    );
  const rules = all.filter(
    (r) =>
      (flags.preset === undefined || severityIn(r, flags.preset) !== undefined) &&
      (flags.category === undefined || r.category === flags.category) &&
      (!flags.fixable || r.fixable === true),
  );
  io.stdout.write(
    flags.format === 'json'
      ? `${JSON.stringify(
          rules.map((r) => ruleJson(r, config?.path)),
          null,
          2,
        )}\n`
      : `${listText(rules, color)}\n`,
  );
  return EXIT.ok;
}
