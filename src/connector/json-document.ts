import type { Node as JsoncNode, ParseError } from 'jsonc-parser';
import { lazy } from '../lazy.ts';
import { isObject, type JsonObject, type JsonValue, setOwn } from './json.ts';
import { join, split, unescapeSegment } from './pointer.ts';

// Needed only for files JSON.parse rejects, duplicate keys and their positions: loaded on first use.
const jsonc = lazy<typeof import('jsonc-parser')>('jsonc-parser');

/**
 * Files nested deeper than this are not read (the corpus peaks at 28 levels). `JSON.parse` copes
 * with any depth, but jsonc-parser and every recursive reader after it would overflow the stack.
 */
export const MAX_NESTING = 256;

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

interface Reached {
  readonly nearest: { readonly pointer: string; readonly range: TextRange };
  /** Whether the whole pointer exists, not only a prefix of it. */
  readonly complete: boolean;
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

const SLIP_MESSAGES = {
  'trailing-comma': 'A trailing comma follows the last item',
  'control-character': 'A string contains a raw control character; write it as an escape such as `\\n`',
} as const;

interface Slip {
  readonly kind: keyof typeof SLIP_MESSAGES;
  readonly offset: number;
  readonly length: number;
}

/**
 * The value of text whose only faults are trailing commas and raw control characters (not line
 * breaks) in strings, the two the corpus shows most, read with `JSON.parse` after removing the
 * commas and escaping the characters; with the faults as jsonc-parser reports them (at the closing
 * bracket; once per string). Undefined for anything else (comments, other syntax errors), which
 * jsonc-parser reads: a far slower path, which would also build a tree for positions.
 */
function repaired(body: string): { value: JsonValue; slips: Slip[] } | undefined {
  const slips: Slip[] = [];
  const parts: string[] = [];
  let copied = 0;
  // The last character outside strings that is not a space, and where the last comma was.
  let last = 0;
  let comma = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === 0x22) {
      const end = stringEnd(body, i);
      if (end < 0) return undefined;
      let escaped: string | undefined;
      // The regex finds the next control character (mostly the line break after the string).
      CONTROL.lastIndex = i + 1;
      const control = CONTROL.test(body) ? CONTROL.lastIndex - 1 : body.length;
      for (let k = control; k < end - 1; k++) {
        const d = body.charCodeAt(k);
        if (d >= 0x20) continue;
        // A line break ends the string for jsonc-parser; after a backslash it is an escape error.
        if (d === 0x0a || d === 0x0d || body.charCodeAt(k - 1) === 0x5c) return undefined;
        escaped = `${escaped ?? body.slice(i, k)}\\u${d.toString(16).padStart(4, '0')}`;
        let next = k + 1;
        while (next < end - 1 && body.charCodeAt(next) >= 0x20) next++;
        escaped += body.slice(k + 1, next);
        k = next - 1;
      }
      if (escaped !== undefined) {
        slips.push({ kind: 'control-character', offset: i, length: end - i });
        parts.push(body.slice(copied, i), `${escaped}"`);
        copied = end;
      }
      last = c;
      i = end - 1;
      continue;
    }
    if (c === 0x2f) return undefined;
    if ((c === 0x7d || c === 0x5d) && last === 0x2c) {
      const before = lastSignificant(body, comma - 1);
      // `[,]` and `{"a":,}` are other errors.
      if (before === 0x5b || before === 0x7b || before === 0x2c || before === 0x3a) return undefined;
      slips.push({ kind: 'trailing-comma', offset: i, length: 1 });
      parts.push(body.slice(copied, comma));
      copied = comma + 1;
    }
    if (c === 0x2c) comma = i;
    last = c;
  }
  if (slips.length === 0) return undefined;
  parts.push(body.slice(copied));
  try {
    return { value: JSON.parse(parts.join('')) as JsonValue, slips };
  } catch {
    return undefined;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL = /[\u0000-\u001f]/g;

/** The last character at or before `i` that is not a space (outside strings, for a comma's left). */
function lastSignificant(s: string, i: number): number {
  let j = i;
  while (j >= 0 && isSpace(s.charCodeAt(j))) j--;
  return j < 0 ? 0 : s.charCodeAt(j);
}

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
  private readonly tooDeep: boolean;
  private readonly indexed: boolean;
  private lineStarts: Int32Array | undefined;
  /** Strict JSON only: where each object and array is, so that positioning skips values unread. */
  private readonly structure: Structure | undefined;
  private tree: JsoncNode | null | undefined;
  private readonly containers = new Map<number, Container | null>();
  private readonly members = new Map<JsoncNode, Map<string, JsoncNode>>();
  private readonly cache = new Map<string, Reached | null>();

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
    // Positions come from the text itself (strict JSON, or JSON with only trailing commas and raw
    // control characters in strings, read through `JSON.parse` once repaired), not from a jsonc tree.
    let indexed = false;
    let tooDeep = false;
    let structure: Structure | undefined;
    if (body.trim() === '') {
      issues.push({ kind: 'empty', message: 'The file is empty', offset: 0, length: 0 });
    } else {
      // JSON.parse copes with any nesting, but walks over the value would not: check the depth while
      // counting keys (strict JSON) or with a scan of the text (the rare tolerant case).
      try {
        value = JSON.parse(body) as JsonValue;
        strict = true;
        indexed = true;
      } catch {
        tooDeep = nestingBeyond(body, MAX_NESTING) >= 0;
        if (!tooDeep) {
          const repair = repaired(body);
          if (repair) {
            value = repair.value;
            indexed = true;
            for (const { kind, offset, length } of repair.slips)
              issues.push({ kind, message: SLIP_MESSAGES[kind], offset: offset + this.bodyStart, length });
          } else value = this.readTolerant(body, issues);
        }
      }
      if (indexed) {
        const keys = countValueKeys(value, 0);
        // Strict JSON has no raw line breaks inside strings, so the scan finds every line too.
        if (keys >= 0) structure = scanStructure(text, this.bodyStart, strict);
        if (!structure) {
          tooDeep = true;
          value = undefined;
          strict = false;
          indexed = false;
        } else if (structure.keys !== keys) {
          // A duplicate key may have hidden a deeply nested value from the count above.
          if (nestingBeyond(body, MAX_NESTING) >= 0) {
            tooDeep = true;
            value = undefined;
            strict = false;
            indexed = false;
          } else this.findDuplicates(body, issues);
        }
      }
      if (tooDeep) {
        issues.push({
          kind: 'syntax',
          message: `The JSON nests more than ${MAX_NESTING} levels deep; flowport does not read it`,
          offset: Math.max(0, nestingBeyond(body, MAX_NESTING)) + this.bodyStart,
          length: 1,
        });
      }
    }
    this.tooDeep = tooDeep;
    this.indexed = indexed && !tooDeep;
    this.structure = this.indexed ? structure : undefined;
    if (this.structure?.lines) this.lineStarts = this.structure.lines;
    this.value = value;
    this.strict = strict;
    this.issues = issues;
  }

  private readTolerant(body: string, issues: ParseIssue[]): JsonValue | undefined {
    const errors: ParseError[] = [];
    const comments: ParseIssue[] = [];
    const duplicates: ParseIssue[] = [];
    const at = this.bodyStart;
    // One pass of jsonc-parser for the value, the duplicate keys and the tree that positions use:
    // a tolerant read costs as much as ten `JSON.parse`s.
    const value = valueBuilder();
    const tree = treeBuilder();
    jsonc().visit(
      body,
      combine([
        value.visitor,
        tree.visitor,
        duplicateFinder(at, duplicates),
        {
          onError: (error, offset, length) => errors.push({ error, offset, length }),
          onComment: (offset, length) =>
            comments.push({
              kind: 'comment',
              message: 'JSON does not allow comments',
              offset: offset + at,
              length,
            }),
        },
      ]),
      { allowTrailingComma: false, disallowComments: false },
    );
    this.tree = tree.root() ?? null;
    const seen = new Set<string>();
    // Classify with comments blanked out, so that `1, // last\n]` is still a trailing comma.
    let plain = body;
    for (const c of comments) {
      const from = c.offset - at;
      plain = plain.slice(0, from) + ' '.repeat(c.length) + plain.slice(from + c.length);
    }
    for (const e of errors) {
      const kind = classify(plain, e);
      // jsonc-parser may report one slip twice at the same offset.
      if (seen.has(`${kind}:${e.offset}`)) continue;
      seen.add(`${kind}:${e.offset}`);
      const message =
        kind === 'trailing-comma' || kind === 'control-character'
          ? SLIP_MESSAGES[kind]
          : `Invalid JSON: ${SYNTAX_MESSAGES[e.error] ?? 'the text cannot be read'}`;
      issues.push({ kind, message, offset: e.offset + at, length: Math.max(1, e.length) });
    }
    issues.push(...comments, ...duplicates);
    return value.root();
  }

  private findDuplicates(body: string, issues: ParseIssue[]): void {
    const found: ParseIssue[] = [];
    if (duplicateKeys(body, this.bodyStart, found)) issues.push(...found);
    else
      jsonc().visit(body, duplicateFinder(this.bodyStart, issues), {
        disallowComments: false,
        allowTrailingComma: true,
      });
  }

  /** Where the member or item at `pointer` starts (its key, for object members). */
  locate(pointer: string): TextRange | undefined {
    const reached = this.reach(pointer);
    return reached?.complete ? reached.nearest.range : undefined;
  }

  /** Nearest enclosing pointer that exists in the text, and its range. */
  locateNearest(pointer: string): { pointer: string; range: TextRange } | undefined {
    return this.reach(pointer)?.nearest;
  }

  /**
   * Locates many pointers at once (the engine calls this with every finding's pointer in a file):
   * one descent through strict JSON text that enters only the objects and arrays on the way to a
   * wanted pointer and skips everything else, so positioning costs one pass however many findings.
   */
  prepare(pointers: Iterable<string>): void {
    if (!this.indexed) return;
    const root = trieNode('', '');
    let wanted = 0;
    for (const pointer of pointers) {
      if (this.cache.has(pointer)) continue;
      let node = root;
      // The segments of the pointer, matched in place: this runs for every finding.
      for (let from = 1; from <= pointer.length; ) {
        let to = pointer.indexOf('/', from);
        if (to < 0) to = pointer.length;
        node = segmentChild(node, pointer, from, to);
        from = to + 1;
      }
      if (node.pointer === undefined) node.pointer = pointer;
      else if (node.more) node.more.push(pointer);
      else node.more = [pointer];
      wanted++;
    }
    if (wanted === 0) return;
    const s = this.text;
    const start = skipSpace(s, this.bodyStart);
    new Descent(s, this.structure).descend(start, root, start, 1);
    if (root.offset < 0) {
      root.offset = start;
      root.length = 1;
    }
    this.settle(root, 0, 0, root);
  }

  /**
   * Caches every wanted pointer below `node`: its own range, or that of the deepest ancestor that
   * exists in the text (`best`, at `bestDepth`), whose pointer is cut from the wanted pointer only
   * for the rare pointer that does not exist.
   */
  private settle(node: TrieNode, depth: number, bestDepth: number, best: TrieNode): void {
    const reached = node.offset >= 0;
    const here = reached ? node : best;
    const hereDepth = reached ? depth : bestDepth;
    if (node.pointer !== undefined) {
      const range = { offset: here.offset, length: here.length };
      this.settled(node.pointer, reached, hereDepth, range);
      if (node.more) for (const pointer of node.more) this.settled(pointer, reached, hereDepth, range);
    }
    for (let child: TrieNode | undefined = node.first; child; child = child.next)
      this.settle(child, depth + 1, hereDepth, here);
  }

  private settled(pointer: string, complete: boolean, depth: number, range: TextRange): void {
    this.cache.set(pointer, {
      nearest: { pointer: complete ? pointer : prefix(pointer, depth), range },
      complete,
    });
  }

  /** The deepest node on the way to `pointer`; cached, since the engine asks once per finding. */
  private reach(pointer: string): Reached | undefined {
    let reached = this.cache.get(pointer);
    if (reached === undefined) {
      const segments = split(pointer);
      const walked = this.tooDeep
        ? { range: { offset: skipSpace(this.text, this.bodyStart), length: 1 }, depth: 0 }
        : this.indexed
          ? this.walkStrict(segments)
          : this.walkTolerant(segments);
      const complete = walked?.depth === segments.length;
      reached = walked
        ? {
            nearest: {
              pointer: complete ? pointer : join('', ...segments.slice(0, walked.depth)),
              range: walked.range,
            },
            complete,
          }
        : null;
      this.cache.set(pointer, reached);
    }
    return reached ?? undefined;
  }

  /**
   * Walks down strict JSON text along `segments`. Each object or array on the way is indexed once,
   * so that locating thousands of findings in a large file stays linear.
   */
  private walkStrict(segments: string[]): { range: TextRange; depth: number } {
    let i = skipSpace(this.text, this.bodyStart);
    let range: TextRange = { offset: i, length: 1 };
    let depth = 0;
    for (const segment of segments) {
      let container = this.containers.get(i);
      if (container === undefined) {
        container = indexContainer(this.text, i) ?? null;
        this.containers.set(i, container);
      }
      if (container instanceof Map) {
        const member = container.get(segment);
        if (!member) break;
        range = { offset: member.key, length: member.keyEnd - member.key };
        i = member.value;
      } else if (container) {
        const index = numericIndex(segment);
        const item = index === undefined ? undefined : container[index];
        if (item === undefined) break;
        range = { offset: item, length: 1 };
        i = item;
      } else break;
      depth++;
    }
    return { range, depth };
  }

  private walkTolerant(segments: string[]): { range: TextRange; depth: number } | undefined {
    let node: JsoncNode | undefined = this.tree ?? undefined;
    if (!node) return undefined;
    let range = this.rangeOf(node);
    let depth = 0;
    for (const segment of segments) {
      let target: JsoncNode | undefined;
      if (node?.type === 'object') {
        target = this.membersOf(node).get(segment);
        node = target?.children?.[1];
      } else if (node?.type === 'array') {
        const index = numericIndex(segment);
        node = target = index === undefined ? undefined : node.children?.[index];
      }
      if (!target) break;
      range = this.rangeOf(target);
      depth++;
    }
    return { range, depth };
  }

  /** A member's key, or the first character of a value. */
  private rangeOf(node: JsoncNode): TextRange {
    return {
      offset: node.offset + this.bodyStart,
      length: node.type === 'property' ? (node.children?.[0]?.length ?? 1) : Math.min(node.length, 1),
    };
  }

  /** Property nodes of an object node by key; the last one wins, as in the parsed value. */
  private membersOf(node: JsoncNode): Map<string, JsoncNode> {
    let members = this.members.get(node);
    if (!members) {
      members = new Map();
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value;
        if (typeof key === 'string') members.set(key, property);
      }
      this.members.set(node, members);
    }
    return members;
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

type Visitor = import('jsonc-parser').JSONVisitor;

/** A visitor calling each of `parts` in turn (jsonc-parser skips a subtree when one returns false). */
function combine(parts: readonly Visitor[]): Visitor {
  const out: Record<string, (...args: never[]) => void> = {};
  for (const part of parts) {
    for (const [name, fn] of Object.entries(part) as [string, (...args: never[]) => void][]) {
      const before = out[name];
      out[name] = before
        ? (...args) => {
            before(...args);
            fn(...args);
          }
        : (...args) => {
            fn(...args);
          };
    }
  }
  return out as Visitor;
}

/**
 * jsonc-parser's `parse`, except that a `__proto__` key becomes an own property (as with
 * `JSON.parse`) instead of replacing the prototype of the object it is in.
 */
function valueBuilder(): { visitor: Visitor; root(): JsonValue | undefined } {
  const root: JsonValue[] = [];
  const parents: (JsonObject | JsonValue[])[] = [];
  let parent: JsonObject | JsonValue[] = root;
  let key: string | undefined;
  const add = (value: JsonValue) => {
    if (Array.isArray(parent)) parent.push(value);
    else if (key !== undefined) setOwn(parent, key, value);
  };
  const open = (container: JsonObject | JsonValue[]) => {
    add(container);
    parents.push(parent);
    parent = container;
    key = undefined;
  };
  const close = () => {
    parent = parents.pop() ?? root;
  };
  return {
    visitor: {
      onObjectBegin: () => open({}),
      onObjectProperty: (name) => {
        key = name;
      },
      onObjectEnd: close,
      onArrayBegin: () => open([]),
      onArrayEnd: close,
      onLiteralValue: (value: JsonValue) => add(value),
    },
    root: () => root[0],
  };
}

/** jsonc-parser's `parseTree`: nodes with offsets, for positions in text `JSON.parse` rejects. */
function treeBuilder(): { visitor: Visitor; root(): JsoncNode | undefined } {
  type Mutable = { -readonly [K in keyof JsoncNode]: JsoncNode[K] } & {
    children?: Mutable[];
    parent?: Mutable;
  };
  let current: Mutable = { type: 'array', offset: -1, length: -1, children: [] };
  const complete = (end: number) => {
    if (current.type === 'property') {
      current.length = end - current.offset;
      current = current.parent as Mutable;
    }
  };
  const add = (node: Mutable) => {
    current.children?.push(node);
    return node;
  };
  const literal = (value: unknown): JsoncNode['type'] =>
    value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');
  return {
    visitor: {
      onObjectBegin: (offset) => {
        current = add({ type: 'object', offset, length: -1, parent: current, children: [] });
      },
      onObjectProperty: (name, offset, length) => {
        current = add({ type: 'property', offset, length: -1, parent: current, children: [] });
        current.children?.push({ type: 'string', value: name, offset, length, parent: current });
      },
      onObjectEnd: (offset, length) => {
        complete(offset + length);
        current.length = offset + length - current.offset;
        current = current.parent as Mutable;
        complete(offset + length);
      },
      onArrayBegin: (offset) => {
        current = add({ type: 'array', offset, length: -1, parent: current, children: [] });
      },
      onArrayEnd: (offset, length) => {
        current.length = offset + length - current.offset;
        current = current.parent as Mutable;
        complete(offset + length);
      },
      onLiteralValue: (value, offset, length) => {
        add({ type: literal(value), offset, length, parent: current, value });
        complete(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (current.type !== 'property') return;
        if (separator === ':') current.colonOffset = offset;
        else if (separator === ',') complete(offset);
      },
    },
    root: () => current.children?.[0],
  };
}

/**
 * `duplicateFinder` without jsonc-parser, for the text `JSON.parse` read (trailing commas allowed):
 * one recursive pass, whose functions V8 keeps optimised (jsonc-parser's `visit` makes its own anew on
 * every call). False, with nothing reported, for text it does not expect.
 */
function duplicateKeys(s: string, at: number, issues: ParseIssue[]): boolean {
  const path: (string | number)[] = [];
  const value = (from: number): number => {
    const i = skipSpace(s, from);
    const c = s.charCodeAt(i);
    if (c === 0x7b) {
      const keys = new Set<string>();
      path.push('');
      let j = skipSpace(s, i + 1);
      while (s.charCodeAt(j) === 0x22) {
        const end = stringEnd(s, j);
        if (end < 0) return -1;
        let name = s.slice(j + 1, end - 1);
        if (name.includes('\\')) {
          try {
            name = JSON.parse(s.slice(j, end)) as string;
          } catch {
            return -1;
          }
        }
        path[path.length - 1] = name;
        if (keys.has(name))
          issues.push({
            kind: 'duplicate-key',
            message: `The property \`${name}\` appears twice in the same object; only the last one counts`,
            offset: j + at,
            length: end - j,
            pointer: join('', ...path),
          });
        else keys.add(name);
        j = skipSpace(s, end);
        if (s.charCodeAt(j) !== 0x3a) return -1;
        j = value(j + 1);
        if (j < 0) return -1;
        j = skipSpace(s, j);
        if (s.charCodeAt(j) === 0x2c) j = skipSpace(s, j + 1);
      }
      path.pop();
      return s.charCodeAt(j) === 0x7d ? j + 1 : -1;
    }
    if (c === 0x5b) {
      path.push(0);
      let j = skipSpace(s, i + 1);
      for (let index = 0; j < s.length && s.charCodeAt(j) !== 0x5d; index++) {
        path[path.length - 1] = index;
        j = value(j);
        if (j < 0) return -1;
        j = skipSpace(s, j);
        if (s.charCodeAt(j) !== 0x2c) break;
        j = skipSpace(s, j + 1);
      }
      path.pop();
      return s.charCodeAt(j) === 0x5d ? j + 1 : -1;
    }
    return skipValue(s, i);
  };
  return value(0) >= 0;
}

/** Reports each key that repeats one of its object, with its pointer. */
function duplicateFinder(at: number, issues: ParseIssue[]): Visitor {
  const stack: { keys: Set<string> | undefined; index: number }[] = [];
  const path: (string | number)[] = [];
  const bumpArray = () => {
    const top = stack[stack.length - 1];
    if (top && !top.keys) path[path.length - 1] = top.index++;
  };
  return {
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
  };
}

/**
 * Offset of the first bracket nested deeper than `limit`, or -1. Strings end at a line break and
 * a closing bracket of the wrong kind is ignored, as in jsonc-parser, so the count never falls
 * below the depth its recursive descent reaches.
 */
function nestingBeyond(s: string, limit: number): number {
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < s.length; i++) {
        const d = s.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
      }
    } else if (c === 0x2f && s.charCodeAt(i + 1) === 0x2f) {
      while (i < s.length && s.charCodeAt(i) !== 0x0a && s.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && s.charCodeAt(i + 1) === 0x2a) {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? s.length : end + 1;
    } else if (c === 0x7b || c === 0x5b) {
      if (stack.length >= limit) return i;
      stack.push(c);
    } else if ((c === 0x7d && stack.at(-1) === 0x7b) || (c === 0x5d && stack.at(-1) === 0x5b)) stack.pop();
  }
  return -1;
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

/** Offsets where lines start, in a typed array the garbage collector skips (one pass, grown as needed). */
function lineStarts(text: string): Int32Array {
  let starts = new Int32Array(256);
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) starts = grown(starts);
    starts[n++] = i + 1;
  }
  return starts.subarray(0, n);
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function numericIndex(s: string): number | undefined {
  if (s.length === 0 || s.length > 15 || (s.length > 1 && s.charCodeAt(0) === 0x30)) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(s);
}

/**
 * The objects and arrays of strict JSON text, numbered in the order they open: where each opens and
 * closes, and the number of the first one opening after it closes. `keys` counts the members in the
 * text (the colons outside strings), which exceeds the parsed value's when `JSON.parse` dropped a
 * duplicate key.
 */
interface Structure {
  readonly keys: number;
  /** Where lines start, when the scan was asked for them. */
  readonly lines: Int32Array | undefined;
  readonly open: Int32Array;
  readonly close: Int32Array;
  readonly next: Int32Array;
}

/**
 * One pass over strict JSON text from `from`: the key count and every container's extent, and with
 * `withLines` where each line starts (only right when no string holds a raw line break).
 */
function scanStructure(s: string, from: number, withLines: boolean): Structure {
  let open = new Int32Array(1024);
  let close = new Int32Array(1024);
  let next = new Int32Array(1024);
  let stack = new Int32Array(64);
  let lines = new Int32Array(withLines ? 256 : 0);
  let lineCount = 1;
  let depth = 0;
  let count = 0;
  let keys = 0;
  const n = s.length;
  for (let j = from; j < n; j++) {
    const c = s.charCodeAt(j);
    // Whitespace first: it is most of what lies between strings in indented files.
    if (c <= 0x20) {
      if (c === 0x0a && withLines) {
        if (lineCount === lines.length) lines = grown(lines);
        lines[lineCount++] = j + 1;
      }
      continue;
    }
    if (c === 0x22) {
      j = stringEnd(s, j) - 1;
      if (j < 0) break;
    } else if (c === 0x3a) keys++;
    else if ((c | 0x20) === 0x7b) {
      // `{` or `[`
      if (count === open.length) {
        open = grown(open);
        close = grown(close);
        next = grown(next);
      }
      if (depth === stack.length) stack = grown(stack);
      open[count] = j;
      stack[depth++] = count++;
    } else if ((c | 0x20) === 0x7d && depth > 0) {
      // `}` or `]`
      const k = stack[--depth] as number;
      close[k] = j;
      next[k] = count;
    }
  }
  return {
    keys,
    lines: withLines ? lines.subarray(0, lineCount) : undefined,
    open: open.subarray(0, count),
    close: close.subarray(0, count),
    next: next.subarray(0, count),
  };
}

/** Number of object keys in a parsed value, or -1 when it nests deeper than `MAX_NESTING`. */
function countValueKeys(value: unknown, depth: number): number {
  if (depth > MAX_NESTING) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    // An indexed loop: `for…of` here allocates an iterator result per item.
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (typeof v === 'object' && v !== null) {
        const k = countValueKeys(v, depth + 1);
        if (k < 0) return -1;
        n += k;
      }
    }
    return n;
  }
  if (!isObject(value)) return 0;
  // JSON.parse defines `__proto__` as an own property, and `for…in` sees it like any other key.
  for (const key in value) {
    n++;
    const v = value[key];
    if (typeof v === 'object' && v !== null) {
      const k = countValueKeys(v, depth + 1);
      if (k < 0) return -1;
      n += k;
    }
  }
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

interface Member {
  readonly key: number;
  readonly keyEnd: number;
  readonly value: number;
}

/** An object's members by key, or an array's item offsets. */
type Container = Map<string, Member> | number[];

/**
 * Indexes the object or array starting at `i` in strict JSON text, skipping each child without
 * parsing it. For duplicate keys the last occurrence wins, as with `JSON.parse`.
 */
function indexContainer(s: string, i: number): Container | undefined {
  const c = s.charCodeAt(i);
  if (c === 0x7b) {
    const members = new Map<string, Member>();
    let j = skipSpace(s, i + 1);
    while (s.charCodeAt(j) === 0x22) {
      const keyEnd = stringEnd(s, j);
      if (keyEnd < 0) break;
      const raw = s.slice(j + 1, keyEnd - 1);
      const key = raw.includes('\\') ? (JSON.parse(s.slice(j, keyEnd)) as string) : raw;
      const value = skipSpace(s, skipSpace(s, keyEnd) + 1);
      members.set(key, { key: j, keyEnd, value });
      const valueEnd = skipValue(s, value);
      if (valueEnd < 0) break;
      j = skipSpace(s, valueEnd);
      if (s.charCodeAt(j) === 0x2c) j = skipSpace(s, j + 1);
    }
    return members;
  }
  if (c === 0x5b) {
    const items: number[] = [];
    let j = skipSpace(s, i + 1);
    while (j < s.length && s.charCodeAt(j) !== 0x5d) {
      items.push(j);
      const end = skipValue(s, j);
      if (end < 0) break;
      j = skipSpace(s, end);
      if (s.charCodeAt(j) !== 0x2c) break;
      j = skipSpace(s, j + 1);
    }
    return items;
  }
  return undefined;
}

/** The first `depth` segments of a pointer, still escaped. */
function prefix(pointer: string, depth: number): string {
  let end = 0;
  for (let i = 0; i < depth; i++) {
    end = pointer.indexOf('/', end + 1);
    if (end < 0) return pointer;
  }
  return depth === 0 ? '' : pointer.slice(0, end);
}

/**
 * A node of the trie of wanted pointers. Children are a list through `next` (no arrays: a run makes
 * a hundred thousand nodes), indexed in maps once there are many.
 */
interface TrieNode {
  /** The segment, unescaped, and as the first pointer through it wrote it. */
  readonly key: string;
  readonly raw: string;
  first: TrieNode | undefined;
  next: TrieNode | undefined;
  /** The last child found, tried first: findings in a row often share their first segments. */
  last: TrieNode | undefined;
  children: number;
  byKey: Map<string, TrieNode> | undefined;
  byRaw: Map<string, TrieNode> | undefined;
  /** The pointer that ends at this node; others (other spellings of it, rare) after it. */
  pointer: string | undefined;
  more: string[] | undefined;
  /** Where the member or item is, once the descent has reached it (-1 before). */
  offset: number;
  length: number;
}

/** Children a trie node scans for (comparing text in place) before it indexes them in a map. */
const SCANNED_CHILDREN = 8;

function trieNode(key: string, raw: string): TrieNode {
  return {
    key,
    raw,
    first: undefined,
    next: undefined,
    last: undefined,
    children: 0,
    byKey: undefined,
    byRaw: undefined,
    pointer: undefined,
    more: undefined,
    offset: -1,
    length: 0,
  };
}

function childOf(node: TrieNode, key: string): TrieNode | undefined {
  if (node.byKey) return node.byKey.get(key);
  for (let child: TrieNode | undefined = node.first; child; child = child.next)
    if (child.key === key) return child;
  return undefined;
}

/**
 * The child for the pointer segment `pointer[from, to)`, added when missing. Segments are compared
 * in place, so that only new children cost a string.
 */
function segmentChild(node: TrieNode, pointer: string, from: number, to: number): TrieNode {
  const length = to - from;
  const last = node.last;
  if (last && last.raw.length === length && pointer.startsWith(last.raw, from)) return last;
  let found: TrieNode | undefined;
  if (node.byRaw) found = node.byRaw.get(pointer.slice(from, to));
  else {
    for (let child: TrieNode | undefined = node.first; child; child = child.next) {
      if (child.raw.length === length && pointer.startsWith(child.raw, from)) {
        found = child;
        break;
      }
    }
  }
  if (!found) {
    const raw = pointer.slice(from, to);
    const key = unescapeSegment(raw);
    // Another spelling of a key already there (`~2`, `~02`) shares its node, as the key does.
    found = childOf(node, key);
    if (!found) {
      found = trieNode(key, raw);
      found.next = node.first;
      node.first = found;
      node.children++;
      if (node.byKey) {
        node.byKey.set(key, found);
        node.byRaw?.set(raw, found);
      } else if (node.children > SCANNED_CHILDREN) {
        const byKey = new Map<string, TrieNode>();
        const byRaw = new Map<string, TrieNode>();
        for (let child: TrieNode | undefined = node.first; child; child = child.next) {
          byKey.set(child.key, child);
          byRaw.set(child.raw, child);
        }
        node.byKey = byKey;
        node.byRaw = byRaw;
      }
    } else node.byRaw?.set(raw, found);
  }
  node.last = found;
  return found;
}

/**
 * The child for the member key whose text (between its quotes) is `s[from, to)`. Keys without
 * escapes are compared in place, so that the members skipped on the way cost no string.
 */
function memberChild(s: string, from: number, to: number, node: TrieNode): TrieNode | undefined {
  for (let k = from; k < to; k++) {
    if (s.charCodeAt(k) === 0x5c) return childOf(node, JSON.parse(s.slice(from - 1, to + 1)) as string);
  }
  if (node.byKey) return node.byKey.get(s.slice(from, to));
  const length = to - from;
  for (let child: TrieNode | undefined = node.first; child; child = child.next) {
    if (child.key.length === length && s.startsWith(child.key, from)) return child;
  }
  return undefined;
}

/** The child for the item at `index`: the trie holds array indexes as canonical decimal segments. */
function itemChild(node: TrieNode, index: number): TrieNode | undefined {
  if (node.byKey) return node.byKey.get(String(index));
  for (let child: TrieNode | undefined = node.first; child; child = child.next)
    if (numericIndex(child.key) === index) return child;
  return undefined;
}

/**
 * One descent through strict JSON text along a trie, recording the range of every trie node reached.
 * Values off the trie are skipped: a container by its extent in the text's structure (the descent
 * meets containers in text order, so the next one's number is known), anything else by a scan.
 */
class Descent {
  private readonly s: string;
  private readonly structure: Structure | undefined;
  /** Number of the next container in text order. */
  private at = 0;

  constructor(s: string, structure: Structure | undefined) {
    this.s = s;
    this.structure = structure;
  }

  /** Number of the container opening at `i`, or -1. */
  private container(i: number): number {
    const open = this.structure?.open;
    if (!open) return -1;
    let k = this.at;
    if (open[k] === i) return k;
    // Out of step (not expected in strict JSON): look it up.
    let lo = 0;
    let hi = open.length - 1;
    while (lo <= hi) {
      k = (lo + hi) >> 1;
      const o = open[k] as number;
      if (o === i) return k;
      if (o < i) lo = k + 1;
      else hi = k - 1;
    }
    return -1;
  }

  /** Index just past the value at `i`, or -1. */
  private skip(i: number): number {
    const c = this.s.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      const k = this.container(i);
      const structure = this.structure;
      if (k >= 0 && structure) {
        this.at = structure.next[k] as number;
        return (structure.close[k] as number) + 1;
      }
    }
    return skipValue(this.s, i);
  }

  /** Descends into the value at `i`; returns the index just past it (or -1 on malformed text). */
  descend(i: number, node: TrieNode, offset: number, length: number): number {
    node.offset = offset;
    node.length = length;
    if (!node.first) return this.skip(i);
    const s = this.s;
    const c = s.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      const k = this.container(i);
      if (k >= 0) this.at = k + 1;
    }
    if (c === 0x7b) {
      let j = skipSpace(s, i + 1);
      while (s.charCodeAt(j) === 0x22) {
        const keyEnd = stringEnd(s, j);
        if (keyEnd < 0) return -1;
        const value = skipSpace(s, skipSpace(s, keyEnd) + 1);
        const child = memberChild(s, j + 1, keyEnd - 1, node);
        const end = child ? this.descend(value, child, j, keyEnd - j) : this.skip(value);
        if (end < 0) return -1;
        j = skipSpace(s, end);
        if (s.charCodeAt(j) === 0x2c) j = skipSpace(s, j + 1);
      }
      return s.charCodeAt(j) === 0x7d ? j + 1 : -1;
    }
    if (c === 0x5b) {
      let j = skipSpace(s, i + 1);
      let index = 0;
      while (j < s.length && s.charCodeAt(j) !== 0x5d) {
        const child = itemChild(node, index);
        const end = child ? this.descend(j, child, j, 1) : this.skip(j);
        if (end < 0) return -1;
        index++;
        j = skipSpace(s, end);
        if (s.charCodeAt(j) !== 0x2c) break;
        j = skipSpace(s, j + 1);
      }
      return s.charCodeAt(j) === 0x5d ? j + 1 : -1;
    }
    return skipValue(s, i);
  }
}
