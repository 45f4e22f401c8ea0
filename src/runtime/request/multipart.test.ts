import { describe, expect, it } from 'vitest';
import { encodeMultipart, randomBoundary } from './multipart.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('encodeMultipart', () => {
  const cases: Array<{ name: string; field: string; header: string }> = [
    { name: 'a plain name is quoted', field: 'title', header: 'name="title"' },
    { name: 'a quote in a name is escaped', field: 'a"b', header: 'name="a%22b"' },
    { name: 'line breaks in a name are escaped', field: 'a\r\nb', header: 'name="a%0D%0Ab"' },
  ];
  it.each(cases)('$name', ({ field, header }) => {
    expect(text(encodeMultipart([{ name: field, value: 'v' }], 'B'))).toBe(
      `--B\r\nContent-Disposition: form-data; ${header}\r\n\r\nv\r\n--B--\r\n`,
    );
  });

  it('ends with the closing delimiter even without parts', () => {
    expect(text(encodeMultipart([], 'B'))).toBe('--B--\r\n');
  });

  it('refuses a boundary that occurs in a value', () => {
    expect(() => encodeMultipart([{ name: 'a', value: 'x--B y' }], 'B')).toThrow(RangeError);
  });

  it('strips line breaks from a file content type', () => {
    const file = {
      kind: 'file' as const,
      name: 'f',
      contentType: 'text/plain\r\nX-Evil: 1',
      bytes: new Uint8Array(),
    };
    expect(text(encodeMultipart([{ name: 'f', value: file }], 'B'))).toContain(
      'Content-Type: text/plainX-Evil: 1\r\n',
    );
  });
});

describe('randomBoundary', () => {
  it('differs between calls', () => {
    expect(randomBoundary()).not.toBe(randomBoundary());
  });
});
