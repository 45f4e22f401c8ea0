import { describe, expect, it } from 'vitest';
import { escapeSegment, join, refToPointer, split, unescapeSegment } from './pointer.ts';

describe('JSON pointers', () => {
  it.each([
    ['plain', 'plain'],
    ['/tasks/{id}', '~1tasks~1{id}'],
    ['a~b', 'a~0b'],
    ['~1', '~01'],
    ['', ''],
  ])('escapes %j as %j and back', (segment, escaped) => {
    expect(escapeSegment(segment)).toBe(escaped);
    expect(unescapeSegment(escaped)).toBe(segment);
  });

  it('joins and splits segments', () => {
    const pointer = join('/paths', '/pets', 'get', 0);
    expect(pointer).toBe('/paths/~1pets/get/0');
    expect(split(pointer)).toEqual(['paths', '/pets', 'get', '0']);
    expect(split('')).toEqual([]);
  });

  it('turns local refs into pointers', () => {
    expect(refToPointer('#/definitions/Pet%20Shop')).toBe('/definitions/Pet Shop');
    expect(refToPointer('#/definitions/%E0%A4%A')).toBe('/definitions/%E0%A4%A');
    expect(refToPointer('other.json#/a')).toBeUndefined();
    expect(refToPointer('#a')).toBeUndefined();
  });
});
