import type { Lexer, Token, Tokens, TokensList } from 'marked';
import { lazy } from '../../lazy.ts';

const marked = lazy<typeof import('marked')>('marked');

import type { ConnectorFile } from '../../connector/model.ts';
import { atxHeadingLines } from './atx-headings.ts';

/** A Markdown heading with its plain text and 1-based line. */
export interface Heading {
  readonly depth: number;
  /** Plain text: emphasis, code and link markup removed, whitespace collapsed. */
  readonly text: string;
  /** `headingKey(text)`: lower-cased, without trailing punctuation, for matching section names. */
  readonly key: string;
  readonly line: number;
}

/** An image reference (`![alt](src)` or `<img src>`) with the line it is on. */
export interface ImageLink {
  readonly src: string;
  readonly line: number;
}

/** A top-level Markdown block and its first line. */
export interface Block {
  readonly token: Token;
  readonly line: number;
}

export interface Outline {
  readonly headings: readonly Heading[];
  readonly images: readonly ImageLink[];
}

/**
 * Where the sections are. Parsed outlines keep marked's top-level blocks; outlines found from the
 * heading lines alone keep offsets, and parse a section only if a rule asks for a block in it.
 */
type Layout =
  | { readonly blocks: readonly Block[]; readonly index: readonly number[] }
  | {
      readonly source: string;
      /** Per heading: where its section's text starts (after the heading line and a single LF). */
      readonly bodies: readonly number[];
      /** Per heading: where its line starts. */
      readonly starts: readonly number[];
    };

const layouts = new WeakMap<Outline, Layout>();
const cache = new WeakMap<ConnectorFile, Outline>();
const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const MAX_DEPTH = 64;

/** Headings and images of a Markdown file (readme.md, intro.md), parsed once per file. */
export function outlineOf(file: ConnectorFile): Outline {
  let outline = cache.get(file);
  if (!outline) {
    outline = parseOutline(file.text ?? '');
    cache.set(file, outline);
  }
  return outline;
}

/**
 * Headings and images of Markdown. Most readmes have no image, fence, HTML block or setext heading:
 * their headings are their `#` lines, found without a parse (`atxHeadingLines`), and only the
 * heading texts go through marked's inline lexer. Other texts are parsed with marked.
 */
export function parseOutline(text: string): Outline {
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  // marked turns a last, lone space or tab into a line break (`Lexer.blockTokens` appends `\n` for a
  // one-character space block), so such a text's sections are only known from the parse.
  const last = source.charCodeAt(source.length - 1);
  const lines = hasImageHint(source) || last === 0x20 || last === 0x09 ? undefined : atxHeadingLines(source);
  if (lines) {
    try {
      return outlineFromLines(source, lines);
    } catch {
      // The parse meets the same error, and gives an empty outline as for any text marked rejects.
    }
  }
  return parseWithMarked(source);
}

/** An outline whose headings are the given ATX lines. */
function outlineFromLines(source: string, lines: readonly number[]): Outline {
  const bodies: number[] = [];
  const lineNumbers: number[] = [];
  const plain: { depth: number; text: string }[] = [];
  let line = 1;
  let counted = 0;
  for (const start of lines) {
    for (let i = source.indexOf('\n', counted); i >= 0 && i < start; i = source.indexOf('\n', i + 1)) line++;
    counted = start;
    lineNumbers.push(line);
    plain.push(atxHeading(source, start));
    // Where the block after the heading starts: a single line break joins the heading's raw text,
    // more are a space block of their own (see marked's `Lexer.blockTokens`).
    const end = source.indexOf('\n', start);
    if (end < 0) bodies.push(source.length);
    else {
      BLANK_LINES.lastIndex = end;
      bodies.push(BLANK_LINES.exec(source)![0].length === 1 ? end + 1 : end);
    }
  }
  // Heading text without markup is one text token: its plain text is itself. Only markup needs
  // marked (whose loading costs a fresh process more than the rest of a readme's checks).
  const headings: Heading[] = plain.some((h) => INLINE_MARKUP.test(h.text))
    ? markedHeadings(source, lines).map((text, i) => heading(plain[i]!.depth, text, lineNumbers[i]!))
    : plain.map((h, i) => heading(h.depth, collapse(h.text), lineNumbers[i]!));
  const outline: Outline = { headings, images: [] };
  layouts.set(outline, { source, bodies, starts: lines });
  return outline;
}

function heading(depth: number, text: string, line: number): Heading {
  return { depth, text, key: headingKey(text), line };
}

/**
 * marked's heading token (GFM) for an ATX heading line at `start` that `atxHeadingLines` found: its
 * depth, and its text without the closing sequence of `#`.
 */
export function atxHeading(source: string, start: number): { depth: number; text: string } {
  let depth = 0;
  while (source.charCodeAt(start + depth) === 0x23) depth++;
  const end = source.indexOf('\n', start);
  let text = source.slice(start + depth, end < 0 ? source.length : end).trim();
  if (text.endsWith('#')) {
    let cut = text.length;
    while (cut > 0 && text.charCodeAt(cut - 1) === 0x23) cut--;
    const rest = text.slice(0, cut);
    // CommonMark: a closing sequence follows a space (or is the whole text).
    if (rest === '' || rest.endsWith(' ') || rest.endsWith('\t')) text = rest.trim();
  }
  return { depth, text };
}

/** Plain texts of the headings at `lines`, through marked's inline lexer. */
function markedHeadings(source: string, lines: readonly number[]): string[] {
  const lexer = new (marked().Lexer)();
  const tokenizer = lexer.options.tokenizer!;
  const tokens = lines.map((start) => tokenizer.heading(source.slice(start))!);
  const markup = new Set<Token[]>();
  for (const token of tokens) if (INLINE_MARKUP.test(token.text)) markup.add(token.tokens);
  inlineHeadings(lexer, (_src, target) => markup.has(target));
  return tokens.map((token) => (markup.has(token.tokens) ? plainText(token.tokens) : collapse(token.text)));
}

/**
 * Characters that start an inline token other than text in marked (escapes, tags, links, emphasis,
 * code, strike-through, autolinks, character references, e-mail addresses and URLs).
 */
const INLINE_MARKUP = /[\\<[\]*_`~&@]|:\/\/|www\./i;

/** The blank lines marked's `space` block takes, from a line break on. */
const BLANK_LINES = /(?:[ \t]*(?:\n|$))+/y;

/**
 * Parses Markdown with `marked` and records where each block starts. This is `marked.lexer` with
 * the inline pass limited to headings and to text that may hold an image: the full inline pass
 * costs three times the block pass, and nothing else needs it.
 */
function parseWithMarked(source: string): Outline {
  let tokens: Token[];
  try {
    tokens = lex(source);
  } catch {
    tokens = [];
  }
  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const index: number[] = [];
  const images: ImageLink[] = [];
  let line = 1;
  for (const token of tokens) {
    const raw = token.raw;
    if (token.type === 'heading') {
      // Leading blank lines belong to the raw text of some blocks; the heading itself starts after them.
      let lead = 0;
      while (raw.charCodeAt(lead) === 0x0a) lead++;
      const h = token as Tokens.Heading;
      const text = plainText(h.tokens);
      headings.push({ depth: h.depth, text, key: headingKey(text), line: line + lead });
      index.push(blocks.length);
    }
    blocks.push({ token, line });
    // Images and `<img>` tags keep their `![` or `<img` in the raw text of the block holding them.
    if (IMAGE_HINT.test(raw)) collectImages(token, raw, line, images, 0);
    line += countNewlines(raw);
  }
  const outline: Outline = { headings, images };
  layouts.set(outline, { blocks, index });
  return outline;
}

/** Plain text of inline tokens (blocks whose inline pass was skipped give their source text). */
export function plainText(tokens: readonly Token[] | undefined): string {
  let out = '';
  const walk = (list: readonly Token[] | undefined, depth: number) => {
    if (!list || depth > MAX_DEPTH) return;
    for (const t of list) {
      const children = (t as { tokens?: Token[] }).tokens;
      if (children && children.length > 0) walk(children, depth + 1);
      else if (t.type === 'html') continue;
      else out += (t as { text?: string }).text ?? '';
    }
  };
  walk(tokens, 0);
  return collapse(out);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of the section under a heading: up to the next heading of its depth or higher (exclusive). */
export function sectionText(outline: Outline, heading: Heading): string {
  const layout = layoutOf(outline);
  const at = outline.headings.indexOf(heading);
  let next = at + 1;
  while (next < outline.headings.length && outline.headings[next]!.depth > heading.depth) next++;
  if ('source' in layout) {
    const end = next < outline.headings.length ? layout.starts[next]! : layout.source.length;
    return layout.source.slice(layout.bodies[at], end);
  }
  const end = next < outline.headings.length ? layout.index[next]! : layout.blocks.length;
  let text = '';
  for (let i = layout.index[at]! + 1; i < end; i++) text += layout.blocks[i]!.token.raw;
  return text;
}

/** The first block after a heading that is not blank lines, if any. */
export function blockAfter(outline: Outline, heading: Heading): Block | undefined {
  const layout = layoutOf(outline);
  const at = outline.headings.indexOf(heading);
  if ('blocks' in layout) {
    for (let i = layout.index[at]! + 1; i < layout.blocks.length; i++) {
      if (layout.blocks[i]!.token.type !== 'space') return layout.blocks[i];
    }
    return undefined;
  }
  // Headings found from their lines bound blocks: the text from this heading's section to the end
  // of the next heading's block parses as it does within the whole text.
  const { source, bodies, starts } = layout;
  const from = bodies[at]!;
  const chunk = parseWithMarked(source.slice(from, bodies[at + 1] ?? source.length));
  const chunkLayout = layoutOf(chunk);
  if (!('blocks' in chunkLayout)) return undefined;
  const block = chunkLayout.blocks.find((b) => b.token.type !== 'space');
  const offset = heading.line - 1 + countNewlines(source.slice(starts[at], from));
  return block && { token: block.token, line: block.line + offset };
}

function layoutOf(outline: Outline): Layout {
  const layout = layouts.get(outline);
  if (!layout) throw new Error('Not an outline made by parseOutline.');
  return layout;
}

const IMAGE_HINT = /!\[|<img/i;

/** `IMAGE_HINT.test(text)`, faster on long texts: `<` is rare in Markdown. */
function hasImageHint(text: string): boolean {
  if (text.includes('![')) return true;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if ((text.charCodeAt(at + 1) | 0x20) === 0x69 && IMAGE_HINT.test(text.slice(at, at + 4))) return true;
  }
  return false;
}

/**
 * marked's lexer, except that list items without an image or a link definition are not lexed: the
 * outline reads only the raw text of a list, and lexing every item costs a third of the block pass.
 */
let OutlineLexer: (new () => Lexer) | undefined;
function outlineLexer(): Lexer {
  if (!OutlineLexer) {
    OutlineLexer = class extends marked().Lexer {
      override blockTokens(src: string, tokens?: Token[], clipped?: boolean): Token[];
      override blockTokens(src: string, tokens?: TokensList, clipped?: boolean): TokensList;
      override blockTokens(src: string, tokens: Token[] = [], clipped = false): Token[] | TokensList {
        // List items are lexed with `top` false, and nothing else is.
        if (!this.state.top && !IMAGE_HINT.test(src) && !src.includes(']:')) {
          this.state.top = true;
          return tokens;
        }
        return super.blockTokens(src, tokens, clipped);
      }
    };
  }
  return new OutlineLexer();
}

function lex(source: string): Token[] {
  const lexer = outlineLexer();
  const tokens = lexer.blockTokens(source, lexer.tokens);
  const headings = new Set<Token[]>();
  for (const t of tokens) if (t.type === 'heading') headings.add((t as Tokens.Heading).tokens);
  inlineHeadings(lexer, (src, target) => headings.has(target) || IMAGE_HINT.test(src));
  return tokens;
}

/** marked's inline pass over the queued texts (all, or those `wanted`), as `marked.lexer` runs it. */
function inlineHeadings(lexer: Lexer, wanted?: (src: string, target: Token[]) => boolean): void {
  for (const { src, tokens } of lexer.inlineQueue) {
    if (wanted && !wanted(src, tokens)) continue;
    lexer.state.inRawBlock = false;
    lexer.inlineTokens(src, tokens);
  }
  lexer.inlineQueue = [];
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function collectImages(token: Token, blockRaw: string, blockLine: number, out: ImageLink[], depth: number) {
  if (depth > MAX_DEPTH) return;
  const lineOf = (raw: string) => {
    const at = blockRaw.indexOf(raw);
    return at < 0 ? blockLine : blockLine + countNewlines(blockRaw.slice(0, at));
  };
  if (token.type === 'image') {
    out.push({ src: (token as Tokens.Image).href, line: lineOf(token.raw) });
    return;
  }
  if (token.type === 'html') {
    for (const m of token.raw.matchAll(IMG_SRC)) {
      const src = m[1] ?? m[2] ?? m[3];
      if (src) out.push({ src, line: lineOf(token.raw) });
    }
    return;
  }
  const children: Token[] = [];
  const t = token as {
    tokens?: Token[];
    items?: Token[];
    header?: { tokens: Token[] }[];
    rows?: { tokens: Token[] }[][];
  };
  if (t.tokens) children.push(...t.tokens);
  if (t.items) children.push(...t.items);
  for (const cell of t.header ?? []) children.push(...cell.tokens);
  for (const row of t.rows ?? []) for (const cell of row) children.push(...cell.tokens);
  for (const child of children) collectImages(child, blockRaw, blockLine, out, depth + 1);
}

/** Lower-cased heading text without trailing punctuation, for matching section names. */
export function headingKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = text
      .toLowerCase()
      .replace(/[\u200b\u00a0]/g, ' ')
      .replace(/[:?!.]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    // Readmes repeat the template's headings: remember the keys (within a bound).
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(text, key);
  }
  return key;
}

const keys = new Map<string, string>();
const MAX_KEYS = 10_000;
