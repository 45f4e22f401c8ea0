import { asciiFirst } from './ascii-first.ts';
import { isNonAsciiSpace } from './unicode-space.ts';

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
  // Words are walked in place (separators `[\s/]+`): most open with a capital or a digit and need no copy.
  let index = 0;
  for (let start = skipSeparators(text, 0); start < text.length; index++) {
    let end = start + 1;
    let ascii = true;
    for (let c = text.charCodeAt(end); end < text.length && !isSeparator(c); c = text.charCodeAt(++end))
      if (c > 127) ascii = false;
    const code = text.charCodeAt(start);
    const from = start;
    start = skipSeparators(text, end);
    if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57)) continue;
    const word =
      ascii && code >= 97 && code <= 122
        ? asciiLowerWordViolation(text, from, end, index === 0)
        : wordViolation(text.slice(from, end), index === 0);
    if (word !== undefined) return word;
  }
  return undefined;
}

/** `wordViolation` for an ASCII word that opens with a lower-case letter, without copies or patterns. */
function asciiLowerWordViolation(
  text: string,
  start: number,
  end: number,
  first: boolean,
): string | undefined {
  let bareEnd = end;
  while (bareEnd > start && !isBareTail(text.charCodeAt(bareEnd - 1))) bareEnd--;
  // The minor words are lower-case ASCII of at most four letters.
  if (!first && bareEnd - start <= 4 && TITLE_CASE_MINOR_WORDS.has(text.slice(start, bareEnd).toLowerCase()))
    return undefined;
  for (let i = start + 1; i < bareEnd; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return undefined;
  }
  return text.slice(start, bareEnd);
}

/** ASCII letters, digits, `'` and `-`: what `TRAILING` leaves at the end of a word. */
function isBareTail(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 39 || c === 45;
}

function wordViolation(word: string, first: boolean): string | undefined {
  const at = word.search(ALNUM(word));
  if (at < 0) return undefined;
  const letter = word.charAt(at);
  if (!LOWER(letter).test(letter)) return undefined;
  const rest = word.slice(at);
  const bare = rest.replace(TRAILING(rest), '');
  if (!first && TITLE_CASE_MINOR_WORDS.has(bare.toLowerCase())) return undefined;
  const tail = bare.slice(1);
  if (UPPER(tail).test(tail)) return undefined;
  return bare;
}

function skipSeparators(text: string, i: number): number {
  while (i < text.length && isSeparator(text.charCodeAt(i))) i++;
  return i;
}

/** `[\s/]`. */
function isSeparator(c: number): boolean {
  return c === 47 || c === 32 || (c >= 9 && c <= 13) || (c > 127 && isNonAsciiSpace(c));
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
  if (a === b) return true;
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
