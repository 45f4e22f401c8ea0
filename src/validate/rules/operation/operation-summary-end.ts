import { join } from '../../../connector/pointer.ts';
import { asciiFirst } from '../../helpers/ascii-first.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const GOOD_END = asciiFirst(String.raw`[\p{L}\p{N})]$`, 'u');
const BAD_END = asciiFirst(String.raw`[^\p{L}\p{N})]+$`, 'u');
// Restricted characters (`?`, `*`, …) are `restricted-characters-in-summary`'s findings.
const RESTRICTED_END = /[/\\<>*%&?]$/;
/** A tail `--fix` drops: spaces and sentence punctuation (a closing quote or bracket needs a person). */
const DROPPED_TAIL = /^[\s.,;:!]*$/u;

export default defineRule({
  id: 'operation-summary-end',
  microsoftId: 'ValueMustEndWithAlphanumeric',
  description:
    'Certification: an operation `summary` ends with a letter, digit or `)`, not punctuation or whitespace.',
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fixable: true,
  fix: 'Drop the trailing period or space; a summary is a name ("Create a task"), not a sentence.',
  visit: {
    operation(op, ctx) {
      const summary = op.summary;
      if (!summary?.trim() || GOOD_END(summary).test(summary) || RESTRICTED_END.test(summary)) return;
      const last = summary.at(-1)!;
      const body = summary.trim();
      const trimmed = trimEnd(body);
      ctx.report({
        message: `The \`summary\` of operation \`${op.label}\` ends with ${last.trim() ? `\`${last}\`` : 'whitespace'}; it must end with an alphanumeric character.`,
        at: join(op.pointer, 'summary'),
        fix: `Use \`${trimmed}\`.`,
        ...(trimmed !== '' &&
          DROPPED_TAIL.test(body.slice(trimmed.length)) && {
            edit: { pointer: join(op.pointer, 'summary'), value: trimmed },
          }),
      });
    },
  },
});

function trimEnd(summary: string): string {
  return summary.replace(BAD_END(summary), '');
}
