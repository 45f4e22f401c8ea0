/**
 * Small strings matching a regular expression, for example arguments. Understands the subset real
 * connectors use (literals, escapes, classes, groups, alternation, quantifiers, anchors); returns
 * nothing for lookarounds and back-references. Every result is checked against the pattern itself.
 */

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'repeat'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly kind: 'sequence'; readonly nodes: readonly Node[] }
  | { readonly kind: 'choice'; readonly options: readonly Node[] };

class Unsupported extends Error {}

const PREFERRED = ['a', 'A', '0', '1', 'x', 'b', '_', '-', '.', ' '];
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/**
 * Up to a few candidate strings that match `pattern` and fit `minLength`/`maxLength`, shortest first.
 *
 * @example
 * patternSamples('^d\\d{1,8}$'); // ['d0', …]
 */
export function patternSamples(
  pattern: string,
  minLength = 0,
  maxLength = Number.POSITIVE_INFINITY,
): string[] {
  const regex = compile(pattern);
  if (!regex) return [];
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const extra of [0, 1, 2, 4, 8, 16, 32]) {
    const text = generate(tree, extra);
    if (text.length >= minLength && text.length <= maxLength && regex.test(text) && !out.includes(text))
      out.push(text);
  }
  return out;
}

/** The pattern as JavaScript reads it (Prism uses the `u` flag when it can). */
export function compile(pattern: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // Try without `u`: some corpus patterns use escapes only legal in non-Unicode mode.
    }
  }
  return undefined;
}

/** Repeats `min` times, plus `extra` (up to `max`) so longer samples can meet `minLength`. */
function generate(node: Node, extra: number): string {
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'sequence':
      return node.nodes.map((n) => generate(n, extra)).join('');
    case 'choice':
      return node.options[0] ? generate(node.options[0], extra) : '';
    case 'repeat': {
      const count = Math.min(node.max, node.min + (node.min === 0 && extra === 0 ? 0 : extra));
      return generate(node.node, extra).repeat(Math.max(count, node.min));
    }
  }
}

class Parser {
  private pos = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  parse(): Node {
    const node = this.choice();
    if (this.pos < this.source.length) throw new Unsupported('unbalanced');
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.pos];
  }

  private choice(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 && options[0] ? options[0] : { kind: 'choice', options };
  }

  private sequence(): Node {
    const nodes: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const atom = this.atom();
      nodes.push(this.quantified(atom));
    }
    return { kind: 'sequence', nodes };
  }

  private quantified(atom: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      if (!match) return atom;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] ? Number(match[3]) : Number.POSITIVE_INFINITY;
      this.pos += match[0].length - 1;
    } else return atom;
    this.pos++;
    if (this.peek() === '?') this.pos++;
    return { kind: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const c = this.source[this.pos++] ?? '';
    switch (c) {
      case '^':
      case '$':
        return { kind: 'text', text: '' };
      case '.':
        return { kind: 'text', text: 'a' };
      case '(': {
        if (this.source.startsWith('?:', this.pos)) this.pos += 2;
        else if (/^\?<[A-Za-z_]\w*>/.test(this.source.slice(this.pos)))
          this.pos = this.source.indexOf('>', this.pos) + 1;
        else if (this.peek() === '?') throw new Unsupported('lookaround');
        const inner = this.choice();
        if (this.source[this.pos++] !== ')') throw new Unsupported('unclosed group');
        return inner;
      }
      case '[':
        return { kind: 'text', text: this.charClass() };
      case '\\':
        return { kind: 'text', text: this.escape(false) };
      default:
        return { kind: 'text', text: c };
    }
  }

  /** A character of the class: a preferred one when the class allows it. */
  private charClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const ranges: Array<[number, number]> = [];
    let first = true;
    while (this.pos < this.source.length && (this.peek() !== ']' || first)) {
      first = false;
      const from = this.classChar();
      if (this.peek() === '-' && this.source[this.pos + 1] !== ']' && from.length === 1) {
        this.pos++;
        const to = this.classChar();
        ranges.push([from.codePointAt(0) ?? 0, to.codePointAt(0) ?? 0]);
      } else for (const ch of from) ranges.push([ch.codePointAt(0) ?? 0, ch.codePointAt(0) ?? 0]);
    }
    if (this.source[this.pos++] !== ']') throw new Unsupported('unclosed class');
    const inClass = (ch: string) =>
      ranges.some(([lo, hi]) => (ch.codePointAt(0) ?? 0) >= lo && (ch.codePointAt(0) ?? 0) <= hi);
    const pick = [...PREFERRED, ...PRINTABLE].find((ch) => inClass(ch) !== negated);
    if (pick !== undefined) return pick;
    const range = ranges[0];
    if (!negated && range) return String.fromCodePoint(range[0]);
    throw new Unsupported('empty class');
  }

  /** One class member; shorthand escapes (`\d`) stand for the characters they allow. */
  private classChar(): string {
    const c = this.source[this.pos++] ?? '';
    return c === '\\' ? this.escape(true) : c;
  }

  private escape(inClass: boolean): string {
    const c = this.source[this.pos++] ?? '';
    switch (c) {
      case 'd':
        return inClass ? '0123456789' : '0';
      case 'w':
        return inClass ? 'aA0_' : 'a';
      case 's':
        return ' ';
      case 'D':
      case 'W':
      case 'S':
        return inClass ? throwUnsupported() : c === 'S' ? 'a' : '-';
      case 'b':
      case 'B':
        if (inClass) return '\b';
        return '';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'x': {
        const hex = this.source.slice(this.pos, this.pos + 2);
        this.pos += 2;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      case 'u': {
        const hex = this.source.slice(this.pos, this.pos + 4);
        this.pos += 4;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      default:
        if (/[1-9]/.test(c)) throw new Unsupported('back-reference');
        return c;
    }
  }
}

function throwUnsupported(): never {
  throw new Unsupported('negated shorthand in a class');
}
