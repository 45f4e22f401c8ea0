import { join } from '../../../connector/pointer.ts';
import { asciiFirst } from '../../helpers/ascii-first.ts';
import { isDisplayedParameter } from '../../helpers/parameter-display.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const OTHER = asciiFirst(String.raw`[^\p{L}\p{N}\s()]`, 'gu');
/** ASCII letters, digits, spaces and parentheses only: nothing to report (most summaries). */
const PLAIN = /^[A-Za-z0-9 ()]*$/;
// A hyphen inside a word (`E-mail`, `Follow-up`) is spelling, not punctuation.
const WORD_HYPHEN = asciiFirst(String.raw`(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])`, 'gu');
/** Punctuation ending a label (`Include inactive?`, `Name:`, `The folder.`): dropped by `--fix`. */
const TRAILING = /[\s.?:!]+$/u;

/** The characters a summary should not have, hyphens inside words allowed. */
function others(summary: string): string[] {
  const words = summary.replace(WORD_HYPHEN(summary), '');
  return [...new Set(words.match(OTHER(words)) ?? [])];
}

export default defineRule({
  id: 'parameter-summary-characters',
  description:
    "A parameter's `x-ms-summary` should contain only letters, digits, spaces, parentheses and hyphens inside words.",
  category: 'parameter',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Write the display name in plain words, e.g. `Start Date (UTC)` instead of `start_date`.',
  fixable: true,
  visit: {
    parameter(p, ctx) {
      if (p.summary === undefined || PLAIN.test(p.summary) || !isDisplayedParameter(p, ctx.connector)) return;
      const found = others(p.summary);
      if (found.length === 0) return;
      // Only what trails the label is dropped: punctuation inside it (`Yes/No`, `$top`) needs words.
      const trimmed = p.summary.replace(TRAILING, '');
      const at = join(p.pointer, 'x-ms-summary');
      ctx.report({
        message: `The \`x-ms-summary\` \`${p.summary}\` of ${parameterLabel(p, ctx.connector, false)} contains ${found.map((c) => `\`${c}\``).join(' ')}; use only letters, digits, spaces and parentheses.`,
        at,
        ...(trimmed.trim() !== '' &&
          others(trimmed).length === 0 && {
            fix: `Use \`${trimmed}\`.`,
            edit: { pointer: at, value: trimmed },
          }),
      });
    },
  },
});
