import { asciiFirst } from './ascii-first.ts';

/**
 * Style checks for display strings (`x-ms-summary`, `description`) from Microsoft's connector string
 * guidance: titles in title case, descriptions as full sentences.
 */

/** Words title case leaves lower-case unless they open the title. */
export const TITLE_CASE_MINOR_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'en',
  'for',
  'from',
  'if',
  'in',
  'into',
  'nor',
  'of',
  'off',
  'on',
  'onto',
  'or',
  'over',
  'per',
  'so',
  'than',
  'the',
  'to',
  'up',
  'via',
  'vs',
  'with',
  'yet',
]);

const ALNUM = asciiFirst(String.raw`[\p{L}\p{N}]`, 'u');
const UPPER = asciiFirst(String.raw`\p{Lu}`, 'u');
const LOWER = asciiFirst(String.raw`\p{Ll}`, 'u');
const TRAILING = asciiFirst(String.raw`[^\p{L}\p{N}'-]+$`, 'u');

/**
 * The first word of `text` that breaks title case, or undefined when it is in title case. A word
 * breaks it when it starts with a lower-case letter (not a digit), is not a minor word (`of`, `the`, … after the
 * first word) and has no capital inside (`iPhone`, `eBay` are names). Words without letters or digits pass.
 */
export function titleCaseViolation(text: string): string | undefined {
  const words = text.split(/[\s/]+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // Most words open with a capital or a digit: they pass.
    const code = word.charCodeAt(0);
    if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57)) continue;
    const start = word.search(ALNUM(word));
    if (start < 0) continue;
    const first = word.charAt(start);
    if (!LOWER(first).test(first)) continue;
    const rest = word.slice(start);
    const bare = rest.replace(TRAILING(rest), '');
    if (i > 0 && TITLE_CASE_MINOR_WORDS.has(bare.toLowerCase())) continue;
    const tail = bare.slice(1);
    if (UPPER(tail).test(tail)) continue;
    return bare;
  }
  return undefined;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', '…', '。']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

/** True when `text` ends like a sentence (`.`, `!`, `?`, optionally followed by closing quotes or brackets). */
export function endsLikeSentence(text: string): boolean {
  // Read backwards from the end rather than with an end-anchored pattern, which would be tried at
  // every position of long descriptions.
  const trimmed = text.trimEnd();
  let i = trimmed.length - 1;
  while (i >= 0 && CLOSERS.has(trimmed.charAt(i))) i--;
  return i >= 0 && SENTENCE_ENDS.has(trimmed.charAt(i));
}

/** True when `text` is a single word (no whitespace once trimmed). */
export function isSingleWord(text: string): boolean {
  return !/\s/.test(text.trim());
}

/** Two display strings compared the way a reader would: case, spacing and a final period ignored. */
export function sameDisplayText(a: string, b: string): boolean {
  // Most descriptions are far longer than their summary; skip the normalising then.
  if (b.length > 2 * a.length + 8 || a.length > 2 * b.length + 8) return false;
  if (differentInitials(a, b)) return false;
  const norm = (s: string) =>
    s
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/[.!?]+$/, '')
      .toLowerCase();
  return norm(a) === norm(b);
}

/**
 * True when both texts open with an ASCII letter or digit and these differ in more than case: the
 * normalised texts then differ too (normalising keeps that first character, lower-cased).
 */
export function differentInitials(a: string, b: string): boolean {
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  return isAsciiAlnum(x) && isAsciiAlnum(y) && (x | 0x20) !== (y | 0x20);
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
}
