import { describe, expect, it } from 'vitest';
import { isPointerFragment, refIntoSection } from './ref-syntax.ts';

describe('isPointerFragment', () => {
  it.each([
    '#',
    '#/definitions/Task',
    '#/definitions/A~1B~0C',
    '#/definitions/My%20Task',
    '#/definitions/Page[Task] v2',
  ])('accepts %s', (ref) => expect(isPointerFragment(ref)).toBe(true));
  it.each([
    '#definitions/Task',
    '#/definitions/A~2',
    '#/definitions/A%G1',
    'other.json#/definitions/A',
    '/definitions/A',
  ])('rejects %s', (ref) => expect(isPointerFragment(ref)).toBe(false));
});

describe('refIntoSection', () => {
  it('needs the section prefix and a name', () => {
    expect(refIntoSection('#/definitions/Task', '#/definitions/')).toBe(true);
    expect(refIntoSection('#/definitions/', '#/definitions/')).toBe(false);
    expect(refIntoSection('#/responses/Ok', '#/definitions/')).toBe(false);
  });
});
