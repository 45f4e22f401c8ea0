import type { Tokens } from 'marked';
import { asciiFirst } from '../../helpers/ascii-first.ts';
import { blockAfter, headingKey, outlineOf, plainText } from '../../helpers/markdown-outline.ts';
import { findSections, README_SECTIONS } from '../../helpers/readme-sections.ts';
import { isTemplateOwnerText } from '../../helpers/template-placeholders.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const LABEL = /^\s*publishers?\s*[:\-–—]?\s*/i;

/** Letters NFD does not decompose. */
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae' };

const MARKS = asciiFirst(String.raw`[\p{M}]+`, 'gu');
const NOT_ALNUM = asciiFirst(String.raw`[^\p{L}\p{N}]+`, 'gu');

/** Letters and digits only, lower-cased, without accents or "and", for a forgiving comparison. */
function normalize(s: string): string {
  const decomposed = s.normalize('NFD');
  const words = decomposed
    .replace(MARKS(decomposed), '')
    .toLowerCase()
    .replace(/[łđøßæ]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/&|\band\b/g, ' ');
  return words.replace(NOT_ALNUM(words), '');
}

export default defineRule({
  id: 'readme-publisher-match',
  description: 'The publisher named in the readme should be the `publisher` of `apiProperties.json`.',
  category: 'readme',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Write the same name in `## Publisher: <name>` and in `properties.publisher`.',
  visit: {
    connector(c, ctx) {
      const file = c.files.readme;
      const expected = c.properties.publisher;
      if (!file || expected === undefined || isTemplateOwnerText(expected)) return;
      const outline = outlineOf(file);
      const [heading] = findSections(outline, README_SECTIONS.publisher);
      if (!heading) return;
      // `## Publisher's Name` is the template's heading left as it was.
      let name = heading.key === "publisher's name" ? heading.text : heading.text.replace(LABEL, '').trim();
      let line = heading.line;
      if (name === '') {
        // `## Publisher` followed by the name as a sub-heading or a paragraph.
        const next = blockAfter(outline, heading);
        if (next?.token.type === 'heading' && (next.token as Tokens.Heading).depth > heading.depth) {
          name = plainText((next.token as Tokens.Heading).tokens);
        } else if (next?.token.type === 'paragraph') {
          name = plainText([next.token]).split('\n')[0] ?? '';
        }
        line = next?.line ?? line;
      }
      const a = normalize(name);
      const b = normalize(expected);
      if (a === '' || a.includes(b) || b.includes(a)) return;
      ctx.report({
        message:
          headingKey(name) === "publisher's name"
            ? `The readme still names the template's \`Publisher's Name\`; \`apiProperties.json\` says \`${expected}\`.`
            : `The readme names the publisher \`${name}\` but \`apiProperties.json\` says \`${expected}\`.`,
        at: { file: 'readme', line },
      });
    },
  },
});
