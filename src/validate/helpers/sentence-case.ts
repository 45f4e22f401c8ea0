import { asciiFirst } from './ascii-first.ts';
import { isNonAsciiSpace } from './unicode-space.ts';

/**
 * Heuristic sentence-case check for display strings ("Create a task", not "Create A Task"). Built to
 * keep false positives low: it only speaks up when most words are capitalised, and it leaves acronyms,
 * product names, words with inner capitals or digits, and the connector's own name alone.
 */

/** Words that stay lower case inside Title Case too, so they say nothing about the style. */
/** Words sentence case leaves lower-case after a phrase's first word (`a`, `of`, `the`…). */
export const MINOR: ReadonlySet<string> = new Set(
  'a an and as at but by for from if in into is nor of off on onto or per than the to up via vs with within without'.split(
    ' ',
  ),
);

/** Capitalised words that are proper nouns or acronyms written in title case; never counted. */
const PROPER: ReadonlySet<string> = new Set(
  [
    // Calendar
    'monday tuesday wednesday thursday friday saturday sunday',
    'january february march april june july august september october november december',
    // Languages and places
    'english french german spanish italian portuguese dutch chinese japanese korean arabic',
    'europe european america american africa asia australia canada uk us',
    // Microsoft products
    'microsoft azure excel word outlook teams office dynamics windows power automate apps pages bi',
    'copilot dataverse exchange planner forms bing skype yammer viva visio project onenote sharepoint onedrive',
    'entra intune purview fabric flow flows logic',
    // Common services
    'google gmail youtube slack salesforce jira confluence zoom twitter facebook instagram whatsapp',
    'dropbox box adobe acrobat docusign shopify stripe twilio zendesk trello asana github gitlab',
    'amazon aws apple android linux mac chrome firefox paypal quickbooks xero sap oracle',
    'hubspot mailchimp servicenow workday notion airtable monday smartsheet webex',
    // Acronyms people write in title case
    'id ids url urls uri api apis pdf pdfs html xml json csv sms ocr qr ai ip vm sql ftp sftp http https',
    'rest odata crm erp hr it kpi faq',
    // Pronoun
    'i',
  ]
    .join(' ')
    .split(' '),
);

const UPPER_WORD = /^[A-Z]{2,}$/;
/** Breaks after which a new phrase may start with a capital: `:`, ` - `, brackets, quotes. */
const PHRASES = /\s[-–—]\s|:\s*|[()[\]"“”]/;

export type CaseIssue =
  | { readonly kind: 'title-case'; readonly words: readonly string[] }
  | { readonly kind: 'upper-case' }
  | { readonly kind: 'lower-case-start'; readonly word: string };

const LOWER_START = /^\W*[a-z]/;
const UPPER_AFTER_FIRST = /.[A-Z]/s;
const HAS_LETTER = asciiFirst(String.raw`\p{L}`, 'u');
const HAS_LOWER_ASCII = /[a-z]/;
const LEADING_TAG = /^\s*(?:\([^)]*\)|\[[^\]]*\])\s*/;
const EDGE_PUNCTUATION = asciiFirst(String.raw`^[^\p{L}\p{N}]+|[^\p{L}\p{N}'\u2019]+$`, 'gu');
const NOT_ALNUM = asciiFirst(String.raw`[^\p{L}\p{N}]+`, 'u');

/** Index of the first code unit at or after `i` that is not `\s`. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** End of the run of non-`\s` code units that starts at `i`. */
function tokenEnd(text: string, i: number): number {
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && isNonAsciiSpace(c));
}

/**
 * The token `text[start, end)` without surrounding punctuation, possibly empty: one of the words
 * `text.split(/\s+/)` would give. The loops below walk tokens in place rather than build word arrays,
 * as most summaries are read word by word only to be let go.
 */
function wordAt(text: string, start: number, end: number): string {
  // Most words start and end with an ASCII letter or digit: nothing to strip.
  if (isAsciiAlnum(text.charCodeAt(start)) && isAsciiAlnum(text.charCodeAt(end - 1)))
    return text.slice(start, end);
  const raw = text.slice(start, end);
  return raw.replace(EDGE_PUNCTUATION(raw), '');
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasLetter(word: string): boolean {
  return HAS_LETTER(word).test(word);
}

/** Whether a lower-cased word is a name: the connector's, or a proper noun or acronym. */
function known(lower: string, names: ReadonlySet<string>): boolean {
  if (names.has(lower)) return true;
  const n = lower.length;
  // `PROPER` holds the word without a possessive `'s` / `’s`.
  const possessive =
    n >= 2 && lower.charCodeAt(n - 1) === 115 && (lower[n - 2] === "'" || lower[n - 2] === '’');
  return PROPER.has(possessive ? lower.slice(0, -2) : lower);
}

/** `[A-Z][a-z]+` (title) or `[a-z]+` (lower), then an optional `'s` / `’s`: `TITLE_WORD`, `LOWER_WORD`. */
function wordShape(word: string): 'title' | 'lower' | undefined {
  const n = word.length;
  const c = word.charCodeAt(0);
  const title = c >= 65 && c <= 90;
  let i = title ? 1 : 0;
  const from = i;
  while (i < n && isLowerAscii(word.charCodeAt(i))) i++;
  if (i === from) return undefined;
  if (i !== n && !(i === n - 2 && (word[i] === "'" || word[i] === '’') && word[i + 1] === 's'))
    return undefined;
  return title ? 'title' : 'lower';
}

function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Why a display string is not in sentence case, or undefined when it is (or might be).
 * `names` are words that may be capitalised anywhere (the connector title's words), lower-cased.
 * @example sentenceCaseIssue('Get User Profile') // { kind: 'title-case', words: ['User', 'Profile'] }
 */
export function sentenceCaseIssue(
  text: string,
  names: ReadonlySet<string> = NO_NAMES,
): CaseIssue | undefined {
  // Fast path: most summaries have a capital at most in the first letter.
  if (!LOWER_START.test(text) && !UPPER_AFTER_FIRST.test(text)) return undefined;
  // A lower-case letter stays in its word, which then is not upper case: only look when there is none.
  if (!HAS_LOWER_ASCII.test(text)) {
    const letters = words(text).filter(hasLetter);
    if (letters.length >= 3 && letters.every((w) => UPPER_WORD.test(w))) return { kind: 'upper-case' };
  }

  // A leading tag such as "(internal)" or "[Preview]" is not where the sentence starts.
  const first = firstWordWithLetter(text.replace(LEADING_TAG, ''));
  if (first && /^[a-z]{2}/.test(first) && !known(first.toLowerCase(), names))
    return { kind: 'lower-case-start', word: first };

  // Title case needs two capitalised words, each of which opens with a capital and a small letter.
  if (!atLeastTwo(CAPITALISED, text)) return undefined;
  const capitalised: string[] = [];
  let counted = 0;
  for (const phrase of text.split(PHRASES)) {
    // The first word of each phrase may be capitalised in any style.
    let opening = true;
    for (let i = skipSpace(phrase, 0); i < phrase.length; ) {
      const end = tokenEnd(phrase, i);
      const word = wordAt(phrase, i, end);
      i = skipSpace(phrase, end);
      if (word === '') continue;
      if (opening) {
        opening = false;
        continue;
      }
      // Words of neither shape count for nothing, whether minor or known or not.
      const shape = wordShape(word);
      if (shape === undefined) continue;
      const lower = shape === 'lower' ? word : word.toLowerCase();
      if (MINOR.has(lower) || known(lower, names)) continue;
      if (shape === 'title') capitalised.push(word);
      counted++;
    }
  }
  if (capitalised.length >= 2 && capitalised.length * 2 > counted) {
    return { kind: 'title-case', words: capitalised };
  }
  return undefined;
}

/** Words of a text without surrounding punctuation. */
function words(text: string): string[] {
  const out: string[] = [];
  for (let i = skipSpace(text, 0); i < text.length; ) {
    const end = tokenEnd(text, i);
    const word = wordAt(text, i, end);
    if (word) out.push(word);
    i = skipSpace(text, end);
  }
  return out;
}

function firstWordWithLetter(text: string): string | undefined {
  for (let i = skipSpace(text, 0); i < text.length; ) {
    const end = tokenEnd(text, i);
    const word = wordAt(text, i, end);
    if (word && hasLetter(word)) return word;
    i = skipSpace(text, end);
  }
  return undefined;
}

const CAPITALISED = /[A-Z][a-z]/g;

function atLeastTwo(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const two = pattern.exec(text) !== null && pattern.exec(text) !== null;
  pattern.lastIndex = 0;
  return two;
}

/** Lower-cased words of a name (the connector title), for `sentenceCaseIssue`'s `names`. */
export function nameWords(name: string | undefined): Set<string> {
  const lower = (name ?? '').toLowerCase();
  return new Set(lower.split(NOT_ALNUM(lower)).filter(Boolean));
}
