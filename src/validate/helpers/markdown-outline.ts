import type { Lexer, Token, Tokens, TokensList } from 'marked';
import { lazy } from '../../lazy.ts';

const marked = lazy<typeof import('marked')>('marked');

import type { ConnectorFile } from '../../connector/model.ts';

/** A Markdown heading with its plain text and 1-based line. */
export interface Heading {
  readonly depth: number;
  /** Plain text: emphasis, code and link markup removed, whitespace collapsed. */
  readonly text: string;
  /** `headingKey(text)`: lower-cased, without trailing punctuation, for matching section names. */
  readonly key: string;
  readonly line: number;
  /** Index in `Outline.blocks`. */
  readonly index: number;
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
  readonly blocks: readonly Block[];
  readonly headings: readonly Heading[];
  readonly images: readonly ImageLink[];
}

const cache = new WeakMap<ConnectorFile, Outline>();
const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const MAX_DEPTH = 64;

/** Headings, blocks and images of a Markdown file (readme.md, intro.md), parsed once per file. */
export function outlineOf(file: ConnectorFile): Outline {
  let outline = cache.get(file);
  if (!outline) {
    outline = parseOutline(file.text ?? '');
    cache.set(file, outline);
  }
  return outline;
}

/**
 * Parses Markdown with `marked` and records where each block starts. This is `marked.lexer` with
 * the inline pass limited to headings and to text that may hold an image: the full inline pass
 * costs three times the block pass, and nothing else needs it.
 */
export function parseOutline(text: string): Outline {
  let tokens: Token[];
  try {
    tokens = lex(text);
  } catch {
    tokens = [];
  }
  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const images: ImageLink[] = [];
  let line = 1;
  for (const token of tokens) {
    const index = blocks.length;
    const raw = token.raw;
    blocks.push({ token, line });
    if (token.type === 'heading') {
      // Leading blank lines belong to the raw text of some blocks; the heading itself starts after them.
      let lead = 0;
      while (raw.charCodeAt(lead) === 0x0a) lead++;
      const h = token as Tokens.Heading;
      const text = plainText(h.tokens);
      headings.push({ depth: h.depth, text, key: headingKey(text), line: line + lead, index });
    }
    // Images and `<img>` tags keep their `![` or `<img` in the raw text of the block holding them.
    if (IMAGE_HINT.test(raw)) collectImages(token, raw, line, images, 0);
    line += countNewlines(raw);
  }
  return { blocks, headings, images };
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
  return out.replace(/\s+/g, ' ').trim();
}

/** Text of every block from `from` (exclusive) to the next heading of `depth` or higher (exclusive). */
export function sectionText(outline: Outline, heading: Heading): string {
  const parts: string[] = [];
  for (let i = heading.index + 1; i < outline.blocks.length; i++) {
    const token = outline.blocks[i]!.token;
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= heading.depth) break;
    parts.push(token.raw);
  }
  return parts.join('');
}

const IMAGE_HINT = /!\[|<img/i;

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

function lex(text: string): Token[] {
  const lexer = outlineLexer();
  const tokens = lexer.blockTokens(text.replace(/\r\n?/g, '\n'), lexer.tokens);
  const headings = new Set<Token[]>();
  for (const t of tokens) if (t.type === 'heading') headings.add((t as Tokens.Heading).tokens);
  for (const { src, tokens: target } of lexer.inlineQueue) {
    if (!headings.has(target) && !IMAGE_HINT.test(src)) continue;
    lexer.state.inRawBlock = false;
    lexer.inlineTokens(src, target);
  }
  lexer.inlineQueue = [];
  return tokens;
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
  return text
    .toLowerCase()
    .replace(/[\u200b\u00a0]/g, ' ')
    .replace(/[:?!.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
