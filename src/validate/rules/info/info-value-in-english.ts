import { asciiFirst } from '../../helpers/ascii-first.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const LETTER = asciiFirst(String.raw`\p{L}`, 'gu');
const NON_LATIN_LETTER = asciiFirst(String.raw`(?![\p{Script=Latin}])\p{L}`, 'gu');

/**
 * Heuristic: text written mostly in a non-Latin script (Cyrillic, CJK, Arabic…) is not English. A few
 * stray symbols (`µs`, a name in Greek) do not count; Latin-script languages are not detected.
 */
export function notEnglish(text: string): boolean {
  const nonLatin = text.match(NON_LATIN_LETTER(text))?.length ?? 0;
  if (nonLatin < 3) return false;
  const letters = text.match(LETTER(text))?.length ?? 0;
  return nonLatin / letters >= 0.2;
}

export default defineRule({
  id: 'info-value-in-english',
  microsoftId: 'ValueMustBeInEnglish',
  description: '`info.title` and `info.description` must be written in English.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Write the title and description in English; the platform localises connector strings from English.',
  visit: {
    connector(c, ctx) {
      const { title, description } = c.definition.info;
      for (const [name, value] of [
        ['title', title],
        ['description', description],
      ] as const) {
        if (value !== undefined && notEnglish(value))
          ctx.report({ message: `The \`${name}\` value must be written in English.`, at: `/info/${name}` });
      }
    },
  },
});
