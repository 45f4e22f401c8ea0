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

/**
 * Blanks comments and literal text out of C# source (regular, verbatim, interpolated and raw strings,
 * char literals); the code inside interpolation holes is kept.
 * @example maskCSharp('var s = "{"; // }').code // 'var s = "  ";     '
 */
export function maskCSharp(source: string): MaskedCSharp {
  const out = source.split('');
  const n = source.length;
  let unterminated: number | undefined;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < n; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  const fail = (at: number) => {
    if (unterminated === undefined) unterminated = at;
    return n;
  };

  /** Scans code from `i`; stops after a `}` that closes an interpolation hole when `inHole`. */
  const code = (start: number, inHole: boolean, depth: number): number => {
    let i = start;
    let braces = 0;
    let parens = 0;
    while (i < n) {
      const c = source[i];
      const next = source[i + 1];
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        blank(i, end < 0 ? n : end);
        i = end < 0 ? n : end;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        if (end < 0) return fail(i);
        blank(i, end + 2);
        i = end + 2;
      } else if (c === '"' || c === '@' || c === '$') {
        const end = literal(i, depth);
        if (end === i) i++;
        else i = end;
      } else if (c === "'") {
        i = charLiteral(i);
      } else if (inHole) {
        if (c === '(' || c === '[') parens++;
        else if (c === ')' || c === ']') parens--;
        else if (c === '{') braces++;
        else if (c === '}') {
          if (braces === 0) return i;
          braces--;
        } else if (c === ':' && braces === 0 && parens <= 0) {
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
    if (source[k] === '\\') k += 2;
    else k++;
    while (k < n && k - i < 12 && source[k] !== "'" && source[k] !== '\n') k++;
    if (source[k] !== "'") return i + 1; // Not a char literal after all.
    blank(i + 1, k);
    return k + 1;
  };

  /** Scans a string literal starting at `i` (its prefix); returns `i` when there is none. */
  const literal = (i: number, depth: number): number => {
    let k = i;
    let verbatim = false;
    let interpolated = false;
    while (source[k] === '@' || source[k] === '$') {
      if (source[k] === '@') verbatim = true;
      else interpolated = true;
      k++;
    }
    if (source[k] !== '"') return i;
    if (source.startsWith('"""', k)) {
      // Raw string literal (C# 11): everything up to the matching run of quotes is text.
      let q = 0;
      while (source[k + q] === '"') q++;
      const end = source.indexOf('"'.repeat(q), k + q);
      if (end < 0) return fail(i);
      blank(k + q, end);
      return end + q;
    }
    k++;
    let textStart = k;
    while (k < n) {
      const c = source[k];
      if (c === '"') {
        if (verbatim && source[k + 1] === '"') {
          k += 2;
          continue;
        }
        blank(textStart, k);
        return k + 1;
      }
      if (!verbatim && c === '\\') {
        k += 2;
        continue;
      }
      if (!verbatim && c === '\n') return fail(i);
      if (interpolated && (c === '{' || c === '}')) {
        if (source[k + 1] === c) {
          k += 2;
          continue;
        }
        if (c === '{' && depth < 32) {
          blank(textStart, k + 1);
          const end = code(k + 1, true, depth + 1);
          if (end >= n) return n;
          out[end] = ' ';
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
  return { code: out.join(''), unterminated };
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
