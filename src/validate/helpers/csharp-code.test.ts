import { describe, expect, it } from 'vitest';
import { lineColumn, maskCSharp } from './csharp-code.ts';

const braces = (code: string) => code.replace(/[^{}]/g, '');

describe('maskCSharp', () => {
  it('blanks comments, strings and chars but keeps length and line breaks', () => {
    const source = 'var s = "{"; // }\nvar c = \'}\'; /* {\n */ x();';
    const { code, unterminated } = maskCSharp(source);
    expect(code).toHaveLength(source.length);
    expect(code.split('\n')).toHaveLength(3);
    expect(braces(code)).toBe('');
    expect(code).toContain('x();');
    expect(unterminated).toBeUndefined();
  });
  it('keeps code inside interpolation holes and drops format specifiers and escaped braces', () => {
    const { code } = maskCSharp('var s = $"{{a}} {Call(new { X = 1 })} {d:yyyy}";');
    expect(braces(code)).toBe('{}');
    expect(code).toContain('Call(new');
    expect(code).not.toContain('yyyy');
  });
  it('handles verbatim, interpolated verbatim and raw strings', () => {
    const { code } = maskCSharp('var a = @"x "" {"; var b = $@"{a}}}"; var c = """ { """;');
    expect(braces(code)).toBe('');
  });
  it('reports strings and comments that never end', () => {
    expect(maskCSharp('var s = "abc\nx();').unterminated).toBe(8);
    expect(maskCSharp('x(); /* open').unterminated).toBe(5);
  });
  it('survives deeply nested interpolations without throwing', () => {
    const deep = `${'$"{'.repeat(200)}x${'}"'.repeat(200)}`;
    expect(() => maskCSharp(deep)).not.toThrow();
  });
});

describe('lineColumn', () => {
  it('turns an offset into a 1-based line and column', () => {
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
