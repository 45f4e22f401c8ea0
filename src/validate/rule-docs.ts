import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { RULES } from './registry.ts';
import { PRESETS, type Rule } from './rule.ts';

function presetCell(rule: Rule, preset: (typeof PRESETS)[number]): string {
  if (!rule.presets.includes(preset)) return '';
  return rule.presetSeverity?.[preset] ?? rule.severity;
}

/** The rules index `docs/rules/README.md`, derived from rule metadata. */
export function renderRulesIndex(rules: readonly Rule[] = RULES): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from rule metadata by `npm run docs`; do not edit by hand. -->',
    '',
    `flowport has ${rules.length} rules. Each row gives the severity in each preset (empty: not in it).`,
    "Rules mirroring Microsoft's Swagger Validator keep its rule id, so findings can be matched with what",
    'the certification pipeline prints. Change severities or turn rules off in `flowport.config.json`.',
    'Rules marked in the `--fix` column offer the change that fixes their findings; `flowport validate --fix` makes it.',
    '',
  ];
  const categories = [...new Set(rules.map((r) => r.category))];
  for (const category of categories) {
    lines.push(`## ${category}`, '');
    lines.push(`| rule | Microsoft id | ${PRESETS.join(' | ')} | \`--fix\` | checks |`);
    lines.push(`|---|---|${PRESETS.map(() => '---').join('|')}|---|---|`);
    for (const r of rules.filter((x) => x.category === category)) {
      const cells = PRESETS.map((p) => presetCell(r, p));
      lines.push(
        `| [${r.id}](${r.id}.md) | ${r.microsoftId ?? ''} | ${cells.join(' | ')} | ${r.fixable ? 'yes' : ''} | ${r.description.replace(/\|/g, '\\|')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * A rule's doc page (`docs/rules/<id>.md` of this checkout or package, Markdown), or undefined when
 * the docs are not beside this copy of flowport.
 */
export function ruleDocPage(id: string): string | undefined {
  try {
    return readFileSync(join(packageRoot(), 'docs', 'rules', `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
