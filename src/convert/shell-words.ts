/**
 * Bash words, as far as pasted commands need them: quotes, `$'…'`, escapes, continuations, comments
 * and control operators. Nothing is expanded (`$TOKEN` stays `$TOKEN`), so variables stay visible.
 */

// Not shell-quote 1.12: no `\u{…}`, unclosed quotes pass silently, `a#b` starts a comment, `$X` is ''.

/** A word (quotes removed) or an unquoted control operator (`|`, `&&`, `;`, `>`…). */
export interface ShellToken {
  readonly kind: 'word' | 'operator';
  readonly text: string;
  /** Offset in the text where it starts. */
  readonly start: number;
}

/** The tokens of one command line, which may span several lines through quotes and `\`. */
export interface ShellLine {
  readonly tokens: readonly ShellToken[];
  /** Offset just past the newline that ends the line, or the text's length. */
  readonly end: number;
  /** Offset of a quote that is never closed; the line then runs to the end of the text. */
  readonly unterminated?: number;
}

const UTF8 = new TextDecoder();
const BLANKS = ' \t\r\f\v';
const OPERATORS = '|&;<>()';
const DOUBLE_ESCAPES = '"\\$`';
const ANSI_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

interface Quoted {
  readonly text: string;
  readonly end: number;
}

/**
 * Reads one command line of `text` from offset `start` (LF line ends) the way bash splits it.
 * Never throws: a quote left open ends the line at the end of the text and is reported.
 * @example
 * readShellLine(String.raw`curl -H 'a: b' $'x\ty' # note`).tokens.map((t) => t.text)
 * // ['curl', '-H', 'a: b', 'x\ty'] (with a real tab)
 */
export function readShellLine(text: string, start = 0): ShellLine {
  const tokens: ShellToken[] = [];
  let word = '';
  let wordStart = -1;
  const finish = () => {
    if (wordStart >= 0) tokens.push({ kind: 'word', text: word, start: wordStart });
    word = '';
    wordStart = -1;
  };
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      finish();
      return { tokens, end: i + 1 };
    }
    if (BLANKS.includes(c)) {
      finish();
      i++;
      continue;
    }
    if (c === '#' && wordStart < 0) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
      continue;
    }
    if (OPERATORS.includes(c)) {
      finish();
      const op = text[i + 1] === c && '|&;<>'.includes(c) ? c + c : c;
      tokens.push({ kind: 'operator', text: op, start: i });
      i += op.length;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (wordStart < 0) wordStart = i;
    const quoted = quoteAt(text, i);
    if (quoted === null) return { tokens, end: text.length, unterminated: i };
    if (quoted) {
      word += quoted.text;
      i = quoted.end;
    } else if (c === '\\') {
      word += text[i + 1] ?? '';
      i += 2;
    } else {
      word += c;
      i++;
    }
  }
  finish();
  return { tokens, end: text.length };
}

/** The quoted string at `i`, `null` when it is never closed, `undefined` when there is none. */
function quoteAt(text: string, i: number): Quoted | null | undefined {
  const c = text[i];
  if (c === "'") {
    const close = text.indexOf("'", i + 1);
    return close < 0 ? null : { text: text.slice(i + 1, close), end: close + 1 };
  }
  if (c === '"') return double(text, i + 1);
  if (c === '$' && text[i + 1] === "'") return ansiC(text, i + 2);
  if (c === '$' && text[i + 1] === '"') return double(text, i + 2); // `$"…"`, a translated string
  return undefined;
}

function double(text: string, from: number): Quoted | null {
  let out = '';
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') return { text: out, end: j + 1 };
    const next = text[j + 1];
    if (c === '\\' && next !== undefined && (next === '\n' || DOUBLE_ESCAPES.includes(next))) {
      if (next !== '\n') out += next;
      j++;
    } else out += c;
  }
  return null;
}

/** Bash ANSI-C quoting (`$'…'`, as Chrome's "Copy as cURL" writes); `\xHH` and octal escapes are bytes. */
function ansiC(text: string, from: number): Quoted | null {
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += UTF8.decode(Uint8Array.from(bytes));
    bytes.length = 0;
  };
  let j = from;
  while (j < text.length) {
    const c = text[j]!;
    if (c === "'") {
      flush();
      return { text: out, end: j + 1 };
    }
    if (c !== '\\') {
      flush();
      out += c;
      j++;
      continue;
    }
    const e = text[j + 1];
    if (e === undefined) break;
    const byte = /^(?:[0-7]{1,3}|x[\da-fA-F]{1,2})/.exec(text.slice(j + 1, j + 4))?.[0];
    if (byte) {
      bytes.push(Number.parseInt(byte[0] === 'x' ? byte.slice(1) : byte, byte[0] === 'x' ? 16 : 8) & 0xff);
      j += 1 + byte.length;
      continue;
    }
    flush();
    const point =
      e === 'u'
        ? /^u(?:\{([\da-fA-F]{1,6})\}|([\da-fA-F]{1,4}))/
        : e === 'U'
          ? /^U([\da-fA-F]{1,8})/
          : undefined;
    const code = point?.exec(text.slice(j + 1, j + 11));
    if (code) {
      const value = Number.parseInt(code[1] ?? code[2] ?? '', 16);
      out += value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd';
      j += 1 + code[0].length;
    } else if (e === 'c' && j + 2 < text.length) {
      out += String.fromCharCode(text.charCodeAt(j + 2) & 0x1f);
      j += 3;
    } else {
      out += ANSI_ESCAPES[e] ?? `\\${e}`;
      j += 2;
    }
  }
  return null;
}
