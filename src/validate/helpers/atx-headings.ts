import { isNonAsciiSpace } from './unicode-space.ts';

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;

/** Link definitions (whose titles may span lines) and line separators other than LF. */
const NEEDS_PARSE_TEXT = /\]:|[\u2028\u2029\r]/;

/**
 * Offsets of the top-level headings of a Markdown text (LF line breaks), found without parsing it:
 * in a text without HTML blocks, link definitions, setext underlines, indented fences or `#` lines
 * indented by one to three spaces (headings, or list content), every line outside fenced code that
 * opens with one to six `#` and white space is a heading (it ends any paragraph, list, block quote
 * or table before it, in CommonMark and in marked) and no other line is. Undefined when the text
 * has one of those constructs, so that the caller parses it.
 * @example atxHeadingLines('# Title\ntext\n## Section\n') // [0, 13]
 */
export function atxHeadingLines(text: string): number[] | undefined {
  if (NEEDS_PARSE_TEXT.test(text)) return undefined;
  const out: number[] = [];
  for (let start = 0; start < text.length; ) {
    let i = start;
    while (i < start + 4 && text.charCodeAt(i) === SPACE) i++;
    const indent = i - start;
    const c = text.charCodeAt(i);
    if (indent <= 3) {
      if (c === HASH) {
        let hashes = 0;
        while (text.charCodeAt(i + hashes) === HASH) hashes++;
        const after = i + hashes;
        if (hashes <= 6 && (after === text.length || isSpace(text.charCodeAt(after)))) {
          if (indent > 0) return undefined;
          out.push(start);
        }
      } else if (c === 0x3c /* < */) return undefined;
      else if (c === BACKTICK || c === TILDE) {
        if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
          // A fenced code block at column 0 holds `#` lines that are not headings; it runs to its
          // closing fence or to the end. Indented fences may belong to a list item: parse those.
          const after = indent === 0 ? fenceEnd(text, i) : -1;
          if (after < 0) return undefined;
          start = after;
          continue;
        }
      } else if (c === 0x3d /* = */ || c === 0x2d /* - */) {
        // A setext underline: a run of one of them, then only spaces or tabs.
        let k = i;
        while (text.charCodeAt(k) === c) k++;
        while (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB) k++;
        if (k === text.length || text.charCodeAt(k) === NEWLINE) return undefined;
      }
    }
    const end = text.indexOf('\n', i);
    start = end < 0 ? text.length : end + 1;
  }
  return out;
}

/**
 * Where the text after a fenced code block opening at `at` (column 0) starts, as marked's `fences`
 * pattern reads it: up to the first line with at most three spaces, the opening run of backticks or
 * tildes, more of the same and spaces, or to the end. -1 when the line does not open a fence (a
 * backtick fence whose info string has a backtick).
 */
function fenceEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  let run = 0;
  while (text.charCodeAt(at + run) === c) run++;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  if (c === BACKTICK && text.slice(at + run, lineEnd).includes('`')) return -1;
  const fence = text.slice(at, at + run);
  for (let start = lineEnd + 1; start < text.length; ) {
    let i = start;
    while (i < start + 3 && text.charCodeAt(i) === SPACE) i++;
    if (text.startsWith(fence, i)) {
      let k = i + run;
      while (text.charCodeAt(k) === c) k++;
      while (text.charCodeAt(k) === SPACE) k++;
      if (k === text.length) return k;
      if (text.charCodeAt(k) === NEWLINE) return k + 1;
    }
    const end = text.indexOf('\n', start);
    start = end < 0 ? text.length : end + 1;
  }
  return text.length;
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === SPACE || (c >= TAB && c <= 0x0d);
  return isNonAsciiSpace(c);
}
