import { describe, expect, it } from 'vitest';
import { isExtensionKey, normalizedSegments, templateProblem, templateVariables } from './path-template.ts';

describe('templateProblem', () => {
  it.each([
    ['/a/{id', { kind: 'unclosed', index: 3 }],
    ['/a/id}', { kind: 'unopened', index: 5 }],
    ['/a/{x{y}}', { kind: 'nested', index: 5 }],
    ['/a/{x/y}', { kind: 'spans-segments', index: 3 }],
    ['/a/{}', { kind: 'empty-variable', index: 3 }],
  ])('finds the problem in %s', (path, problem) => {
    expect(templateProblem(path)).toEqual(problem);
  });
  it('accepts well-formed templates', () => {
    expect(templateProblem("/a/{x}/b('{y}')/{z}.json")).toBeUndefined();
  });
});

describe('templateVariables', () => {
  it('lists variable bodies, defaults included', () => {
    expect(templateVariables('/a/{id}/{mode=full}')).toEqual(['id', 'mode=full']);
  });
});

describe('normalizedSegments', () => {
  it('lower-cases static text and blanks variable names', () => {
    expect(normalizedSegments('/Items/{id}/Files({name})')).toEqual(['', 'items', '{}', 'files({})']);
  });
});

describe('isExtensionKey', () => {
  it('tells vendor extensions from paths', () => {
    expect([isExtensionKey('x-generated'), isExtensionKey('/x-items')]).toEqual([true, false]);
  });
});
