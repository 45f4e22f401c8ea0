import type { ConnectorFile } from '../../connector/model.ts';

/** C# source with comments and string/char literal contents blanked out. */
export interface MaskedCSharp {
  /**
   * Same length and line breaks as the source; comments, literal text and the braces that delimit
   * interpolation holes are spaces, so regexes and brace counts see only code.
   */
  readonly code: string;
  /** Offset of a string or comment that never ends, if any. */
  readonly unterminated: number | undefined;
}

const cache = new WeakMap<ConnectorFile, MaskedCSharp>();

/** The masked code of `script.csx`, computed once per file. */
export function maskedScript(file: ConnectorFile): MaskedCSharp {
  let masked = cache.get(file);
  if (!masked) {
    masked = maskCSharp(file.text ?? '');
    cache.set(file, masked);
  }
  return masked;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const SLASH = 0x2f;
const STAR = 0x2a;
const AT = 0x40;
const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** Characters that start a comment, a string or a char literal: all the scan stops at outside holes. */
const TOP_LEVEL_STOP = /[/"@$']/g;
/** Inside an interpolation hole, brackets and the format colon matter too. */
const HOLE_STOP = /[/"@$'()[\]{}:]/g;

/**
 * Blanks comments and literal text out of C# source (regular, verbatim, interpolated and raw strings,
 * char literals); the code inside interpolation holes is kept.
 * @example maskCSharp('var s = "{"; // }').code // 'var s = "  ";     '
 */
export function maskCSharp(source: string): MaskedCSharp {
  const n = source.length;
  // 1 where the output is blank; the text is built once at the end from runs of this mask.
  const mask = new Uint8Array(n);
  let unterminated: number | undefined;
  const blank = (from: number, to: number) => {
    if (from < to) mask.fill(1, from, Math.min(to, n));
  };
  const fail = (at: number) => {
    if (unterminated === undefined) unterminated = at;
    return n;
  };
  const at = (k: number) => (k < n ? source.charCodeAt(k) : -1);

  /** Scans code from `start`; stops at a `}` that closes an interpolation hole when `inHole`. */
  const code = (start: number, inHole: boolean, depth: number): number => {
    const stop = inHole ? HOLE_STOP : TOP_LEVEL_STOP;
    let i = start;
    let braces = 0;
    let parens = 0;
    while (i < n) {
      stop.lastIndex = i;
      const found = stop.exec(source);
      if (!found) break;
      i = found.index;
      const c = source.charCodeAt(i);
      const next = at(i + 1);
      if (c === SLASH && next === SLASH) {
        const end = source.indexOf('\n', i);
        blank(i, end < 0 ? n : end);
        i = end < 0 ? n : end;
      } else if (c === SLASH && next === STAR) {
        const end = source.indexOf('*/', i + 2);
        if (end < 0) return fail(i);
        blank(i, end + 2);
        i = end + 2;
      } else if (c === QUOTE || c === AT || c === DOLLAR) {
        const end = literal(i, depth);
        i = end === i ? i + 1 : end;
      } else if (c === APOSTROPHE) {
        i = charLiteral(i);
      } else if (inHole) {
        if (c === 0x28 || c === 0x5b) parens++;
        else if (c === 0x29 || c === 0x5d) parens--;
        else if (c === OPEN_BRACE) braces++;
        else if (c === CLOSE_BRACE) {
          if (braces === 0) return i;
          braces--;
        } else if (c === 0x3a && braces === 0 && parens <= 0) {
          // Format specifier (`{date:yyyy-MM-dd}`): literal text up to the closing brace.
          const end = source.indexOf('}', i);
          if (end < 0) return fail(i);
          blank(i, end);
          return end;
        }
        i++;
      } else i++;
    }
    return inHole ? fail(start) : n;
  };

  const charLiteral = (i: number): number => {
    let k = i + 1;
    if (at(k) === BACKSLASH) k += 2;
    else k++;
    while (k < n && k - i < 12 && source.charCodeAt(k) !== APOSTROPHE && source.charCodeAt(k) !== NEWLINE)
      k++;
    if (at(k) !== APOSTROPHE) return i + 1; // Not a char literal after all.
    blank(i + 1, k);
    return k + 1;
  };

  /** Scans a string literal starting at `i` (its prefix); returns `i` when there is none. */
  const literal = (i: number, depth: number): number => {
    let k = i;
    let verbatim = false;
    let interpolated = false;
    for (let p = at(k); p === AT || p === DOLLAR; p = at(++k)) {
      if (p === AT) verbatim = true;
      else interpolated = true;
    }
    if (at(k) !== QUOTE) return i;
    if (source.startsWith('"""', k)) {
      // Raw string literal (C# 11): everything up to the matching run of quotes is text.
      let q = 0;
      while (at(k + q) === QUOTE) q++;
      const end = source.indexOf('"'.repeat(q), k + q);
      if (end < 0) return fail(i);
      blank(k + q, end);
      return end + q;
    }
    k++;
    let textStart = k;
    while (k < n) {
      const c = source.charCodeAt(k);
      if (c === QUOTE) {
        if (verbatim && at(k + 1) === QUOTE) {
          k += 2;
          continue;
        }
        blank(textStart, k);
        return k + 1;
      }
      if (!verbatim && c === BACKSLASH) {
        k += 2;
        continue;
      }
      if (!verbatim && c === NEWLINE) return fail(i);
      if (interpolated && (c === OPEN_BRACE || c === CLOSE_BRACE)) {
        if (at(k + 1) === c) {
          k += 2;
          continue;
        }
        if (c === OPEN_BRACE && depth < 32) {
          blank(textStart, k + 1);
          const end = code(k + 1, true, depth + 1);
          if (end >= n) return n;
          mask[end] = 1;
          k = end + 1;
          textStart = k;
          continue;
        }
      }
      k++;
    }
    return fail(i);
  };

  code(0, false, 0);
  return { code: unmask(source, mask), unterminated };
}

const NOT_LINE_BREAK = /[^\r\n]/g;

/** The source with every masked character except line breaks turned into a space. */
function unmask(source: string, mask: Uint8Array): string {
  let out = '';
  let i = 0;
  for (let from = mask.indexOf(1); from >= 0; from = mask.indexOf(1, i)) {
    const to = mask.indexOf(0, from);
    const end = to < 0 ? source.length : to;
    const blanked = source.slice(from, end);
    const breaks = blanked.includes('\n') || blanked.includes('\r');
    out += source.slice(i, from) + (breaks ? blanked.replace(NOT_LINE_BREAK, ' ') : ' '.repeat(end - from));
    i = end;
  }
  return out + source.slice(i);
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
