/**
 * The pull request's description in GitHub Markdown: what the connector is, the checklist (ticked
 * where the rules found nothing to fix, open where only the submitter can confirm, failed with the
 * findings where they did), the validation totals, and the breaking changes from the version in the
 * repository.
 */
import { plural } from '../validate/reporters/text.ts';
import { VERSION } from '../version.ts';
import type { CheckedItem } from './checklist.ts';
import { FILE_NAMES, type PrReport } from './report.ts';

/** Findings listed under a failed item; the rest are counted. */
const SHOWN = 5;

export function prBody(report: PrReport): string {
  const out: string[] = [];
  if (report.description) out.push(report.description, '');
  out.push(`Files: \`${report.folder}/\` (${report.files.map((f) => f.name).join(', ')}).`, '');
  out.push('### Checklist', '');
  for (const checked of report.checklist) out.push(...item(checked));
  out.push('', '### Validation', '');
  const { summary, preset } = report.validation;
  out.push(
    `\`flowport validate --preset ${preset}\` (flowport ${VERSION}, offline): ${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${summary.info} info.`,
  );
  const breaking = report.breaking;
  if (breaking) {
    const { changes, summary: s, update } = breaking.result;
    out.push('', `### Changes from ${breaking.against}`, '');
    if (changes.length === 0) out.push('Nothing that breaks existing flows or connections.');
    else {
      out.push(
        `${plural(changes.length, 'change')} that break existing flows or connections (${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}):`,
        '',
      );
      for (const c of changes.slice(0, 20)) out.push(`- \`${c.path}\`: ${c.message} ${c.detail}`);
      if (changes.length > 20)
        out.push(`- … and ${changes.length - 20} more (\`flowport breaking\` lists them).`);
    }
    out.push(
      '',
      update.kind === 'none'
        ? `The files are the same as ${breaking.against}.`
        : `For certification this is a **${update.kind}** update${update.kind === 'minor' ? ' (descriptions, summaries, brand or readme only)' : ''}.`,
    );
  }
  const smoke = report.smoke?.filter((r) => !r.skipped);
  if (smoke && smoke.length > 0) {
    const passed = smoke.filter((r) => r.ok).length;
    const checked = smoke.filter((r) => r.schemaDifferences !== undefined);
    const differing = checked.filter((r) => (r.schemaDifferences ?? 0) > 0).length;
    const schemas =
      checked.length === 0
        ? ''
        : differing === 0
          ? '; every answer matches its response schema'
          : `; ${differing} ${differing === 1 ? 'answer differs' : 'answers differ'} from the response schema`;
    out.push(
      '',
      '### Smoke run',
      '',
      `\`flowport smoke\`${smoke.some((r) => r.mock) ? " against flowport's mock of the swagger (not the API)" : ''}: ${passed} of ${plural(smoke.length, 'call')} answered 2xx${schemas}.`,
      '',
    );
    const column = checked.length > 0;
    out.push(
      column ? '| operation | status | response schema |' : '| operation | status |',
      column ? '|---|---|---|' : '|---|---|',
    );
    for (const r of smoke) {
      const status = `| \`${r.operationId}\` | ${r.status ?? r.error ?? 'no answer'} |`;
      const schema =
        r.schemaDifferences === undefined
          ? '—'
          : r.schemaDifferences === 0
            ? 'matches'
            : `${r.schemaDifferences} ${r.schemaDifferences === 1 ? 'difference' : 'differences'}`;
      out.push(column ? `${status} ${schema} |` : status);
    }
  }
  if (report.kind === 'independent-publisher')
    out.push(
      '',
      '### Screenshots',
      '',
      '<!-- Three different operations succeeding in flow runs, and the Test tab of the custom connector. -->',
    );
  return `${out.join('\n')}\n`;
}

function item({ item, state, errors, warnings, notes }: CheckedItem): string[] {
  const box = state === 'done' ? '[x]' : '[ ]';
  const lines: string[] = [];
  const evidence = notes.slice(0, SHOWN).map((n) => `  - ${n}`);
  if (notes.length > SHOWN) evidence.push(`  - … and ${notes.length - SHOWN} more.`);
  if (state === 'to-confirm') {
    lines.push(`- ${box} ${item.text}${item.hint ? ` <!-- ${item.hint} -->` : ''}`, ...evidence);
    return lines;
  }
  if (state === 'failed' && errors.length === 0) {
    lines.push(`- ${box} ${item.text} **Not yet:**`, ...evidence);
    return lines;
  }
  if (state === 'done') {
    const note = warnings.length > 0 ? ` (${plural(warnings.length, 'warning')} to consider)` : '';
    lines.push(`- ${box} ${item.text}${note}`);
    return lines;
  }
  lines.push(`- ${box} ${item.text} **Not yet: ${plural(errors.length, 'error')}.**`);
  for (const d of errors.slice(0, SHOWN)) {
    // The repository's file name: a path on the submitter's machine means nothing to reviewers.
    const file = (d.fileKind && FILE_NAMES[d.fileKind]) ?? d.file?.split(/[\\/]/).pop() ?? '';
    const at = d.line === undefined ? file : `${file}:${d.line}:${d.column ?? 1}`;
    lines.push(`  - \`${d.ruleId}\` ${d.message} (${at})`);
  }
  if (errors.length > SHOWN) lines.push(`  - … and ${errors.length - SHOWN} more.`);
  return lines;
}
