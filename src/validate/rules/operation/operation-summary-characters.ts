import { join } from '../../../connector/pointer.ts';
import { asciiFirst } from '../../helpers/ascii-first.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

// Letters, digits, spaces and parentheses per the certification docs; hyphens, apostrophes, commas,
// periods and colons are tolerated because reviewers accept them (a quarter of certified connectors use
// them). `/\<>*%&?` are `restricted-characters-in-summary`'s findings.
const OTHER = asciiFirst(String.raw`[^\p{L}\p{N} ()\-'\u2019,.:/\\<>*%&?]`, 'gu');

/** A character for a message: in backticks, or by code point when it is invisible or a backtick. */
function show(c: string): string {
  if (c.trim() && c !== '`') return `\`${c}\``;
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export default defineRule({
  id: 'operation-summary-characters',
  description:
    'Certification: an operation `summary` holds letters, digits, spaces and parentheses (plus common punctuation).',
  category: 'operation',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Spell the symbol out or drop it ("Get item by ID" rather than "Get item #ID"); keep quotes, brackets and emoji out of display names.',
  visit: {
    operation(op, ctx) {
      const found = op.summary?.match(OTHER(op.summary));
      if (!found) return;
      const chars = [...new Set(found)].map(show);
      ctx.report({
        message: `The \`summary\` of operation \`${op.label}\` contains ${chars.join(', ')}; summaries should contain only letters, digits, spaces and parentheses.`,
        at: join(op.pointer, 'summary'),
      });
    },
  },
});
