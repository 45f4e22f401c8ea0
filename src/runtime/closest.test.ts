import { describe, expect, it } from 'vitest';
import { closest } from './closest.ts';

describe('closest', () => {
  const cases: Array<{ word: string; candidates: string[]; near: string | undefined }> = [
    { word: 'tpo', candidates: ['top', 'skip'], near: 'top' },
    { word: 'TOP', candidates: ['top', 'skip'], near: 'top' },
    { word: 'taskid', candidates: ['taskId', 'listId'], near: 'taskId' },
    { word: 'zzzz', candidates: ['top', 'skip'], near: undefined },
    { word: 'a', candidates: [], near: undefined },
  ];
  it.each(cases)('`$word` → $near', ({ word, candidates, near }) => {
    expect(closest(word, candidates)).toBe(near);
  });
});
