import fc from 'fast-check';
import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { atxHeadingLines } from './atx-headings.ts';
import { atxHeading, headingKey, parseOutline, sectionText } from './markdown-outline.ts';

const TEXT =
  '# Title\r\n\r\nIntro ![a](a.png)\r\n\r\n## Publisher: **Contoso** [site](https://x)\r\n\r\n- <img src="b.png">\r\n\r\n### Sub\r\ntext\r\n\r\n## Next\r\n';

describe('parseOutline', () => {
  it('finds headings with plain text and lines, also in CRLF files', () => {
    const outline = parseOutline(TEXT);
    expect(outline.headings.map((h) => [h.depth, h.text, h.line])).toEqual([
      [1, 'Title', 1],
      [2, 'Publisher: Contoso site', 5],
      [3, 'Sub', 9],
      [2, 'Next', 12],
    ]);
  });
  it('finds Markdown and HTML images with their lines', () => {
    expect(parseOutline(TEXT).images).toEqual([
      { src: 'a.png', line: 3 },
      { src: 'b.png', line: 7 },
    ]);
  });
  it('returns the text of a section up to the next heading of its level', () => {
    const outline = parseOutline(TEXT);
    const text = sectionText(outline, outline.headings[1]!);
    expect(text).toContain('### Sub');
    expect(text).not.toContain('Next');
  });
  it('normalises heading keys', () => {
    expect(headingKey('How to get  Credentials?')).toBe('how to get credentials');
  });
});

describe('atxHeading', () => {
  const tokenizer = new Lexer().options.tokenizer!;
  const same = (line: string) => {
    const [start] = atxHeadingLines(line) ?? [];
    if (start === undefined) return;
    const token = tokenizer.heading(line.slice(start))!;
    expect(atxHeading(line, start)).toEqual({ depth: token.depth, text: token.text });
  };
  it.each([
    '# Title',
    '## Publisher: Contoso ##',
    '### Ends with C#',
    '#\tTabbed #  ',
    '# #',
    '###### ',
    '## Two\n\nlines',
  ])('reads %j as marked does', same);
  it('reads any heading line as marked does', () => {
    const piece = fc.constantFrom('#', ' ', '\t', 'a', 'C#', '\u00a0', '\\#', '*', '\n');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(piece, { maxLength: 12 }), (depth, rest) => {
        same(`${'#'.repeat(depth)} ${rest.join('')}`);
      }),
    );
  });
});
