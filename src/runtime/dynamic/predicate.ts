import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import { valueAt } from './path.ts';

/** A compiled `itemIsParent` expression: true when the item is a parent (folder) node. */
export type ItemPredicate = (item: JsonValue) => boolean;

type Token =
  | { readonly kind: 'open' | 'close'; readonly at: number }
  | { readonly kind: 'word'; readonly text: string; readonly at: number }
  | { readonly kind: 'literal'; readonly value: JsonValue; readonly at: number };

type Operand = (item: JsonValue) => JsonValue | undefined;

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const KEYWORDS = new Set([...COMPARISONS, 'and', 'or', 'not', 'true', 'false', 'null']);
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_@$][\w@$.-]*(\/[\w@$.-]+)*/;

function fail(expression: string, at: number, why: string): FlowportError {
  return new FlowportError(
    'DYNAMIC_LOOKUP_FAILED',
    `The \`itemIsParent\` expression \`${expression}\` cannot be read at position ${at + 1}: ${why}; write \`(<property> eq <literal>)\` joined with \`and\`, \`or\`, \`not\`.`,
  );
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')') tokens.push({ kind: c === '(' ? 'open' : 'close', at: i++ });
    else if (c === "'") {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= expression.length) throw fail(expression, i, 'the string is not closed');
        if (expression[j] === "'") {
          if (expression[j + 1] !== "'") break;
          j++;
        }
        text += expression[j++];
      }
      tokens.push({ kind: 'literal', value: text, at: i });
      i = j + 1;
    } else {
      const rest = expression.slice(i);
      const number = NUMBER.exec(rest);
      const word = number ? undefined : WORD.exec(rest);
      if (number) tokens.push({ kind: 'literal', value: Number(number[0]), at: i });
      else if (word) {
        const lower = word[0].toLowerCase();
        if (lower === 'true' || lower === 'false')
          tokens.push({ kind: 'literal', value: lower === 'true', at: i });
        else if (lower === 'null') tokens.push({ kind: 'literal', value: null, at: i });
        else tokens.push({ kind: 'word', text: word[0], at: i });
      } else throw fail(expression, i, `unexpected \`${c}\``);
      i += (number ?? word)![0].length;
    }
  }
  return tokens;
}

function equal(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  // OData: a missing property compares as null.
  return (a ?? null) === (b ?? null);
}

function compare(op: string, a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (op === 'eq') return equal(a, b);
  if (op === 'ne') return !equal(a, b);
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')))
    return false;
  if (op === 'gt') return a > b;
  if (op === 'ge') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

/**
 * Compiles an `x-ms-dynamic-tree` `itemIsParent` expression, an OData-like predicate over the item:
 * comparisons `<property> eq|ne|gt|ge|lt|le <literal>` (properties as slash paths; literals `true`,
 * `false`, `null`, `'text'` with `''` for a quote, numbers), joined with `and`, `or`, `not` and
 * parentheses. A bare property or literal is true only when it is the boolean `true`. Comparisons
 * are strict (no type coercion); a missing property equals `null`. Throws `DYNAMIC_LOOKUP_FAILED` on
 * a syntax error.
 *
 * @example
 * compilePredicate('(is_folder eq true)')({ is_folder: true }); // true
 */
export function compilePredicate(expression: string): ItemPredicate {
  const tokens = tokenize(expression);
  let pos = 0;
  const peekWord = (): string | undefined => {
    const t = tokens[pos];
    return t?.kind === 'word' ? t.text.toLowerCase() : undefined;
  };
  const here = () => tokens[pos]?.at ?? expression.length;

  const operand = (): Operand => {
    const t = tokens[pos];
    if (!t) throw fail(expression, here(), 'the expression ends too early');
    if (t.kind === 'open') {
      pos++;
      const inner = or();
      if (tokens[pos]?.kind !== 'close') throw fail(expression, here(), 'a `)` is missing');
      pos++;
      return (item) => inner(item);
    }
    pos++;
    if (t.kind === 'literal') return () => t.value;
    if (t.kind === 'word' && !KEYWORDS.has(t.text.toLowerCase())) return (item) => valueAt(item, t.text);
    throw fail(expression, t.at, `unexpected \`${t.kind === 'word' ? t.text : ')'}\``);
  };
  const comparison = (): Operand => {
    const left = operand();
    const op = peekWord();
    if (op === undefined || !COMPARISONS.has(op)) return left;
    pos++;
    const right = operand();
    return (item) => compare(op, left(item), right(item));
  };
  const unary = (): Operand => {
    if (peekWord() === 'not') {
      pos++;
      const inner = unary();
      return (item) => inner(item) !== true;
    }
    return comparison();
  };
  const and = (): Operand => {
    let left = unary();
    while (peekWord() === 'and') {
      pos++;
      const a = left;
      const b = unary();
      left = (item) => a(item) === true && b(item) === true;
    }
    return left;
  };
  const or = (): Operand => {
    let left = and();
    while (peekWord() === 'or') {
      pos++;
      const a = left;
      const b = and();
      left = (item) => a(item) === true || b(item) === true;
    }
    return left;
  };

  if (tokens.length === 0) throw fail(expression, 0, 'the expression is empty');
  const root = or();
  if (pos < tokens.length) throw fail(expression, here(), 'text follows the end of the expression');
  return (item) => root(item) === true;
}
