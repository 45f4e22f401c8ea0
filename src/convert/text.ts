import { TITLE_CASE_MINOR_WORDS } from '../validate/helpers/display-name-style.ts';
import { nameWords, sentenceCaseIssue } from '../validate/helpers/sentence-case.ts';

/** Words display strings write in capitals. */
const ACRONYMS: ReadonlySet<string> = new Set(
  'id url uri api pdf html xml json csv sms ocr qr ai ip sql ftp http https uuid guid jwt oauth sku vat iban utc iso dns ssl tls cdn ttl mfa sso ssh'.split(
    ' ',
  ),
);

/** Words of an identifier or phrase: `listPetsById`, `page_size`, `x-rate-limit` → `list pets by id`. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** A plural noun made singular by the common English endings (`categories` → `category`, `boxes` → `box`). */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(s|x|z|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A display name in title case from an identifier, with only letters, digits and spaces
 * (`page_size` → `Page Size`, `userId` → `User ID`).
 */
export function titleCase(text: string): string {
  return words(text)
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (ACRONYMS.has(lower)) return lower.toUpperCase();
      if (lower.endsWith('s') && ACRONYMS.has(lower.slice(0, -1)))
        return `${lower.slice(0, -1).toUpperCase()}s`;
      if (i > 0 && TITLE_CASE_MINOR_WORDS.has(lower)) return lower;
      return /[A-Z]/.test(w.slice(1)) ? w : capitalise(w);
    })
    .join(' ')
    .slice(0, 80)
    .trim();
}

/** First line or sentence of a longer text, with Markdown and HTML markup removed. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_~#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SUMMARY_CHARS = /[^\p{L}\p{N} ()\-'’,.:]/gu;

/** Cuts a text at a word boundary so that it is at most `max` characters long. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max + 1);
  const space = slice.lastIndexOf(' ');
  return (space > max / 2 ? slice.slice(0, space) : text.slice(0, max)).trim();
}

/** Lower-cases title-cased words after the first, keeping acronyms and the connector's own name. */
export function sentenceCase(text: string, title?: string): string {
  const names = nameWords(title);
  const parts = text.split(' ');
  const out = parts.map((w, i) => {
    if (i === 0) return /^[a-z]/.test(w) && !/[A-Z]/.test(w) ? capitalise(w) : w;
    if (!/^[A-Z][a-z]*$/.test(w) || w === 'I') return w;
    if (names.has(w.toLowerCase())) return w;
    return w.toLowerCase();
  });
  const result = out.join(' ');
  // Leave a text alone when the heuristic still objects: it is then a name, not a title-cased phrase.
  return sentenceCaseIssue(result, names)?.kind === 'title-case' ? text : result;
}

/**
 * An operation summary that passes the certification content rules: one line, only letters,
 * digits, spaces, parentheses and light punctuation, no trailing punctuation, at most 80 characters,
 * sentence case.
 */
export function cleanSummary(text: string, title?: string): string {
  let s = plainText(text);
  const end = sentenceEnd(s);
  if (end > 0) s = s.slice(0, end);
  s = s.replace(SUMMARY_CHARS, ' ').replace(/\s+/g, ' ').trim();
  s = cut(s, 80);
  s = s.replace(/[^\p{L}\p{N})]+$/u, '').replace(/^[^\p{L}\p{N}(]+/u, '');
  if (s === '') return '';
  return sentenceCase(s, title);
}

/** Abbreviations whose period ends no sentence (`i.e.`, `e.g.`, `etc.`, `vs.`, `approx.`, `Inc.`). */
const ABBREVIATION =
  /(?:^|[\s(.])(?:i\.e|e\.g|etc|vs|approx|incl|esp|cf|viz|resp|no|nos|inc|ltd|corp|co|mr|mrs|ms|dr|st|jr|sr|\p{L})$/iu;

/**
 * Where the first sentence of plain text ends (the index of its `.`, `!` or `?`), or -1: not at an
 * abbreviation (`i.e.`, `e.g.`, `U.S.`) nor inside parentheses, so that `Deletes a connection (i.e.
 * disconnect a tenant). More…` keeps its parenthesis whole.
 */
export function sentenceEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (
      (c === '.' || c === '!' || c === '?') &&
      depth === 0 &&
      (i + 1 === text.length || /\s/.test(text[i + 1] as string))
    ) {
      if (c === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i))) continue;
      return i;
    }
  }
  return -1;
}

/** An operation summary made from an identifier (`listPets` → `List pets`). */
export function summaryFromId(id: string): string {
  const ws = words(id).map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const first = ws[0];
  if (first === undefined) return '';
  ws[0] = capitalise(first);
  return cut(ws.join(' '), 80);
}

/** A text that ends like a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  return /[.!?…]["')\]”’]*$/.test(t) ? t : `${t}.`;
}
