import {
  findNodeAtLocation,
  type Node as JsoncNode,
  type ParseError,
  parse as parseJsonc,
  parseTree,
  visit,
} from 'jsonc-parser';
import { isObject, type JsonValue } from './json.ts';
import { join, split } from './pointer.ts';

/** What the tolerant reader noticed in a JSON file; turned into diagnostics by the `json-*` rules. */
export type ParseIssueKind =
  | 'bom'
  | 'comment'
  | 'trailing-comma'
  | 'control-character'
  | 'duplicate-key'
  | 'syntax'
  | 'empty';

export interface ParseIssue {
  readonly kind: ParseIssueKind;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  /** JSON pointer of the duplicated member, for `duplicate-key`. */
  readonly pointer?: string;
}

export interface TextRange {
  readonly offset: number;
  readonly length: number;
}

/** 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** jsonc-parser's `ParseErrorCode` values (a const enum, which erasable TypeScript cannot import). */
const E = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;

const SYNTAX_MESSAGES: Record<number, string> = {
  [E.CommaExpected]: 'a comma is missing between two values',
  [E.ColonExpected]: 'a colon is missing after a property name',
  [E.PropertyNameExpected]: 'a property name was expected',
  [E.ValueExpected]: 'a value was expected',
  [E.CloseBraceExpected]: 'a closing `}` is missing',
  [E.CloseBracketExpected]: 'a closing `]` is missing',
  [E.EndOfFileExpected]: 'there is extra content after the end of the document (a stray bracket?)',
  [E.InvalidSymbol]: 'an unexpected character was found',
  [E.InvalidNumberFormat]: 'a number is malformed',
  [E.UnexpectedEndOfString]: 'a string is not closed',
  [E.UnexpectedEndOfComment]: 'a comment is not closed',
  [E.InvalidUnicode]: 'a `\\u` escape is malformed',
  [E.InvalidEscapeCharacter]: 'a backslash escape is not valid JSON',
};

/**
 * A parsed JSON file that can say where any JSON pointer sits in its text. Strict JSON is read with
 * `JSON.parse`; positions are computed only when a diagnostic asks for them.
 */
export class JsonDocument {
  readonly file: string;
  readonly text: string;
  readonly value: JsonValue | undefined;
  readonly issues: readonly ParseIssue[];
  /** True when `JSON.parse` accepted the text (after a BOM). */
  readonly strict: boolean;
  private readonly bodyStart: number;
  private lineStarts: number[] | undefined;
  private tree: JsoncNode | undefined;
  private readonly cache = new Map<string, TextRange | null>();

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
    const issues: ParseIssue[] = [];
    this.bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (this.bodyStart)
      issues.push({
        kind: 'bom',
        message: 'The file starts with a UTF-8 byte order mark',
        offset: 0,
        length: 1,
      });
    const body = this.bodyStart ? text.slice(1) : text;
    let value: JsonValue | undefined;
    let strict = false;
    if (body.trim() === '') {
      issues.push({ kind: 'empty', message: 'The file is empty', offset: 0, length: 0 });
    } else {
      try {
        value = JSON.parse(body) as JsonValue;
        strict = true;
      } catch {
        value = this.readTolerant(body, issues);
      }
      if (strict && countTextKeys(body) !== countValueKeys(value)) this.findDuplicates(body, issues);
    }
    this.value = value;
    this.strict = strict;
    this.issues = issues;
  }

  private readTolerant(body: string, issues: ParseIssue[]): JsonValue | undefined {
    const errors: ParseError[] = [];
    const value = parseJsonc(body, errors, { allowTrailingComma: false, disallowComments: false }) as
      | JsonValue
      | undefined;
    const at = this.bodyStart;
    const seen = new Set<string>();
    for (const e of errors) {
      const kind = classify(body, e);
      // jsonc-parser may report one slip twice at the same offset.
      if (seen.has(`${kind}:${e.offset}`)) continue;
      seen.add(`${kind}:${e.offset}`);
      const message =
        kind === 'trailing-comma'
          ? 'A trailing comma follows the last item'
          : kind === 'control-character'
            ? 'A string contains a raw control character; write it as an escape such as `\\n`'
            : `Invalid JSON: ${SYNTAX_MESSAGES[e.error] ?? 'the text cannot be read'}`;
      issues.push({ kind, message, offset: e.offset + at, length: Math.max(1, e.length) });
    }
    visit(
      body,
      {
        onComment: (offset, length) =>
          issues.push({
            kind: 'comment',
            message: 'JSON does not allow comments',
            offset: offset + at,
            length,
          }),
      },
      { disallowComments: false, allowTrailingComma: true },
    );
    this.findDuplicates(body, issues);
    return value;
  }

  private findDuplicates(body: string, issues: ParseIssue[]): void {
    const at = this.bodyStart;
    const stack: { keys: Set<string> | undefined; index: number }[] = [];
    const path: (string | number)[] = [];
    const bumpArray = () => {
      const top = stack[stack.length - 1];
      if (top && !top.keys) path[path.length - 1] = top.index++;
    };
    visit(
      body,
      {
        onObjectBegin: () => {
          bumpArray();
          stack.push({ keys: new Set(), index: 0 });
          path.push('');
        },
        onObjectEnd: () => {
          stack.pop();
          path.pop();
        },
        onArrayBegin: () => {
          bumpArray();
          stack.push({ keys: undefined, index: 0 });
          path.push(0);
        },
        onArrayEnd: () => {
          stack.pop();
          path.pop();
        },
        onLiteralValue: () => bumpArray(),
        onObjectProperty: (name, offset, length) => {
          const top = stack[stack.length - 1];
          path[path.length - 1] = name;
          if (!top?.keys) return;
          if (top.keys.has(name)) {
            issues.push({
              kind: 'duplicate-key',
              message: `The property \`${name}\` appears twice in the same object; only the last one counts`,
              offset: offset + at,
              length,
              pointer: join('', ...path),
            });
          } else top.keys.add(name);
        },
      },
      { disallowComments: false, allowTrailingComma: true },
    );
  }

  /** Where the member or item at `pointer` starts (its key, for object members). */
  locate(pointer: string): TextRange | undefined {
    const cached = this.cache.get(pointer);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.strict
      ? locateStrict(this.text, this.bodyStart, split(pointer))
      : this.locateTolerant(pointer);
    this.cache.set(pointer, found ?? null);
    return found;
  }

  /** Nearest enclosing pointer that exists in the text, and its range. */
  locateNearest(pointer: string): { pointer: string; range: TextRange } | undefined {
    let segments = split(pointer);
    for (;;) {
      const p = join('', ...segments);
      const range = this.locate(p);
      if (range) return { pointer: p, range };
      if (segments.length === 0) return undefined;
      segments = segments.slice(0, -1);
    }
  }

  private locateTolerant(pointer: string): TextRange | undefined {
    this.tree ??= parseTree(this.text.slice(this.bodyStart), [], {
      allowTrailingComma: true,
      disallowComments: false,
    });
    if (!this.tree) return undefined;
    let node: JsoncNode | undefined = this.tree;
    const segments = split(pointer);
    if (segments.length > 0) {
      const path = segments.map((s, i) =>
        numericIndex(s) !== undefined && isArrayAt(this.tree, segments, i) ? Number(s) : s,
      );
      node = findNodeAtLocation(this.tree, path);
    }
    if (!node) return undefined;
    const target = node.parent?.type === 'property' ? node.parent : node;
    return {
      offset: target.offset + this.bodyStart,
      length: target.type === 'property' ? (target.children?.[0]?.length ?? 1) : Math.min(target.length, 1),
    };
  }

  position(offset: number): Position {
    this.lineStarts ??= lineStarts(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }
}

function isArrayAt(tree: JsoncNode | undefined, segments: string[], index: number): boolean {
  const parent = index === 0 ? tree : findNodeAtLocation(tree as JsoncNode, segments.slice(0, index));
  return parent?.type === 'array';
}

function classify(body: string, e: ParseError): ParseIssueKind {
  if (e.error === E.InvalidCharacter) return 'control-character';
  if (e.error === E.PropertyNameExpected || e.error === E.ValueExpected) {
    const here = body.charCodeAt(e.offset);
    if (here === 0x7d || here === 0x5d) {
      let i = e.offset - 1;
      while (i >= 0 && isSpace(body.charCodeAt(i))) i--;
      if (body.charCodeAt(i) === 0x2c) return 'trailing-comma';
    }
  }
  return 'syntax';
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

function numericIndex(s: string): number | undefined {
  return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : undefined;
}

/** Counts `"key":` occurrences: cheap evidence that `JSON.parse` silently dropped a duplicate key. */
function countTextKeys(s: string): number {
  let keys = 0;
  let i = 0;
  for (;;) {
    i = s.indexOf('"', i);
    if (i < 0) return keys;
    const end = stringEnd(s, i);
    if (end < 0) return keys;
    let m = end;
    let c = s.charCodeAt(m);
    while (isSpace(c)) c = s.charCodeAt(++m);
    if (c === 0x3a) keys++;
    i = end;
  }
}

function countValueKeys(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 0;
    for (const v of value) if (typeof v === 'object' && v !== null) n += countValueKeys(v);
    return n;
  }
  if (!isObject(value)) return 0;
  let n = 0;
  for (const k in value) {
    n++;
    const v = value[k];
    if (typeof v === 'object' && v !== null) n += countValueKeys(v);
  }
  // JSON.parse defines `__proto__` as an own property, but `for…in` sees it like any other key.
  return n;
}

/** Index just past the closing quote of the string starting at `start`, or -1. */
function stringEnd(s: string, start: number): number {
  let j = start + 1;
  for (;;) {
    j = s.indexOf('"', j);
    if (j < 0) return -1;
    let k = j - 1;
    let backslashes = 0;
    while (s.charCodeAt(k) === 0x5c) {
      backslashes++;
      k--;
    }
    if (backslashes % 2 === 0) return j + 1;
    j++;
  }
}

function skipSpace(s: string, i: number): number {
  while (isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the value starting at `i` (strict JSON). */
function skipValue(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22) return stringEnd(s, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === 0x22) {
        j = stringEnd(s, j) - 1;
        if (j < 0) return -1;
      } else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  for (;;) {
    const d = s.charCodeAt(j);
    if (Number.isNaN(d) || d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) return j;
    j++;
  }
}

/**
 * Walks down strict JSON text along `segments`, skipping every sibling without parsing it. For
 * duplicate keys the last occurrence wins, as with `JSON.parse`.
 */
function locateStrict(s: string, start: number, segments: string[]): TextRange | undefined {
  let i = skipSpace(s, start);
  let range: TextRange = { offset: i, length: 1 };
  for (const segment of segments) {
    const c = s.charCodeAt(i);
    if (c === 0x7b) {
      let found: { key: number; value: number } | undefined;
      i = skipSpace(s, i + 1);
      while (s.charCodeAt(i) === 0x22) {
        const keyEnd = stringEnd(s, i);
        if (keyEnd < 0) return undefined;
        const raw = s.slice(i + 1, keyEnd - 1);
        const key = raw.includes('\\') ? (JSON.parse(s.slice(i, keyEnd)) as string) : raw;
        const valueStart = skipSpace(s, skipSpace(s, keyEnd) + 1);
        if (key === segment) found = { key: i, value: valueStart };
        const valueEnd = skipValue(s, valueStart);
        if (valueEnd < 0) return undefined;
        i = skipSpace(s, valueEnd);
        if (s.charCodeAt(i) === 0x2c) i = skipSpace(s, i + 1);
      }
      if (!found) return undefined;
      range = { offset: found.key, length: s.indexOf('"', found.key + 1) - found.key + 1 };
      i = found.value;
    } else if (c === 0x5b) {
      const index = numericIndex(segment);
      if (index === undefined) return undefined;
      i = skipSpace(s, i + 1);
      for (let n = 0; n < index; n++) {
        if (s.charCodeAt(i) === 0x5d) return undefined;
        const end = skipValue(s, i);
        if (end < 0) return undefined;
        i = skipSpace(s, end);
        if (s.charCodeAt(i) !== 0x2c) return undefined;
        i = skipSpace(s, i + 1);
      }
      if (s.charCodeAt(i) === 0x5d) return undefined;
      range = { offset: i, length: 1 };
    } else return undefined;
  }
  return range;
}
