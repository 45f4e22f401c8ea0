import { describe, expect, it } from 'vitest';
import { headingKey, parseOutline, sectionText } from './markdown-outline.ts';

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
