import { describe, expect, it } from 'vitest';
import { editDistance, KNOWN_EXTENSIONS, misspeltExtension } from './extension-names.ts';

describe('misspeltExtension', () => {
  it.each([
    ['x-ms-visibilty', 'x-ms-visibility'],
    ['x-ms-visibiltiy', 'x-ms-visibility'],
    ['x-ms-summmary', 'x-ms-summary'],
    ['x-ms-sumamry', 'x-ms-summary'],
    ['x-ms  -summary', 'x-ms-summary'],
    ['x-ms-summary title', 'x-ms-summary'],
    ['x-ms-summary:', 'x-ms-summary'],
    ['x_ms_summary', 'x-ms-summary'],
    ['x-ms-enum values', 'x-ms-enum-values'],
    ['x-ms-api-annotations', 'x-ms-api-annotation'],
  ])('maps %j to %s', (key, meant) => {
    expect(misspeltExtension(key)).toBe(meant);
  });
  it.each(['x-ms-summary', 'x-ms-visibility', 'x-ms-foo', 'x-ms-description', 'x-logo', 'xml', 'x-ms-sort'])(
    'leaves %j alone',
    (key) => {
      expect(misspeltExtension(key)).toBeUndefined();
    },
  );
  it('never maps a known name to another one', () => {
    for (const name of KNOWN_EXTENSIONS) expect(misspeltExtension(name)).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit and stops above the maximum', () => {
    expect(editDistance('summary', 'sumamry', 2)).toBe(1);
    expect(editDistance('visibility', 'visibilty', 2)).toBe(1);
    expect(editDistance('trigger', 'summary', 2)).toBe(3);
  });
});
