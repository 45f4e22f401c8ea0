import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiFirst, asciiSource, isAscii } from './ascii-first.ts';

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

describe('isAscii', () => {
  it.each([
    ['', true],
    ['Get items (v2)', true],
    ['\u007f', true],
    ['caf\u00e9', false],
    ['\u2019', false],
    ['\u{1F600}', false],
  ])('answers %j with %s', (text, ascii) => {
    expect(isAscii(text)).toBe(ascii);
  });
});

describe('asciiSource', () => {
  it.each([
    [String.raw`\p{L}`, '[A-Za-z]'],
    [String.raw`[\p{L}\p{N})]$`, '[A-Za-z0-9)]$'],
    [String.raw`[^\p{L}\p{N}'\u2019]+$`, String.raw`[^A-Za-z0-9'\u2019]+$`],
    [String.raw`(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])`, '(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])'],
    [String.raw`(?![\p{Script=Latin}])\p{L}`, '(?![A-Za-z])[A-Za-z]'],
    [String.raw`[\p{M}]+`, '[]+'],
    [String.raw`[^\p{L} ()\-/\\<>]`, String.raw`[^A-Za-z ()\-/\\<>]`],
  ])('writes %s as %s', (source, ascii) => {
    expect(asciiSource(source)).toBe(ascii);
  });

  it.each([String.raw`\p{Lt}`, String.raw`\P{ASCII}`, String.raw`[^\P{L}]`])('refuses %s', (source) => {
    expect(() => asciiSource(source)).toThrow(/no ASCII ranges/);
  });

  it.each(['L', 'Lu', 'Ll', 'N', 'M', 'Script=Latin'])(
    'gives \\p{%s} the ASCII characters it matches',
    (property) => {
      const unicode = new RegExp(`^\\p{${property}}$`, 'u');
      const ascii = new RegExp(`^${asciiSource(`[\\p{${property}}]`)}$`, 'u');
      expect(ASCII.filter((c) => ascii.test(c))).toEqual(ASCII.filter((c) => unicode.test(c)));
    },
  );
});

describe('asciiFirst', () => {
  const patterns: [string, string][] = [
    [String.raw`^[^\p{L}\p{N}]+|[^\p{L}\p{N}'\u2019]+$`, 'gu'],
    [String.raw`(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])`, 'gu'],
    [String.raw`[^\p{L}\p{N} ()\-'\u2019,.:/\\<>*%&?]`, 'gu'],
    [String.raw`(?![\p{Script=Latin}])\p{L}`, 'gu'],
    [String.raw`[\p{L}\p{N})]$`, 'u'],
  ];

  it.each(patterns)('matches %s on ASCII text as the Unicode pattern does', (source, flags) => {
    const pick = asciiFirst(source, flags);
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        const unicode = new RegExp(source, flags);
        expect(text.replace(pick(text), '<>')).toBe(text.replace(unicode, '<>'));
        expect(text.match(pick(text))).toEqual(text.match(unicode));
      }),
    );
  });

  it('gives other text the Unicode pattern, made once', () => {
    const pick = asciiFirst(String.raw`[\p{L}\p{N})]$`, 'u');
    expect(pick('Asite').source).toBe('[A-Za-z0-9)]$');
    const unicode = pick('Données');
    expect(unicode.source).toBe(String.raw`[\p{L}\p{N})]$`);
    expect(unicode.flags).toBe('u');
    expect(pick('Καλημέρα')).toBe(unicode);
  });
});
