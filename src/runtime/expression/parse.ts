import { FlowportError } from '../../errors.ts';
import type { Accessor, Expression, Piece, Template } from './ast.ts';
import { FUNCTION_NAMES, FUNCTIONS } from './functions.ts';

const IDENT_START = /[A-Za-z_$]/;
const IDENT = /[A-Za-z0-9_$]/;
const PROPERTY = /[\p{L}\p{N}_$]/u;
const ORIGINAL_METHOD = 'Request.OriginalHTTPMethod';
// Documentation pages render quotes typographically; authors paste them (§7.2).
const OPEN_QUOTES = new Set(["'", '‘']);
const CLOSE_QUOTES = new Set(["'", '’']);

/** Raised inside the parser; turned into one `EXPRESSION_INVALID` error with the column. */
class SyntaxFault {
  readonly at: number;
  readonly reason: string;
  constructor(at: number, reason: string) {
    this.at = at;
    this.reason = reason;
  }
}

class Parser {
  readonly s: string;
  pos = 0;

  constructor(source: string) {
    this.s = source;
  }

  fail(reason: string, at = this.pos): never {
    throw new SyntaxFault(at, reason);
  }

  skipSpace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] ?? '')) this.pos++;
  }

  expect(ch: string, what: string): void {
    if (this.s[this.pos] !== ch) this.fail(`expected \`${ch}\` ${what}`);
    this.pos++;
  }

  identifierAt(at: number): string {
    let end = at;
    if (!IDENT_START.test(this.s[end] ?? '')) return '';
    while (end < this.s.length && IDENT.test(this.s[end] ?? '')) end++;
    return this.s.slice(at, end);
  }

  /** True when `@` at `at` starts an expression rather than literal text (`user@example.com`). */
  startsExpression(at: number): boolean {
    if (this.s.startsWith(ORIGINAL_METHOD, at + 1)) return true;
    const name = this.identifierAt(at + 1);
    if (name === '') return false;
    let after = at + 1 + name.length;
    while (/\s/.test(this.s[after] ?? '')) after++;
    return this.s[after] === '(';
  }

  quoted(): string {
    const open = this.s[this.pos] ?? '';
    if (!OPEN_QUOTES.has(open)) this.fail('expected a single-quoted string');
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.s[this.pos];
      if (ch === undefined) this.fail('unterminated string', start);
      if (CLOSE_QUOTES.has(ch)) {
        if (ch === "'" && this.s[this.pos + 1] === "'") {
          out += "'";
          this.pos += 2;
          continue;
        }
        this.pos++;
        return out;
      }
      out += ch;
      this.pos++;
    }
  }

  accessors(): Accessor[] {
    const out: Accessor[] = [];
    for (;;) {
      const ch = this.s[this.pos];
      if (ch === '.' && PROPERTY.test(this.s[this.pos + 1] ?? '')) {
        let end = this.pos + 1;
        while (end < this.s.length && PROPERTY.test(this.s[end] ?? '')) end++;
        out.push({ kind: 'property', name: this.s.slice(this.pos + 1, end) });
        this.pos = end;
      } else if (ch === '[') {
        this.pos++;
        this.skipSpace();
        const c = this.s[this.pos] ?? '';
        if (/[0-9]/.test(c)) {
          const start = this.pos;
          while (/[0-9]/.test(this.s[this.pos] ?? '')) this.pos++;
          out.push({ kind: 'index', index: Number(this.s.slice(start, this.pos)) });
        } else if (OPEN_QUOTES.has(c)) {
          out.push({ kind: 'property', name: this.quoted() });
        } else this.fail('expected a quoted property name or an index inside `[…]`');
        this.skipSpace();
        this.expect(']', 'to close the accessor');
      } else return out;
    }
  }

  /** Parses `name(args)accessors` or `Request.OriginalHTTPMethod` at the current position. */
  expression(column: number, start: number): Expression {
    if (this.s.startsWith(ORIGINAL_METHOD, this.pos)) {
      this.pos += ORIGINAL_METHOD.length;
      return { kind: 'originalMethod', source: this.s.slice(start, this.pos), column };
    }
    const nameAt = this.pos;
    const written = this.identifierAt(this.pos);
    if (written === '') this.fail('expected a function name such as `body` or `headers`');
    const info = FUNCTIONS.get(written.toLowerCase());
    if (!info) this.fail(`unknown function \`${written}\`; use one of ${FUNCTION_NAMES}`, nameAt);
    this.pos += written.length;
    this.skipSpace();
    this.expect('(', `after \`${written}\``);
    const args: string[] = [];
    this.skipSpace();
    if (this.s[this.pos] !== ')') {
      for (;;) {
        this.skipSpace();
        args.push(this.quoted());
        this.skipSpace();
        if (this.s[this.pos] === ',') {
          this.pos++;
          continue;
        }
        break;
      }
    }
    this.expect(')', `to close the arguments of \`${written}\``);
    if (args.length < info.minArgs || args.length > info.maxArgs) {
      const range = info.minArgs === info.maxArgs ? `${info.minArgs}` : `${info.minArgs} or ${info.maxArgs}`;
      this.fail(`\`${written}\` takes ${range} argument(s), not ${args.length}`, nameAt);
    }
    const accessors = info.json ? this.accessors() : [];
    return {
      kind: 'call',
      name: info.name,
      args,
      accessors,
      source: this.s.slice(start, this.pos),
      column,
    };
  }

  template(): Piece[] {
    const pieces: Piece[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') pieces.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.s.length) {
      const ch = this.s[this.pos] as string;
      const next = this.s[this.pos + 1];
      const start = this.pos;
      if (ch === '@' && next === '@') {
        text += '@';
        this.pos += 2;
      } else if (ch === '@' && next === '{') {
        flush();
        this.pos += 2;
        this.skipSpace();
        if (this.s[this.pos] === '@') this.pos++;
        const expression = this.expression(start + 1, start);
        this.skipSpace();
        this.expect('}', 'to close `@{`');
        pieces.push({
          kind: 'expression',
          expression: withSource(expression, this.s, start, this.pos),
          form: 'interpolation',
        });
      } else if (ch === '@' && this.startsExpression(this.pos)) {
        flush();
        this.pos++;
        pieces.push({ kind: 'expression', expression: this.expression(start + 1, start), form: 'bare' });
      } else if (ch === '{' && next === '@' && this.startsExpression(this.pos + 1)) {
        flush();
        this.pos += 2;
        const expression = this.expression(start + 1, start + 1);
        this.skipSpace();
        this.expect('}', 'to close `{@`');
        pieces.push({
          kind: 'expression',
          expression: withSource(expression, this.s, start, this.pos),
          form: 'braces',
        });
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return pieces;
  }
}

function withSource(expression: Expression, s: string, start: number, end: number): Expression {
  return { ...expression, source: s.slice(start, end) };
}

function excerpt(source: string, at: number): string {
  const from = Math.max(0, source.lastIndexOf('@', at));
  const end = Math.max(at + 1, source.indexOf(')', at) + 1);
  const text = source.slice(from, Math.min(end, from + 40));
  return end - from > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Parses a policy template value: literal text with `@fn('a')` calls, `@{…}` and `{@…}`
 * interpolations and accessors on `body()`, `item()` and `triggerBody()`. `@@` is a literal `@`;
 * an `@` not followed by a call is literal text. Throws `EXPRESSION_INVALID` naming the column.
 *
 * @example
 * parseTemplate("https://@connectionParameters('host')/v2").pieces.length; // 3
 */
export function parseTemplate(source: string): Template {
  const parser = new Parser(source);
  try {
    return { source, pieces: parser.template() };
  } catch (error) {
    if (!(error instanceof SyntaxFault)) throw error;
    throw new FlowportError(
      'EXPRESSION_INVALID',
      `Policy expression \`${excerpt(source, error.at)}\` is invalid at column ${error.at + 1}: ${error.reason}.`,
    );
  }
}

/**
 * The expression when the template is exactly one `@fn()` or `{@fn()}` and nothing else, so that its
 * value keeps its JSON type; `@{…}` always gives text.
 */
export function singleExpression(template: Template): Expression | undefined {
  const [only, ...rest] = template.pieces;
  return only?.kind === 'expression' && only.form !== 'interpolation' && rest.length === 0
    ? only.expression
    : undefined;
}

/** True when the template has no expression at all. */
export function isLiteral(template: Template): boolean {
  return template.pieces.every((p) => p.kind === 'text');
}
