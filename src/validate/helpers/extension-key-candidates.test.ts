import { describe, expect, it } from 'vitest';
import { extensionKeyCandidates } from './extension-key-candidates.ts';

describe('extensionKeyCandidates', () => {
  it('lists every string literal starting with x or X, keys and values alike', () => {
    const text = JSON.stringify({ 'x-ms-summary': 'Id', a: 'xyz', 'X-MS-Visibilty': 'x-ms-summary', b: 'y' });
    expect(extensionKeyCandidates(text)).toEqual(new Set(['x-ms-summary', 'xyz', 'X-MS-Visibilty']));
  });
  it('decodes literals with escapes, also one that opens with an escaped x', () => {
    const text = '{"\\u0078-ms-visibilty": 1, "x-a\\"b": 2, "\\\\share": 3}';
    expect(extensionKeyCandidates(text)).toEqual(new Set(['x-ms-visibilty', 'x-a"b']));
  });
  it('gives up on a literal whose escapes are not valid JSON, so that the caller walks the value', () => {
    expect(extensionKeyCandidates('{"x-ms-summary\\q": 1}')).toBeUndefined();
    expect(extensionKeyCandidates('{"x-ms-summary')).toBeUndefined();
  });
  it('finds nothing in a document without such literals', () => {
    expect(extensionKeyCandidates('{"swagger": "2.0", "info": {}}')).toEqual(new Set());
  });
});
