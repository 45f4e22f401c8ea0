import { Lexer, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { atxHeadingLines } from './atx-headings.ts';

/** Offsets of the top-level heading tokens marked finds. */
function markedHeadingLines(text: string): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const token of new Lexer().blockTokens(text, []) as Token[]) {
    if (token.type === 'heading') out.push(offset);
    offset += token.raw.length;
  }
  return out;
}

describe('atxHeadingLines', () => {
  it('finds `#` lines at column 0, also empty ones and ones after a tab', () => {
    expect(atxHeadingLines('# Title\ntext\n## Section ##\n#\n#\tTab\n')).toEqual([0, 13, 27, 29]);
  });
  it('ignores `#` words, seven hashes and `#` lines inside fenced code', () => {
    const text = '#hashtag\n####### seven\n```\n# comment\n```\n~~~\n# more\n~~~~\n## After\n';
    expect(atxHeadingLines(text)).toEqual([text.indexOf('## After')]);
  });
  it('closes a fence only with the same character', () => {
    expect(atxHeadingLines('~~~\n```\n# inside\n')).toEqual([]);
  });
  it.each([
    ['an HTML block', '<details>\n# inside\n'],
    ['an indented heading', '- item\n  ## in the item\n'],
    ['a setext underline', 'Title\n---\n'],
    ['a link definition', '[a]: https://example.com "title\n# not a heading"\n'],
    ['an indented fence', '- item\n  ```\n# x\n'],
    ['a backtick fence whose info string has a backtick', '```a`b\n# x\n'],
    ['a line separator', '# a\u2028b\n'],
  ])('leaves a text with %s to the parser', (_name, text) => {
    expect(atxHeadingLines(text)).toBeUndefined();
  });
  it('agrees with marked wherever it answers', () => {
    const pieces = [
      '# H',
      '## H ##',
      '#',
      '#x',
      'text',
      '',
      '- item',
      '  - nested',
      '1. one',
      '> quote',
      '> # q',
      '    code',
      '```',
      '~~~',
      '````',
      '| a | b |',
      '|---|---|',
      '* * *',
      'x\u00a0',
      '#\u00a0nbsp',
      '- # h',
      '\t# tab',
    ];
    let seed = 3;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let answered = 0;
    for (let t = 0; t < 3000; t++) {
      const lines = Array.from({ length: 1 + next(12) }, () => pieces[next(pieces.length)]!);
      const text = `${lines.join('\n')}\n`;
      const found = atxHeadingLines(text);
      if (!found) continue;
      answered++;
      expect(found, JSON.stringify(text)).toEqual(markedHeadingLines(text));
    }
    expect(answered).toBeGreaterThan(1000);
  });
});
