import type { Connector } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { sentenceCased } from '../../helpers/case-fix.ts';
import { type CaseIssue, nameWords, sentenceCaseIssue } from '../../helpers/sentence-case.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const titles = new WeakMap<Connector, Set<string>>();

function describe(issue: CaseIssue): string {
  if (issue.kind === 'upper-case') return 'is written in upper case';
  if (issue.kind === 'lower-case-start') return `starts with the lower-case word \`${issue.word}\``;
  return `capitalises ${issue.words.map((w) => `\`${w}\``).join(', ')}`;
}

export default defineRule({
  id: 'operation-summary-sentence-case',
  description:
    'Certification: an operation `summary` is in sentence case ("Create a task"), not Title Case (heuristic).',
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Capitalise only the first word, acronyms and proper names: "Get user profile", not "Get User Profile".',
  fixable: true,
  visit: {
    operation(op, ctx) {
      if (!op.summary) return;
      let names = titles.get(ctx.connector);
      if (!names) {
        names = nameWords(ctx.connector.definition.info.title);
        titles.set(ctx.connector, names);
      }
      const issue = sentenceCaseIssue(op.summary, names);
      if (!issue) return;
      const at = join(op.pointer, 'summary');
      const fixed = sentenceCased(op.summary, names);
      ctx.report({
        message: `The \`summary\` of operation \`${op.label}\` ${describe(issue)}; operation summaries use sentence case.`,
        at,
        ...(fixed !== undefined && { edit: { pointer: at, value: fixed } }),
      });
    },
  },
});
