import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFrame } from './code-frame.ts';
import { SourceLines } from './source-lines.ts';

describe('SourceLines', () => {
  it('gives the lines `split(/\\r?\\n/)` gives, for any text of line breaks and carriage returns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '\t', 'é'), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          const expected = text.split(/\r?\n/);
          const lines = new SourceLines(text);
          expect(lines.count).toBe(expected.length);
          for (let n = 1; n <= expected.length; n++) expect(lines.line(n)).toBe(expected[n - 1]);
          expect(lines.line(0)).toBeUndefined();
          expect(lines.line(expected.length + 1)).toBeUndefined();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the line and column of every offset, a line break counting as its line’s last character', () => {
    const text = 'ab\r\ncd\n\nef';
    const lines = new SourceLines(text);
    const at = [...text].map((_, offset) => lines.position(offset));
    expect(at.map(({ line, column }) => `${line}:${column}`)).toEqual([
      '1:1',
      '1:2',
      '1:3',
      '1:4',
      '2:1',
      '2:2',
      '2:3',
      '3:1',
      '4:1',
      '4:2',
    ]);
    expect(lines.position(text.length)).toEqual({ line: 4, column: 3 });
  });

  it('frames a place the same from the text or from its lines', () => {
    const text = '{\r\n  "a": 1,\n\t"b": [\r\n    2\n  ]\n}\r';
    const lines = new SourceLines(text);
    for (let line = 1; line <= 6; line++)
      for (const color of [false, true])
        expect(codeFrame(lines, line, 3, 2, color)).toBe(codeFrame(text, line, 3, 2, color));
    expect(codeFrame(text, 2, 3, 3)).toBe(
      ['  1 | {', '> 2 |   "a": 1,', '    |   ^^^', '  3 |  "b": [', '  4 |     2'].join('\n'),
    );
  });
});
