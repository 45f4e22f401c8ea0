import { describe, expect, it } from 'vitest';
import { readShellLine } from './shell-words.ts';

const words = (text: string) =>
  readShellLine(text).tokens.map((t) => (t.kind === 'word' ? t.text : `<${t.text}>`));

describe('shell words', () => {
  const cases: [string, string, string[]][] = [
    ['splits on blanks and tabs', 'curl  -s\thttps://a.test', ['curl', '-s', 'https://a.test']],
    ['keeps single quotes literal', `-H 'a: "$x" \\n'`, ['-H', 'a: "$x" \\n']],
    ['reads backslash escapes in double quotes', '"a\\"b\\\\c\\$d\\`e\\n"', ['a"b\\c$d`e\\n']],
    ['joins adjacent quoted parts into one word', `a'b'"c"$'d'`, ['abcd']],
    ['keeps an empty quoted word', `-d '' ""`, ['-d', '', '']],
    ['escapes outside quotes', 'a\\ b \\"c \\$HOME', ['a b', '"c', '$HOME']],
    ['does not expand variables', '"Bearer $TOKEN" $HOME/x', ['Bearer $TOKEN', '$HOME/x']],
    ['continues a line after a backslash', 'curl \\\n  -s \\\n  url', ['curl', '-s', 'url']],
    ['continues a word over a backslash-newline', 'ab\\\ncd', ['abcd']],
    ['keeps a newline inside quotes', `-d '{\n  "a": 1\n}'`, ['-d', '{\n  "a": 1\n}']],
    ['starts a comment only at a word start', 'a#b # c d', ['a#b']],
    ['reads a `$"…"` string as a double-quoted one', '$"a b"', ['a b']],
    [
      'reads control operators',
      'a|b||c&&d;e>f 2>&1',
      ['a', '<|>', 'b', '<||>', 'c', '<&&>', 'd', '<;>', 'e', '<>>', 'f', '2', '<>>', '<&>', '1'],
    ],
    ['does not read operators inside quotes', `'a|b' "c;d"`, ['a|b', 'c;d']],
  ];
  for (const [name, input, expected] of cases)
    it(name, () => {
      expect(words(input)).toEqual(expected);
    });

  const ansi: [string, string][] = [
    [`$'a\\nb\\tc\\rd'`, 'a\nb\tc\rd'],
    [`$'O\\'Brien \\"q\\" \\\\'`, `O'Brien "q" \\`],
    [`$'\\x41\\x7e'`, 'A~'],
    [`$'\\xc3\\xa9t\\xC3\\xA9'`, 'été'],
    [`$'\\101\\0'`, 'A\0'],
    [`$'\\u00e9\\u20AC'`, 'é€'],
    [`$'\\u{1F600}\\U0001F600'`, '😀😀'],
    [`$'\\u0021 is !'`, '! is !'],
    [`$'\\a\\e\\q\\x'`, '\x07\x1b\\q\\x'],
    [`$'\\cA'`, '\x01'],
  ];
  for (const [input, expected] of ansi)
    it(`reads ANSI-C quoting ${input}`, () => {
      expect(words(input)).toEqual([expected]);
    });

  it('ends at a newline outside quotes and says where the next line starts', () => {
    const text = 'curl a\ncurl b';
    const first = readShellLine(text);
    expect(first.end).toBe(7);
    expect(readShellLine(text, first.end).tokens.map((t) => t.text)).toEqual(['curl', 'b']);
  });

  it('gives each token its offset', () => {
    expect(readShellLine("x  'y' |").tokens.map((t) => t.start)).toEqual([0, 3, 7]);
  });

  it.each([
    ["'open", 0],
    ['a "open\\"', 2],
    ["a $'open\\'", 2],
    ["a 'b' 'c", 6],
  ])('reports the unterminated quote in %j instead of throwing', (input, at) => {
    const line = readShellLine(input);
    expect(line.unterminated).toBe(at);
    expect(line.end).toBe(input.length);
  });
});
